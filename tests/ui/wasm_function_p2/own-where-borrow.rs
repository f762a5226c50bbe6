use wasm_function::{wasm_function, wasm_resource};

#[wasm_resource("wasi:io/streams@0.2.0", "output-stream")]
pub struct OutputStream;

#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.check-write")]
fn check_write(stream: OutputStream) -> Result<u64, StreamError>;

pub enum StreamError {
    LastOperationFailed(u32),
    Closed,
}

fn main() {}
