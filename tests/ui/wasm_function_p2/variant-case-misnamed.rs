use wasm_function::wasm_function;

/// `wasi:io/streams.stream-error`, with a case misnamed.
pub enum StreamError {
    LastOperationFailed(u32),
    Shut,
}

#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush")]
fn write(stream: u32, contents: &[u8]) -> Result<(), StreamError>;

fn main() {}
