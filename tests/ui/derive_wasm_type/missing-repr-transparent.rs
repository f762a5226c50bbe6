use wasm_function::WasmType;

#[derive(WasmType)]
pub struct Fd(u32);

fn main() {}
