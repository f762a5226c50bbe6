//! Prints "Hello, world!" through a hand-written `fd_write` extern: what `hello-attr` is
//! measured against (benchmark row (e)).
#![no_std]

#[repr(C)]
struct Ciovec {
    buf: *const u8,
    len: usize,
}

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn fd_write(fd: i32, iovs: *const Ciovec, iovs_len: usize, nwritten: *mut usize) -> i32;
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    let message = b"Hello, world!\n";
    let iov = Ciovec {
        buf: message.as_ptr(),
        len: message.len(),
    };
    let mut written = core::mem::MaybeUninit::<usize>::uninit();
    // SAFETY: the iovec points at a live buffer of its length, `written` is a valid slot.
    let _ = unsafe { fd_write(1, &iov, 1, written.as_mut_ptr()) };
}
