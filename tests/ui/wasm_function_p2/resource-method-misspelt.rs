use wasm_function::wasm_function;

#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flsh")]
fn write(stream: u32, contents: &[u8]) -> Result<(), ()>;

fn main() {}
