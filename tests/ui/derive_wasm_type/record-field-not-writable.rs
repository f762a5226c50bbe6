use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 8, align = 4, writable)]
pub struct Flagged {
    #[wasm_type(offset = 0)]
    pub value: u32,
    #[wasm_type(offset = 4)]
    pub set: bool,
}

fn main() {}
