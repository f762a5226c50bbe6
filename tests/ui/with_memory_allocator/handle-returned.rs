// The handle cannot leave its scope.
use wasm_function::with_memory_allocator;

fn escape() {
    let mem = with_memory_allocator!(|mem| { mem });
    let _ = mem.allocate(8);
}

fn main() {}
