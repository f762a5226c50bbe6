use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log(words: &[String]);

fn main() {}
