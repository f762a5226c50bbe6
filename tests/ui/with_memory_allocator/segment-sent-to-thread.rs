// Segments are not `Send` either.
use wasm_function::with_memory_allocator;

fn misuse() {
    with_memory_allocator!(|mem| {
        let mut segment = mem.allocate(8);
        std::thread::scope(|threads| {
            threads.spawn(move || segment.set_u8(0, 1));
        });
    });
}

fn main() {}
