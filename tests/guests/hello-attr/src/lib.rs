//! Prints "Hello, world!" through a `#[wasm_function]` declaration of `fd_write`.
#![no_std]

use wasm_function::wasm_function;

#[derive(Clone, Copy)]
#[repr(C)]
struct Ciovec {
    buf: *const u8,
    len: usize,
}

// SAFETY: the preview1 `ciovec` layout (pointer, length) on wasm32; the pointer stays valid
// while the slice of `Ciovec`s is borrowed.
unsafe impl wasm_function::abi::WasmLayout for Ciovec {}

struct Errno;

// SAFETY: every status maps to the one value; nothing is read on failure.
unsafe impl wasm_function::abi::ErrorCode for Errno {
    fn from_status(_: i32) -> Self {
        Self
    }
}

#[wasm_function("wasi_snapshot_preview1")]
fn fd_write(fd: u32, iovs: &[Ciovec]) -> Result<usize, Errno>;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    let message = b"Hello, world!\n";
    let _ = fd_write(
        1,
        &[Ciovec {
            buf: message.as_ptr(),
            len: message.len(),
        }],
    );
}
