use wasm_function::wasm_function;

#[wasm_function("env")]
pub async fn log(level: u32);

fn main() {}
