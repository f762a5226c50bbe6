// `mem.scope(...)` borrows `mem` mutably: the closure cannot allocate from the parent.
use wasm_function::memory;

fn misuse() {
    memory::scope(|mem| {
        mem.scope(|child| {
            let _inner = child.allocate(8);
            let _outer = mem.allocate(8);
        });
    });
}

fn main() {}
