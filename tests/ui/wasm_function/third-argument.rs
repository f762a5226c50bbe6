use wasm_function::wasm_function;

#[wasm_function("env", "log", "extra")]
pub fn log(level: u32);

fn main() {}
