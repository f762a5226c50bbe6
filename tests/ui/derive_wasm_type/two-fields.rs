use wasm_function::WasmType;

#[derive(WasmType)]
#[repr(C)]
pub struct Pair(u32, u32);

fn main() {}
