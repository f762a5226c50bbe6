// A child scope opened through its parent freezes the parent: the parent cannot allocate
// until the child closes.
use wasm_function::with_memory_allocator;

fn misuse() {
    with_memory_allocator!(|mem| {
        with_memory_allocator!(|child| in mem {
            let _inner = child.allocate(8);
            let _outer = mem.allocate(8);
        });
    });
}

fn main() {}
