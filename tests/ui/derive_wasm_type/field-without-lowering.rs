use wasm_function::WasmType;

#[derive(WasmType)]
#[repr(transparent)]
pub struct Name(String);

fn main() {}
