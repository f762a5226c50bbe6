#[wasm_function("env")]
pub async fn log(message: String);
