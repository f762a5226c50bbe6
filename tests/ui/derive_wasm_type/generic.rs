use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 8, align = 4)]
pub struct Tagged<T: Copy> {
    #[wasm_type(offset = 0)]
    pub tag: u32,
    #[wasm_type(offset = 4)]
    pub value: T,
}

fn main() {}
