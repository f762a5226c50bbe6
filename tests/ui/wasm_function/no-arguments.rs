use wasm_function::wasm_function;

#[wasm_function]
pub fn log(level: u32);

fn main() {}
