// The two parts from `split_at` borrow the parent mutably: the parent cannot be used while
// either part is still used.
use wasm_function::with_memory_allocator;

fn misuse() {
    with_memory_allocator!(|mem| {
        let mut segment = mem.allocate(16);
        let (mut head, tail) = segment.split_at(8);
        segment.set_u8(0, 1);
        head.set_u8(0, tail.get_u8(0));
    });
}

fn main() {}
