use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn fill(buffer: *mut u8, len: usize);

fn main() {}
