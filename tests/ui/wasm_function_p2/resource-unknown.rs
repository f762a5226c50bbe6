use wasm_function::wasm_resource;

#[wasm_resource("wasi:io/streams@0.2.0", "output-steam")]
pub struct OutputStream;

fn main() {}
