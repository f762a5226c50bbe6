use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 16, align = 8)]
pub struct Stat {
    pub kind: u8,
    #[wasm_type(offset = 4)]
    pub links: u32,
    pub size: u64,
}

fn main() {}
