// A segment cannot outlive its scope: returning it from the block is a borrow error.
use wasm_function::with_memory_allocator;

fn escape() -> u8 {
    let segment = with_memory_allocator!(|mem| { mem.allocate(8) });
    segment.get_u8(0)
}

fn main() {}
