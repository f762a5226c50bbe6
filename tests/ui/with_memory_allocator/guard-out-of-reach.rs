// The scope's guard is hidden from the body: the body cannot close or forget its own scope
// while its segments are alive.
use wasm_function::with_memory_allocator;

fn misuse() {
    with_memory_allocator!(|mem| {
        let _segment = mem.allocate(8);
        drop(scope);
    });
}

fn main() {}
