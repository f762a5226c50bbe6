use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log(message: String);

fn main() {}
