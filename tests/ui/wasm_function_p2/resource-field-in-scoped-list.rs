use wasm_function::memory::MemoryAllocator;
use wasm_function::{wasm_function, wasm_resource};

#[wasm_resource("test:lists/lists@0.1.0", "thing", wit = "../../../../tests/ui/wit-lists")]
pub struct Thing;

pub struct Holder<'s> {
    pub thing: Thing,
    pub name: &'s str,
}

// Scope memory runs no `Drop`: the things would never be dropped.
#[wasm_function("test:lists/lists@0.1.0", "holders", wit = "../../../../tests/ui/wit-lists")]
fn holders<'s>(memory: &MemoryAllocator<'s>) -> &'s [Holder<'s>];

fn main() {
    let _ = holders;
}
