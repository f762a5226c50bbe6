use wasm_function::with_memory_allocator;

fn f() -> usize {
    with_memory_allocator!(|mem| mem.allocate(8).len())
}

fn main() {}
