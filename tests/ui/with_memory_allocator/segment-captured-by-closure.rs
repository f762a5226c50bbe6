// A closure that captures a segment cannot outlive the segment's scope.
use wasm_function::with_memory_allocator;

fn escape() -> u8 {
    let read;
    with_memory_allocator!(|mem| {
        let segment = mem.allocate(8);
        read = move || segment.get_u8(0);
    });
    read()
}

fn main() {}
