use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log((level, code): (u32, u32));

fn main() {}
