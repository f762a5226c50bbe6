// A segment cannot be stored in a variable that outlives its scope.
use wasm_function::memory::MemorySegment;
use wasm_function::with_memory_allocator;

fn escape() -> u8 {
    let mut kept: Option<MemorySegment<'_>> = None;
    with_memory_allocator!(|mem| {
        kept = Some(mem.allocate(8));
    });
    kept.map_or(0, |segment| segment.get_u8(0))
}

fn main() {}
