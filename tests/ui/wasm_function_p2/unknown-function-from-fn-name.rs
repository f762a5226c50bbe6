use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdout@0.2.0")]
fn get_stdot() -> u32;

fn main() {}
