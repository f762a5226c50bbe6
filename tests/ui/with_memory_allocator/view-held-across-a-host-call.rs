// A view of a segment cannot live across a host call that may write the segment: the call
// takes `&mut MemorySegment`.
use wasm_function::memory::MemorySegment;
use wasm_function::{wasm_function, with_memory_allocator};

#[wasm_function("env")]
fn fill(target: &mut MemorySegment<'_>);

fn misuse() -> u8 {
    with_memory_allocator!(|mem| {
        let mut segment = mem.allocate(4);
        let view = segment.as_bytes();
        fill(&mut segment);
        view[0]
    })
}

fn main() {}
