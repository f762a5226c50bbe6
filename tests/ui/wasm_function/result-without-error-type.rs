use wasm_function::wasm_function;

pub type Result<T> = core::result::Result<T, u16>;

#[wasm_function("env")]
pub fn read() -> Result<u32>;

fn main() {}
