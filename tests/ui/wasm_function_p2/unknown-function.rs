use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdot")]
fn get_stdout() -> u32;

fn main() {}
