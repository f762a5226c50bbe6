//! Prints through imports declared in `p2-lib`.
#![no_std]

fn run() -> Result<(), ()> {
    let stdout = p2_lib::get_stdout();
    let written = p2_lib::blocking_write_and_flush(stdout, b"Hello across crates!\n");
    p2_lib::drop_output_stream(stdout);
    written.map_err(|_| ())
}

wasm_function::wasi_cli_run!(run);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
