use wasm_function::wasm_function;

#[wasm_function("", "log")]
pub fn log(level: u32);

fn main() {}
