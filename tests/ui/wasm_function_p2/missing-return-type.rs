use wasm_function::wasm_function;

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout();

fn main() {}
