//! Prints "Hello from a no_std component!" through WASI 0.2, with no std and no global
//! allocator: the imports are `#[wasm_function]` declarations checked against the WASI WIT,
//! and `wasi_cli_run!` exports `wasi:cli/run#run`.
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
    let written = blocking_write_and_flush(stdout, b"Hello from a no_std component!\n");
    drop_output_stream(stdout);
    written.map_err(|_| ())
}

wasm_function::wasi_cli_run!(run);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
