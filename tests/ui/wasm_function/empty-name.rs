use wasm_function::wasm_function;

#[wasm_function("env", "")]
pub fn log(level: u32);

fn main() {}
