use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdout@0.3.0", "get-stdout")]
fn get_stdout() -> u32;

fn main() {}
