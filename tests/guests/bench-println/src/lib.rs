//! Prints "Hello, world!" through the safe layer's `println!`, without std (benchmark section
//! 6.1). The same source builds for both targets: on wasm32-wasip2 `wasi_cli_run!` makes the
//! component a command (it expands to nothing elsewhere); on wasm32-wasip1 the cdylib exports
//! `_start` itself.
#![no_std]

fn run() -> Result<(), ()> {
    wasm_function::println!("Hello, world!");
    Ok(())
}

wasm_function::wasi_cli_run!(run);

/// The preview1 entry point (a component has `wasi:cli/run` instead).
#[cfg(not(target_env = "p2"))]
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    let _ = run();
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
