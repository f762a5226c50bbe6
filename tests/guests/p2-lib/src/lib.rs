//! `#[inline]` declarations of WASI 0.2 output, used from another crate (`p2-cross`).
#![no_std]

use wasm_function::wasm_function;

/// `wasi:io/streams.stream-error`.
pub enum StreamError {
    /// The last operation failed; the `error` resource handle.
    LastOperationFailed(u32),
    /// The stream is closed.
    Closed,
}

/// The stdout stream handle.
#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
#[inline]
pub fn get_stdout() -> u32;

/// Writes and flushes.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush")]
#[inline]
pub fn blocking_write_and_flush(stream: u32, contents: &[u8]) -> Result<(), StreamError>;

/// Drops a stream handle.
#[wasm_function("wasi:io/streams@0.2.0", "[resource-drop]output-stream")]
#[inline]
pub fn drop_output_stream(stream: u32);
