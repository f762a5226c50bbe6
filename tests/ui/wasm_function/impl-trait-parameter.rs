use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log(value: impl Copy);

fn main() {}
