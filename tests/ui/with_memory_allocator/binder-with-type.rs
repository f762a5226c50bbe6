use wasm_function::memory::MemoryAllocator;
use wasm_function::with_memory_allocator;

fn f() {
    with_memory_allocator!(|mem: &mut MemoryAllocator<'_>| { let _ = mem; });
}

fn main() {}
