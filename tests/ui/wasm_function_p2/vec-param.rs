use wasm_function::wasm_function;

#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush")]
fn write(stream: u32, contents: Vec<u8>) -> Result<(), StreamError>;

enum StreamError {
    LastOperationFailed(u32),
    Closed,
}

fn main() {}
