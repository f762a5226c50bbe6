use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn name() -> &'static str;

fn main() {}
