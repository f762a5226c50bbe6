// A segment of an inner scope cannot be kept in a variable of the outer scope.
use wasm_function::with_memory_allocator;

fn escape() -> u8 {
    with_memory_allocator!(|outer| {
        let mut kept = outer.allocate(8);
        with_memory_allocator!(|inner| {
            kept = inner.allocate(8);
        });
        kept.get_u8(0)
    })
}

fn main() {}
