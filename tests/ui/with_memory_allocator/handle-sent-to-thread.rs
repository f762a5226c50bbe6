// Handles belong to the thread whose allocator they use: they are not `Send`.
use wasm_function::with_memory_allocator;

fn misuse() {
    with_memory_allocator!(|mem| {
        std::thread::scope(|threads| {
            threads.spawn(|| mem.allocate(8).len());
        });
    });
}

fn main() {}
