use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
pub struct Range {
    pub start: u32,
    pub end: u32,
}

fn main() {}
