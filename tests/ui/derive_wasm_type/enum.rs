use wasm_function::WasmType;

#[derive(WasmType)]
#[repr(u8)]
pub enum Mode {
    Read,
    Write,
}

fn main() {}
