//! Component Model declarations compile without a warning under `#![deny(warnings)]` and, in
//! `cargo clippy --all-targets -- -D warnings`, without a `clippy::pedantic` lint: on the host
//! (the stubs) and, with `--target wasm32-wasip2`, the lowering itself.
#![deny(
    warnings,
    unused_qualifications,
    unreachable_pub,
    unsafe_op_in_unsafe_fn,
    clippy::pedantic,
    clippy::undocumented_unsafe_blocks
)]

use wasm_function::memory::MemoryAllocator;
use wasm_function::wasm_function;

/// `wasi:io/streams.stream-error`.
#[derive(Debug, PartialEq, Eq)]
pub enum StreamError {
    /// The operation failed; the error's handle.
    LastOperationFailed(u32),
    /// The stream is closed.
    Closed,
}

/// The stdout stream.
#[must_use]
#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
pub fn get_stdout() -> u32;

/// Writes and flushes.
///
/// # Errors
///
/// The stream's error.
#[wasm_function(
    "wasi:io/streams@0.2.0",
    "[method]output-stream.blocking-write-and-flush"
)]
pub fn write(stream: u32, contents: &[u8]) -> Result<(), StreamError> {
    if stream == 0 || contents.is_empty() {
        Err(StreamError::Closed)
    } else {
        Ok(())
    }
}

/// The arguments, owned.
#[must_use]
#[wasm_function("wasi:cli/environment@0.2.0", "get-arguments")]
pub fn get_arguments() -> Vec<String>;

/// The working directory, in scope memory.
#[must_use]
#[wasm_function("wasi:cli/environment@0.2.0", "initial-cwd")]
pub fn initial_cwd<'s>(memory: &MemoryAllocator<'s>) -> Option<&'s str>;

/// Random bytes, in scope memory.
#[must_use]
#[wasm_function("wasi:random/random@0.2.0", "get-random-bytes")]
pub fn get_random_bytes<'s>(memory: &MemoryAllocator<'s>, len: u64) -> &'s [u8];

/// Drops a stream.
#[wasm_function("wasi:io/streams@0.2.0", "[resource-drop]output-stream")]
pub fn drop_output_stream(stream: u32);

#[test]
fn host_bodies_run_and_stubs_are_there() {
    assert_eq!(write(1, b"x"), Ok(()));
    assert_eq!(write(0, b"x"), Err(StreamError::Closed));
    let stub: fn() -> u32 = get_stdout;
    let _ = (
        stub,
        get_arguments as fn() -> Vec<String>,
        drop_output_stream as fn(u32),
    );
}
