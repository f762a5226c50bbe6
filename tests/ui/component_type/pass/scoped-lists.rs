//! Scoped list results whose elements are not integers: strings, tuples with strings and
//! handles, records with string and list fields, inside `result` and `option` (host build:
//! the imports are not called, the lowering is type-checked).

use wasm_function::memory::MemoryAllocator;
use wasm_function::wasm_function;

#[wasm_function("wasi:cli/environment@0.2.0", "get-arguments")]
pub fn arguments<'s>(memory: &MemoryAllocator<'s>) -> &'s [&'s str];

#[wasm_function("wasi:cli/environment@0.2.0", "get-environment")]
pub fn environment<'s>(memory: &MemoryAllocator<'s>) -> &'s [(&'s str, &'s str)];

#[wasm_function("wasi:filesystem/preopens@0.2.0", "get-directories")]
pub fn directories<'s>(memory: &MemoryAllocator<'s>) -> &'s [(u32, &'s str)];

/// `test:lists/lists.entry`, its strings in the scope.
pub struct Entry<'s> {
    pub name: &'s str,
    pub size: u64,
    pub tags: &'s [&'s str],
}

#[wasm_function("test:lists/lists@0.1.0", "entries", wit = "../../../../tests/ui/wit-lists")]
pub fn entries<'s>(memory: &MemoryAllocator<'s>) -> Result<&'s [Entry<'s>], &'s str>;

#[wasm_function("test:lists/lists@0.1.0", "maybe-names", wit = "../../../../tests/ui/wit-lists")]
pub fn maybe_names<'s>(memory: &MemoryAllocator<'s>) -> Option<&'s [&'s str]>;

/// `list<thing>` as raw handles is accepted in a scope.
#[wasm_function("test:lists/lists@0.1.0", "things", wit = "../../../../tests/ui/wit-lists")]
pub fn things<'s>(memory: &MemoryAllocator<'s>) -> &'s [u32];

fn main() {
    let _ = (arguments, environment, directories, entries, maybe_names, things);
}

/// `test:lists/lists.thing`.
#[wasm_function::wasm_resource("test:lists/lists@0.1.0", "thing", wit = "../../../../tests/ui/wit-lists")]
pub struct Thing;

/// `test:lists/lists.holder`: its `own<thing>` field lifted into the resource type, which
/// then drops the handle.
pub struct Holder {
    pub thing: Thing,
    pub name: String,
}

#[wasm_function("test:lists/lists@0.1.0", "take", wit = "../../../../tests/ui/wit-lists")]
pub fn take() -> Holder;

/// The same field as the raw handle.
pub struct RawHolder {
    pub thing: u32,
    pub name: String,
}

#[wasm_function("test:lists/lists@0.1.0", "take", wit = "../../../../tests/ui/wit-lists")]
pub fn take_raw() -> RawHolder;

#[wasm_function("test:lists/lists@0.1.0", "give", wit = "../../../../tests/ui/wit-lists")]
pub fn give(h: RawHolder);

pub fn more() {
    let _ = (take, take_raw, give);
}

/// A scoped list of records whose `own<thing>` field is the raw handle.
pub struct ScopedHolder<'s> {
    pub thing: u32,
    pub name: &'s str,
}

#[wasm_function("test:lists/lists@0.1.0", "holders", wit = "../../../../tests/ui/wit-lists")]
pub fn holders<'s>(memory: &MemoryAllocator<'s>) -> &'s [ScopedHolder<'s>];

pub fn scoped_more() {
    let _ = holders;
}
