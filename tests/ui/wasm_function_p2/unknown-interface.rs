use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdot@0.2.0", "get-stdout")]
fn get_stdout() -> u32;

fn main() {}
