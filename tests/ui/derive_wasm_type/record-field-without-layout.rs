use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 16, align = 8)]
pub struct Named {
    #[wasm_type(offset = 0)]
    pub name: &'static str,
}

fn main() {}
