use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 12, align = 8)]
pub struct Stat {
    #[wasm_type(offset = 0)]
    pub links: u32,
    #[wasm_type(offset = 4)]
    pub size: u64,
}

fn main() {}
