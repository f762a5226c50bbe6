use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdout", "get-stdout")]
fn get_stdout() -> u32;

fn main() {}
