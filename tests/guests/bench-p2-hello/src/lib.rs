//! Prints "Hello, world!" as a no_std component with no allocator: the program of
//! p2-hello-raw (get the stdout stream, one blocking write of the message, drop the stream, `run`
//! fails if the write did), with the imports declared by `#[wasm_function]` and the export made
//! by `wasi_cli_run!`.
#![no_std]

use wasm_function::wasm_function;

/// `wasi:io/streams.stream-error`, case by case.
#[allow(dead_code, reason = "the host constructs it")]
enum StreamError {
    LastOperationFailed(u32),
    Closed,
}

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout() -> u32;

#[wasm_function(
    "wasi:io/streams@0.2.0",
    "[method]output-stream.blocking-write-and-flush"
)]
fn blocking_write_and_flush(stream: u32, contents: &[u8]) -> Result<(), StreamError>;

#[wasm_function("wasi:io/streams@0.2.0", "[resource-drop]output-stream")]
fn drop_output_stream(stream: u32);

fn run() -> Result<(), ()> {
    let stdout = get_stdout();
    let written = blocking_write_and_flush(stdout, b"Hello, world!\n");
    drop_output_stream(stdout);
    written.map_err(|_| ())
}

wasm_function::wasi_cli_run!(run);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
