// The closure form: a segment cannot be the closure's result.
use wasm_function::memory;

fn escape() -> u8 {
    let segment = memory::scope(|mem| mem.allocate(8));
    segment.get_u8(0)
}

fn main() {}
