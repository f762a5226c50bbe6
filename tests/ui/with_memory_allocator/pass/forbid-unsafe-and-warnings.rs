// The expansion compiles in a crate that forbids `unsafe` code and denies warnings, with bodies
// that diverge (no `unreachable_code` from the close after them).
#![forbid(unsafe_code)]
#![deny(warnings)]
use wasm_function::with_memory_allocator;

fn returns_early(value: u32) -> u32 {
    with_memory_allocator!(|mem| {
        let mut segment = mem.allocate(4);
        segment.set_u32(0, value);
        return segment.get_u32(0);
    })
}

fn child_and_hidden_binder() -> usize {
    with_memory_allocator!(|outer| {
        let kept = outer.allocate(8);
        with_memory_allocator!(|_| in outer {});
        with_memory_allocator!(|inner| in outer { inner.allocate(2).len() }) + kept.len()
    })
}

fn main() {
    let _ = returns_early(1);
    let _ = child_and_hidden_binder();
}
