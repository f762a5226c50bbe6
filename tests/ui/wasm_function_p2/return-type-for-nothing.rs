use wasm_function::wasm_function;

#[wasm_function("wasi:io/streams@0.2.0", "[resource-drop]output-stream")]
fn drop_stream(stream: u32) -> u32;

fn main() {}
