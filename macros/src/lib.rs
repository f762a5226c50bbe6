//! Implementation detail of the `wasm-function` crate: use the macros through
//! `wasm_function::{wasm_function, with_memory_allocator, WasmType}`, where they are documented.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

mod component;
mod derive_wasm_type;
mod errors;
mod memory_scope;
#[cfg(test)]
mod snapshots;
mod wasm_function;

/// Replaces a function's body with a call to a WebAssembly import.
///
/// `#[wasm_function("module", "name")]` imports `module.name`; `#[wasm_function("module")]`
/// imports the function's own name. The function's body is `;`, or a block that runs instead
/// on targets other than wasm32 (a fallback for host tests and mocks; without one a call
/// panics there, naming the import). Visibility, docs and other attributes are kept. Host
/// builds type-check the same lowering as wasm32 builds, so a type that does not lower is an
/// error on every target. The name is taken as written when given as a string (`"r#x"`
/// imports `r#x`); a raw identifier loses its `r#` (`fn r#type` imports `type`).
///
/// ```
/// use wasm_function::wasm_function;
/// use wasm_function::wasi::{Ciovec, Errno, Fd};
///
/// /// Checked against the preview1 signature table at compile time.
/// #[wasm_function("wasi_snapshot_preview1")]
/// pub fn fd_write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<usize, Errno>;
///
/// /// A custom host function, with a body that runs on the host instead.
/// #[wasm_function("env", "add")]
/// pub fn add(a: i64, b: i64) -> i64 {
///     a + b
/// }
///
/// # #[cfg(not(target_arch = "wasm32"))]
/// assert_eq!(add(40, 2), 42);
/// ```
///
/// # Lowering
///
/// - `i8 u8 i16 u16 i32 u32 bool usize isize` and raw pointers lower to `i32`, `i64 u64` to
///   `i64`, `f32` and `f64` to themselves; raw pointers only on an `unsafe fn`.
/// - Any type implementing `wasm_function::abi::WasmType` lowers to its core type;
///   `#[derive(WasmType)]` implements it for a `#[repr(transparent)]` newtype.
/// - `&str`, `&[T]` and `&mut [T]` lower to two `i32`: pointer and length.
/// - A return of `Result<T, E>` with an errno-like `E` (`wasm_function::abi::ErrorCode`) makes
///   the import return an `i32` status (0 = success) and adds one trailing `i32` out-pointer per
///   value of `T` (a tuple gives several); `-> !` declares an import that does not return.
/// - Anything else is a compile error on that type that says what to write instead.
///
/// For `wasi_snapshot_preview1` the name and the lowered arity are checked against the
/// specification, and the import is declared with the specification's core types.
///
/// # Component Model imports (`wasm32-wasip2`)
///
/// When the module names a WIT interface, `"namespace:package/interface@version"`, the function
/// is a Component Model import, checked against WIT while compiling and lowered through the
/// Canonical ABI:
///
/// ```
/// use wasm_function::memory::MemoryAllocator;
/// use wasm_function::wasm_function;
///
/// /// `wasi:io/streams.stream-error`: cases by their UpperCamelCase names.
/// pub enum StreamError {
///     LastOperationFailed(u32),
///     Closed,
/// }
///
/// #[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
/// pub fn get_stdout() -> u32;
///
/// #[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush")]
/// pub fn write(stream: u32, contents: &[u8]) -> Result<(), StreamError>;
///
/// /// A result in scope memory: no global allocator needed.
/// #[wasm_function("wasi:cli/environment@0.2.0", "initial-cwd")]
/// pub fn initial_cwd<'s>(memory: &MemoryAllocator<'s>) -> Option<&'s str>;
///
/// /// The import name defaults to the fn's name with `_` as `-`; a body runs off wasip2.
/// #[wasm_function("wasi:random/random@0.2.0")]
/// pub fn get_random_u64() -> u64 {
///     4
/// }
///
/// # #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
/// assert_eq!(get_random_u64(), 4);
/// ```
///
/// - **WIT.** `wasi:` interfaces are built in (WASI 0.2.12: cli, io, clocks, random,
///   filesystem, sockets; names and types only, kept equal to `wasmtime-wasi`'s copy by a
///   test). Other interfaces come from the `wit/` directory at the crate root, or from
///   `wit = "path"` (relative to the crate root; a directory with an optional `deps/`, or one
///   file). Cargo rebuilds the crate when one of those files changes. A `wasi:` package found
///   in the user's WIT is taken from there.
/// - **Names.** The version must be on the semver track of the WIT's (`@0.2.0` matches
///   0.2.12; `@0.3.0` is an error naming 0.2.12). Functions are named as in WIT, with the
///   resource forms `[constructor]R`, `[method]R.name`, `[static]R.name` and
///   `[resource-drop]R`; an unknown one is an error suggesting the nearest name.
/// - **Types**, checked position by position, the error saying what to write: `bool`,
///   integers (`s32` is `i32`), `f32`, `f64`, `char` as themselves; `string` as `&str` in a
///   parameter, `String` in a result; `list<T>` as `&[T]` / `Vec<T>` (a parameter list
///   whose elements are not integers or floats is laid out in a buffer: from the scope, or
///   the global allocator with `std`); `option`, `result` (`()` for a missing payload),
///   `tuple` as `Option`, `Result`, tuples; `flags` as `u8`/`u16`/`u32` bits (member `i` at
///   bit `i`; unknown bits from the host are dropped) or a `#[derive(ComponentType)]` newtype
///   of those flags (checked while compiling to be of them); `own<R>` and `borrow<R>` as the
///   `u32` handle or a `#[wasm_resource]` type. A WIT record, variant or enum is your Rust type
///   of that shape: record fields by their snake_case names, cases by their UpperCamelCase
///   names. Derive `ComponentType` on it, naming its WIT type, to have it checked field by
///   field and case by case against WIT, each error on your field or case; a type that is not
///   derived is still accepted by shape, checked only by the compiler on the generated code.
/// - **Results in a scope.** With `memory: &MemoryAllocator<'s>` as the first parameter (not a
///   WIT parameter), strings and lists in the result are placed in that scope by the host
///   (`cabi_realloc` allocates there while the call runs) and returned as `&'s str` /
///   `&'s [T]`. `T` may be any type the list's elements lift to (`&'s str`, tuples, records
///   with `&'s str` fields, nested `&'s [U]`): such a list is lifted into an array of `T`
///   allocated in the same scope. Scope memory runs no `Drop`, so a `#[wasm_resource]` type
///   inside a scoped list is an error: the handle is a `u32` there. List parameters whose
///   elements need laying out (strings, records, borrows) are laid out in the scope too, so
///   such a function needs no global allocator at all. Outside a scope `cabi_realloc` is the
///   global allocator (runtime feature `std`), which `String` and `Vec` results need. Without
///   `std` and outside a scope it returns null, so the host traps rather than write anywhere.
/// - **Resources in records and variants.** An `own<R>` field or payload of a result is lifted
///   into whatever the field's type is: `u32`, or a `#[wasm_resource]` type that then owns
///   the handle (`wasi:io/streams.stream-error`'s `last-operation-failed(error)`). In a
///   parameter such a field is its `u32` handle.
/// - **Targets.** The import exists on `wasm32-wasip2`, where the expansion also carries the
///   component-type custom section `wasm-component-ld` needs (no linker flags). On every other
///   target, `wasm32-wasip1` included, the body given runs instead, or a stub that panics
///   (traps on wasm32) naming the import, so one crate can hold both kinds of import and host
///   builds type-check the same lowering.
#[proc_macro_attribute]
pub fn wasm_function(args: TokenStream, item: TokenStream) -> TokenStream {
    wasm_function::expand(args.into(), item.into()).into()
}

