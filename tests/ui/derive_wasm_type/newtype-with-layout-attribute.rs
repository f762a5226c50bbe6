use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(transparent)]
#[wasm_type(size = 4, align = 4)]
pub struct Handle(u32);

fn main() {}
