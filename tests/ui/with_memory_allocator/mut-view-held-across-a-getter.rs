// A mutable view of a segment's bytes (`as_bytes_mut`) is the only access to them while it
// is used: the segment cannot even be read.
use wasm_function::with_memory_allocator;

fn misuse() {
    with_memory_allocator!(|mem| {
        let mut segment = mem.allocate(8);
        let view = segment.as_bytes_mut();
        let first = segment.get_u8(0);
        view[0] = first;
    });
}

fn main() {}
