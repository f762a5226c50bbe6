#[derive(Clone, Copy, WasmType)]
#[repr(C)]
#[wasm_type(size = 16, align = 8)]
pub struct Span(#[wasm_type(offset = 0)] u32, #[wasm_type(offset = 8)] u64);
