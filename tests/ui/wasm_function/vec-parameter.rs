use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log(bytes: Vec<u8>);

fn main() {}
