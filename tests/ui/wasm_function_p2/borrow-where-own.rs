use wasm_function::{wasm_function, wasm_resource};

#[wasm_resource("wasi:io/streams@0.2.0", "output-stream")]
pub struct OutputStream;

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout() -> &'static OutputStream;

fn main() {}
