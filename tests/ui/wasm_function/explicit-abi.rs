use wasm_function::wasm_function;

#[wasm_function("env")]
pub extern "C" fn log(level: u32);

fn main() {}
