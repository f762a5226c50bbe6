use wasm_function::{wasm_function, wasm_resource};

#[wasm_resource("wasi:io/streams@0.2.0", "input-stream")]
pub struct InputStream;

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout() -> InputStream;

fn main() {}
