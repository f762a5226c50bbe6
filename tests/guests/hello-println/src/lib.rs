//! Prints "Hello, world!" through the safe layer's `println!` (benchmark row (c)).
#![no_std]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    wasm_function::println!("Hello, world!");
}
