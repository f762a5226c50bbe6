use wasm_function::wasm_function;

#[wasm_function("env", 42)]
pub fn log(level: u32);

fn main() {}