/// Opens a scope of bump-allocated linear memory for a block, and closes it when the block is
/// left, freeing everything allocated in it.
///
/// ```text
/// with_memory_allocator!(|mem| { /* body */ })            // a scope
/// with_memory_allocator!(|child| in mem { /* body */ })   // a child of the scope `mem`
/// ```
///
/// `mem` (any name, or `_`) is bound to a `&mut wasm_function::memory::MemoryAllocator<'_>`
/// for the body, which allocates `MemorySegment`s with `mem.allocate(n)`,
/// `mem.try_allocate(n)`, `mem.try_allocate_aligned(n, align)`, `mem.allocate_bytes(..)`,
/// `mem.allocate_str(..)`. The body is an ordinary block, not a closure: `?`, `return`, `break`
/// and `continue` in it act on the enclosing function or loop, and the macro's value is the
/// block's value. The scope closes on every way out, an unwinding panic included. The closure
/// forms are `wasm_function::memory::scope(|mem| ...)` and `mem.scope(|child| ...)`.
///
/// ```
/// use wasm_function::with_memory_allocator;
///
/// fn first_byte(text: &str) -> Option<u8> {
///     with_memory_allocator!(|mem| {
///         let copy = mem.try_allocate_str(text).ok()?; // `?` leaves `first_byte`
///         let first = with_memory_allocator!(|scratch| in mem {
///             let mut pair = scratch.allocate(2); // freed at the end of this block
///             pair.set_u8(0, copy.try_get_u8(0).ok()?); // `copy` is still usable here
///             pair.get_u8(0)
///         });
///         Some(first)
///     })
/// }
/// assert_eq!(first_byte("wasm"), Some(b'w'));
/// assert_eq!(first_byte(""), None);
/// ```
///
/// The module documentation of `wasm_function::memory` has more examples.
///
/// # Compile errors
///
/// - Input that is not `|name| { ... }` or `|name| in parent { ... }`: a missing, typed,
///   `mut` or second binder, a missing body, a body that is not a block, extra tokens.
/// - A segment outliving the block: returned from it, stored in a variable declared outside,
///   captured by a closure that outlives it ("`mem` does not live long enough").
/// - The parent `mem` used while a child `|child| in mem { ... }` (or `mem.scope(..)`) is
///   open: it is mutably borrowed until the child's block ends.
/// - The handle leaving its block, or the handles of two scopes exchanged (`mem::swap`): each
///   scope's lifetime is an invariant brand pinned to the end of its block.
/// - A handle or a segment sent to or shared with another thread: neither is `Send` nor `Sync`.
///
/// # Panics (at run time)
///
/// - When a handle allocates (or opens a child) while a scope opened *without naming it as the
///   parent* (`with_memory_allocator!(|inner| { ... })` or `memory::scope` inside its block) is
///   still open (or was leaked). Lifetimes cannot see such ambient nesting; a per-thread check
///   that the handle's scope is the current one does. Write `|inner| in mem { ... }` to turn
///   this into a compile error.
/// - When memory runs out, from `allocate` and the other non-`try_` methods (the `try_` ones
///   return `Err(AllocError)` and change nothing); and on an out-of-bounds access through a
///   segment's non-`try_` accessors.
#[proc_macro]
pub fn with_memory_allocator(input: TokenStream) -> TokenStream {
    memory_scope::expand(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements the lowering traits of `wasm_function::abi` for a `#[repr(transparent)]` newtype
/// or a `#[repr(C)]` record.
///
/// **A newtype** over one field that has a lowering gets `WasmType`, so it can cross the import
/// boundary by value; over a primitive integer or float it also gets `WasmLayout` and
/// `WasmWritable`, so it can sit in slices and `Result` out-values.
///
/// ```
/// use wasm_function::{WasmType, wasm_function};
///
/// /// A handle the host hands out.
/// #[derive(Clone, Copy, Debug, PartialEq, Eq, WasmType)]
/// #[repr(transparent)]
/// pub struct Handle(u32);
///
/// #[wasm_function("env")]
/// pub fn open_default() -> Handle {
///     Handle(3)
/// }
///
/// # #[cfg(not(target_arch = "wasm32"))]
/// assert_eq!(open_default(), Handle(3));
/// ```
///
/// **A record** (`#[repr(C)]`, every field `WasmLayout`) gets `WasmLayout`, so `&[Record]` can
/// be handed to a host, and with `#[wasm_type(writable)]` also `WasmWritable` (every field must
/// then be `WasmWritable`), so a host can write it. Records do not cross the boundary by value:
/// they get no `WasmType`. The record states its wasm32 layout — `#[wasm_type(size = ..,
/// align = ..)]` on the struct, `#[wasm_type(offset = ..)]` on every field — and the derive
/// asserts it at compile time, so a record cannot drift from what the host expects. Use
/// fixed-width fields (`u32`, not `usize`) so that the layout is the same on every target.
///
/// ```
/// use wasm_function::WasmType;
///
/// /// A point the host reads from `&[Point]` and writes into `&mut [Point]`.
/// #[derive(Clone, Copy, WasmType)]
/// #[repr(C)]
/// #[wasm_type(size = 16, align = 8, writable)]
/// pub struct Point {
///     #[wasm_type(offset = 0)]
///     pub id: u32,
///     #[wasm_type(offset = 8)]
///     pub at: u64,
/// }
/// ```
///
/// # Compile errors
///
/// Enums, unions and generic types; a struct with neither `#[repr(transparent)]` nor
/// `#[repr(C)]`; a newtype without exactly one field; a record without its layout or a field
/// without its offset; a layout that differs from the one stated; a field without the trait
/// the derive needs (`WasmType` for a newtype, `WasmLayout`/`WasmWritable` for a record).
#[proc_macro_derive(WasmType, attributes(wasm_type))]
pub fn derive_wasm_type(input: TokenStream) -> TokenStream {
    derive_wasm_type::expand(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Makes a `no_std` `wasm32-wasip2` component a command: exports `wasi:cli/run#run` (at the
/// version of the built-in WASI WIT, 0.2.12, since export names must match exactly), which
/// calls the given `fn() -> Result<(), ()>` and reports `Err` as a failed run. A std bin gets
/// this export from libstd and needs nothing. Expands to nothing on other targets.
///
/// ```
/// fn run() -> Result<(), ()> {
///     Ok(())
/// }
/// wasm_function::wasi_cli_run!(run);
/// ```
#[proc_macro]
pub fn wasi_cli_run(input: TokenStream) -> TokenStream {
    component::run_export(input.into()).into()
}

/// Declares the Rust type of a WIT resource, for Component Model imports on `wasm32-wasip2`.
///
/// `#[wasm_resource("ns:pkg/iface@version", "name")]` on a unit struct makes it an owned `u32`
/// handle of that resource (checked to exist in WIT, found as `#[wasm_function]` finds
/// interfaces) whose `Drop` calls the `[resource-drop]name` import. `#[wasm_function]` takes
/// the type for `own<name>` (the value moves to the host, or is returned by it) and `&Type` for
/// `borrow<name>`, and checks while compiling that the type is that resource.
///
/// ```
/// use wasm_function::{wasm_function, wasm_resource};
///
/// #[wasm_resource("wasi:io/streams@0.2.0", "output-stream")]
/// pub struct OutputStream;
///
/// #[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
/// pub fn get_stdout() -> OutputStream;
///
/// #[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.check-write")]
/// pub fn check_write(stream: &OutputStream) -> Result<u64, StreamError>;
///
/// pub enum StreamError {
///     LastOperationFailed(u32),
///     Closed,
/// }
/// ```
#[proc_macro_attribute]
pub fn wasm_resource(args: TokenStream, item: TokenStream) -> TokenStream {
    component::resource(args.into(), item.into()).into()
}

/// Makes a struct or enum the Rust type of a WIT record, variant, enum or flags, checked
/// against the WIT while compiling, for Component Model imports on `wasm32-wasip2`.
///
/// `#[component("ns:pkg/iface@version", "name")]` names the WIT type (found as
/// `#[wasm_function]` finds interfaces: WASI built in, other packages from the crate's `wit/`
/// or from `wit = "path"`). The derive checks, each error on the token to change and saying
/// what the WIT has:
///
/// - a **record** is a struct with the WIT's fields, by their snake_case names and in the WIT's
///   order, each field's type as `#[wasm_function]` checks a type (`s32` is `i32`, `string` is
///   `String` or `&'a str`, `list<T>` is `Vec<T>` or `&'a [T]`, a nested record your type
///   of it);
/// - a **variant** is an enum with the WIT's cases by their UpperCamelCase names, in order, a
///   case with a payload as `Case(T)`, one without as `Case`;
/// - an **enum** is an enum of the WIT's cases, all without payloads;
/// - **flags** are a newtype over the integer that holds their bits, `struct Perms(u8);`
///   (`u16` beyond 8 members, `u32` beyond 16), which gets a constant per member
///   (`Perms::READ` for `read`, bit `i` for member `i`), `empty`, `all`, `bits`,
///   `from_bits_truncate`, `contains`, `is_empty`, `|`, `|=` and `&`.
///
/// It implements `WitType`, naming the WIT type. A derived flags type is taken by
/// `#[wasm_function]` where the WIT has those flags, and checked while compiling to be of
/// them. Records, variants and enums are taken by shape (a type that is not derived is still
/// accepted, and checked only by the compiler on the generated code): the derive is the way to
/// have them checked field by field against WIT.
///
/// ```
/// use wasm_function::{ComponentType, wasm_function};
///
/// #[derive(ComponentType)]
/// #[component("wasi:clocks/wall-clock@0.2.0", "datetime")]
/// pub struct Datetime {
///     pub seconds: u64,
///     pub nanoseconds: u32,
/// }
///
/// #[derive(ComponentType)]
/// #[component("wasi:filesystem/types@0.2.0", "descriptor-flags")]
/// pub struct DescriptorFlags(u8);
///
/// #[wasm_function("wasi:clocks/wall-clock@0.2.0", "now")]
/// pub fn now() -> Datetime;
///
/// let both = DescriptorFlags::READ | DescriptorFlags::WRITE;
/// assert!(both.contains(DescriptorFlags::READ));
/// assert_eq!(both.bits(), 0b11);
/// ```
///
/// # Compile errors
///
/// A WIT type that does not exist (the nearest name suggested) or is not a record, variant,
/// enum or flags; a struct where the WIT has an enum or the reverse; a field or case missing,
/// extra (the nearest WIT name suggested), out of order or of another type; a case with a
/// payload where the WIT has none or the reverse; a flags newtype over the wrong integer;
/// type or const parameters (lifetimes are fine).
#[proc_macro_derive(ComponentType, attributes(component))]
pub fn derive_component_type(input: TokenStream) -> TokenStream {
    component::derive_component_type(input.into()).into()
}
