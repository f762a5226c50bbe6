// Each scope has its own brand: the handles of two scopes cannot be exchanged, which would
// let the outer handle allocate memory that the inner scope frees.
use wasm_function::with_memory_allocator;

fn misuse() {
    with_memory_allocator!(|outer| {
        with_memory_allocator!(|inner| {
            core::mem::swap(outer, inner);
        });
    });
}

fn main() {}
