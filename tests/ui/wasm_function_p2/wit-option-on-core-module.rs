use wasm_function::wasm_function;

#[wasm_function("env", "log", wit = "wit")]
fn log(level: u32);

fn main() {}
