use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log(value: &u32);

fn main() {}
