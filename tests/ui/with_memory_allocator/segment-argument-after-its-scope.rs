// A segment cannot be passed to an import after its scope closed: it cannot leave the scope.
use wasm_function::memory::MemorySegment;
use wasm_function::{wasm_function, with_memory_allocator};

#[wasm_function("env")]
fn checksum(source: &MemorySegment<'_>) -> u32;

fn misuse() -> u32 {
    let mut kept = Vec::new();
    with_memory_allocator!(|mem| {
        kept.push(mem.allocate(4));
    });
    checksum(&kept[0])
}

fn main() {}
