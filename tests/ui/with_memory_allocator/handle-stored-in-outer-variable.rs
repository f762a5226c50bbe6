// The handle cannot be stored in a variable that outlives the scope.
use wasm_function::memory::{self, MemoryAllocator};

fn escape() {
    let mut kept: Option<&mut MemoryAllocator<'_>> = None;
    memory::scope(|mem| {
        kept = Some(mem);
    });
    let _ = kept.map(|mem| mem.allocate(8));
}

fn main() {}
