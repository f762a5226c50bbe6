use wasm_function::wasm_function;

#[wasm_function("env")]
pub unsafe fn log(level: u32, rest: ...);

fn main() {}
