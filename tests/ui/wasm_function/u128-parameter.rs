use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log(value: u128);

fn main() {}
