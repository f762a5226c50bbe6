use wasm_function::with_memory_allocator;

fn f() {
    with_memory_allocator!();
}

fn main() {}
