use wasm_function::memory::MemoryAllocator;
use wasm_function::{wasm_function, wasm_resource};

#[wasm_resource("wasi:filesystem/types@0.2.0", "descriptor")]
pub struct Descriptor;

// Scope memory runs no `Drop`: the descriptors would never be closed.
#[wasm_function("wasi:filesystem/preopens@0.2.0", "get-directories")]
fn get_directories<'s>(memory: &MemoryAllocator<'s>) -> &'s [(Descriptor, &'s str)];

fn main() {}
