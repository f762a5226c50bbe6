use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn log(letter: char);

fn main() {}
