//! p2-hello with hand-written externs: the baseline its size and fuel are compared with. The
//! linker still needs the component types, so the same imports are also declared (never
//! called) with `#[wasm_function]`, whose sections carry them.
#![no_std]

use wasm_function::wasm_function;

#[link(wasm_import_module = "wasi:cli/stdout@0.2.0")]
unsafe extern "C" {
    #[link_name = "get-stdout"]
    fn raw_get_stdout() -> i32;
}

#[link(wasm_import_module = "wasi:io/streams@0.2.0")]
unsafe extern "C" {
    #[link_name = "[method]output-stream.blocking-write-and-flush"]
    fn raw_write(stream: i32, ptr: i32, len: i32, ret: i32);
    #[link_name = "[resource-drop]output-stream"]
    fn raw_drop(stream: i32);
}

#[allow(dead_code, reason = "declared for their component-type sections only")]
enum StreamError {
    LastOperationFailed(u32),
    Closed,
}

#[allow(dead_code, reason = "declared for their component-type sections only")]
mod types {
    use super::{StreamError, wasm_function};

    #[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
    pub fn get_stdout() -> u32;

    #[wasm_function(
        "wasi:io/streams@0.2.0",
        "[method]output-stream.blocking-write-and-flush"
    )]
    pub fn write(stream: u32, contents: &[u8]) -> Result<(), StreamError>;
}

#[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
fn run() -> Result<(), ()> {
    let message = b"Hello from a no_std component!\n";
    let mut ret = core::mem::MaybeUninit::<[u32; 3]>::uninit();
    // SAFETY: the imports' core signatures; the message and the return area outlive the calls.
    let failed = unsafe {
        let stdout = raw_get_stdout();
        raw_write(
            stdout,
            message.as_ptr() as i32,
            message.len() as i32,
            ret.as_mut_ptr() as i32,
        );
        raw_drop(stdout);
        ret.as_ptr().cast::<u8>().read() != 0
    };
    if failed { Err(()) } else { Ok(()) }
}

wasm_function::wasi_cli_run!(run);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
