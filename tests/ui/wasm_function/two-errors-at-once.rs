use wasm_function::wasm_function;

#[wasm_function("env")]
pub async fn log(message: String);

fn main() {}
