// A view of a segment's bytes (`as_bytes`) freezes the segment: it cannot be written while
// the view is still used.
use wasm_function::with_memory_allocator;

fn misuse() -> u8 {
    with_memory_allocator!(|mem| {
        let mut segment = mem.allocate(8);
        let view = segment.as_bytes();
        segment.set_u8(0, 1);
        view[0]
    })
}

fn main() {}
