//! Prints "Hello, world!" the way the seed design's `println` did: the message and its iovec
//! are allocated in a `with_memory_allocator!` scope and handed to `fd_write` by address
//! (benchmark row (b)).
#![no_std]

use wasm_function::{wasm_function, with_memory_allocator};

struct Errno;

// SAFETY: every status maps to the one value; nothing is read on failure.
unsafe impl wasm_function::abi::ErrorCode for Errno {
    fn from_status(_: i32) -> Self {
        Self
    }
}

/// `fd_write` with the iovec array passed by address, as linear-memory segments are.
///
/// # Safety
///
/// `iovs` must point at `iovs_len` valid ciovecs whose buffers are live.
#[wasm_function("wasi_snapshot_preview1")]
unsafe fn fd_write(fd: u32, iovs: *const u8, iovs_len: usize) -> Result<usize, Errno>;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    with_memory_allocator!(|mem| {
        let message = mem.allocate_str("Hello, world!\n");
        let mut iov = mem.allocate(8);
        iov.set_u32(0, message.addr());
        // The message is 14 bytes long.
        iov.set_u32(4, message.len() as u32);
        // SAFETY: `iov` holds one ciovec pointing at `message`; both live until the scope ends.
        let _ = unsafe { fd_write(1, iov.as_ptr(), 1) };
    });
}
