use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout", path = "wit")]
fn get_stdout() -> u32;

fn main() {}
