//! Prints "Hello, world!" through the `wasip1` crate's `fd_write`.
#![no_std]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    let message = b"Hello, world!\n";
    let iovs = [wasip1::Ciovec {
        buf: message.as_ptr(),
        buf_len: message.len(),
    }];
    // SAFETY: the iovec points at a live buffer of the given length.
    let _ = unsafe { wasip1::fd_write(wasip1::FD_STDOUT, &iovs) };
}
