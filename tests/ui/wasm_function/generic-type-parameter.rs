use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log<T>(level: T);

fn main() {}
