use wasm_function::wasm_function;

#[wasm_function("wasi:cli/environment@0.2.0", "initial-cwd")]
fn initial_cwd() -> Option<&'static str>;

fn main() {}
