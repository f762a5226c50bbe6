//! Prints "Hello, world!" as a no_std component with no allocator: hand-written externs for
//! `wasi:cli/stdout.get-stdout`, `[method]output-stream.blocking-write-and-flush` and
//! `[resource-drop]output-stream`, lowered by hand as the Canonical ABI does, and the export
//! `wasi:cli/run@0.2.0#run`. The reference for a `#[wasm_function]` hello component.
#![no_std]

use core::mem::MaybeUninit;

// The component type of the imports and the export: the world `hello` of wit/, encoded by
// build.rs. Not `#[used]`: that would also copy the bytes into the data segment.
#[unsafe(link_section = "component-type:wasm-function-tests:p2-hello-raw")]
#[expect(dead_code, reason = "read by the linker, not by the program")]
static COMPONENT_TYPE: [u8; include!(concat!(env!("OUT_DIR"), "/component-type-len.rs"))] =
    *include_bytes!(concat!(env!("OUT_DIR"), "/component-type.bin"));

#[link(wasm_import_module = "wasi:cli/stdout@0.2.0")]
unsafe extern "C" {
    /// Returns an `own<output-stream>` handle.
    #[link_name = "get-stdout"]
    fn get_stdout() -> i32;
}

#[link(wasm_import_module = "wasi:io/streams@0.2.0")]
unsafe extern "C" {
    /// `result<_, stream-error>` goes to the return area: case byte at 0, error case at 4,
    /// error handle at 8.
    #[link_name = "[method]output-stream.blocking-write-and-flush"]
    fn blocking_write_and_flush(stream: i32, ptr: *const u8, len: usize, ret: *mut u8);
    #[link_name = "[resource-drop]output-stream"]
    fn drop_output_stream(stream: i32);
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// `wasi:cli/run@0.2.0#run`: prints the greeting; `result` flattens to one `i32`, 0 = `ok`.
#[unsafe(export_name = "wasi:cli/run@0.2.0#run")]
pub extern "C" fn run() -> i32 {
    let message = b"Hello, world!\n";
    #[repr(C, align(4))]
    struct RetArea([MaybeUninit<u8>; 12]);
    let mut ret = RetArea([MaybeUninit::uninit(); 12]);
    // SAFETY: no arguments; the result is a handle this function owns.
    let stdout = unsafe { get_stdout() };
    // SAFETY: `stdout` is a live handle, borrowed for the call; (ptr, len) of a static buffer;
    // `ret` is a writable, 4-aligned, 12-byte return area.
    unsafe {
        blocking_write_and_flush(
            stdout,
            message.as_ptr(),
            message.len(),
            ret.0.as_mut_ptr().cast(),
        )
    };
    // SAFETY: the host wrote the result's case byte at offset 0.
    let failed = unsafe { ret.0[0].assume_init() } != 0;
    // SAFETY: `stdout` is owned by this function and not used afterwards. (A `stream-error`'s
    // `last-operation-failed` error handle is left to the end of the run.)
    unsafe { drop_output_stream(stdout) };
    i32::from(failed)
}
