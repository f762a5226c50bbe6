use wasm_function::wasm_function;

#[wasm_function("wasi:cli/environment@0.2.0", "get-environment")]
fn get_environment() -> Vec<(String,)>;

fn main() {}
