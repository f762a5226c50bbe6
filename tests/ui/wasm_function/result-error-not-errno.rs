use wasm_function::wasm_function;

#[wasm_function("env")]
pub fn read() -> Result<u32, String>;

fn main() {}
