use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 4, alignment = 4)]
pub struct Count {
    #[wasm_type(offset = 0)]
    pub count: u32,
}

fn main() {}
