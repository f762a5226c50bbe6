//! Harness self-test guest. It declares its imports by hand, so the import list the
//! harness reads back is known exactly:
//!
//! | import | core signature |
//! |---|---|
//! | `wasi_snapshot_preview1.fd_write` | `(i32, i32, i32, i32) -> i32` |
//! | `test_host.echo_i64` | `(i64) -> i64` |
//! | `wasi_snapshot_preview1.proc_exit` | `(i32) -> ()` |
//!
//! `_start` writes `hello from smoke-raw\n` to stdout, calls `test_host.echo_i64(i64::MIN)`,
//! writes `echo: <returned value>\n` to stderr and exits with code 7 through `proc_exit`.
//! The export `trap` executes `unreachable`.
#![no_std]

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn fd_write(fd: i32, iovs: *const Ciovec, iovs_len: i32, nwritten: *mut i32) -> i32;
}

#[link(wasm_import_module = "test_host")]
unsafe extern "C" {
    fn echo_i64(value: i64) -> i64;
}

#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn proc_exit(code: i32) -> !;
}

#[repr(C)]
struct Ciovec {
    buf: *const u8,
    len: usize,
}

fn write_all(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        let iov = Ciovec {
            buf: bytes.as_ptr(),
            len: bytes.len(),
        };
        let mut written = 0i32;
        // SAFETY: `iov` points at a live buffer of `len` bytes and `written` is a valid
        // out-pointer; both outlive the call.
        let errno = unsafe { fd_write(fd, &iov, 1, &mut written) };
        if errno != 0 || written <= 0 {
            return;
        }
        bytes = &bytes[written as usize..];
    }
}

/// Formats `value` in decimal into `buf`, returning the used tail.
fn format_i64(value: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut n = value.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

/// The command entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    write_all(1, b"hello from smoke-raw\n");
    // SAFETY: the host provides `test_host.echo_i64: (i64) -> i64`.
    let echoed = unsafe { echo_i64(i64::MIN) };
    let mut buf = [0u8; 20];
    write_all(2, b"echo: ");
    write_all(2, format_i64(echoed, &mut buf));
    write_all(2, b"\n");
    // SAFETY: `proc_exit` does not return.
    unsafe { proc_exit(7) }
}

/// An entry point that traps at once.
#[unsafe(no_mangle)]
pub extern "C" fn trap() {
    core::arch::wasm32::unreachable()
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
