use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdout@two", "get-stdout")]
fn get_stdout() -> u32;

fn main() {}
