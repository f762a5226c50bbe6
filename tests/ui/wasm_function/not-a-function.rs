use wasm_function::wasm_function;

#[wasm_function("env")]
pub struct Logger;

fn main() {}
