// Through a child scope (`mem.scope`): an inner segment still cannot reach an outer variable.
use wasm_function::with_memory_allocator;

fn escape() -> u8 {
    with_memory_allocator!(|outer| {
        let mut kept = outer.allocate(8);
        outer.scope(|inner| {
            kept = inner.allocate(8);
        });
        kept.get_u8(0)
    })
}

fn main() {}
