//! Benchmark guest for import calls (no_std).
//!
//! Each import is declared twice, once with `#[wasm_function]` and once as a hand-written
//! extern with the same module, name and core signature (so the module imports it once):
//!
//! | import | `#[wasm_function]` | raw extern |
//! |---|---|---|
//! | `bench.mix: (i32, i64) -> i64` | `fn(x: i32, y: i64) -> i64` | the same |
//! | `bench.sink: (i32, i32) -> i32` | `fn(bytes: &[u8]) -> u32` | `fn(ptr: *const u8, len: usize) -> u32` |
//! | `wasi_snapshot_preview1.fd_write` | `wasm_function::wasi::raw::fd_write: fn(Fd, &[Ciovec]) -> Result<Size, Errno>` | `fn(i32, *const Ciovec, usize, *mut usize) -> i32` wrapped by hand into the same `Result` (status through `Errno::from_status`); and the `wasip1` crate's |
//!
//! Exports `loop_*` (`() -> ()`) call an import `bench.iterations()` times in a loop;
//! `loop_empty` runs the same loop without a call. Exports `check_*` call an import once,
//! for the instruction-for-instruction comparison of their bodies: each `*_attr` against its
//! `*_raw` (and `check_fd_write_wasip1`).
#![no_std]

use core::hint::black_box;

use wasm_function::wasi::{Ciovec, Errno, Fd};
use wasm_function::wasm_function;

#[link(wasm_import_module = "bench")]
unsafe extern "C" {
    /// How many iterations the loops run.
    fn iterations() -> u32;
}

#[wasm_function("bench", "mix")]
fn mix_attr(x: i32, y: i64) -> i64;

#[wasm_function("bench", "sink")]
fn sink_attr(bytes: &[u8]) -> u32;

/// Ours as shipped: the runtime's `#[wasm_function]` declaration of `fd_write`.
use wasm_function::wasi::raw::fd_write as fd_write_attr;

mod raw {
    #[repr(C)]
    pub(crate) struct Ciovec {
        pub(crate) buf: *const u8,
        pub(crate) len: usize,
    }

    #[link(wasm_import_module = "bench")]
    unsafe extern "C" {
        pub(crate) fn mix(x: i32, y: i64) -> i64;
        pub(crate) fn sink(ptr: *const u8, len: usize) -> u32;
    }

    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        pub(crate) fn fd_write(
            fd: i32,
            iovs: *const Ciovec,
            len: usize,
            nwritten: *mut usize,
        ) -> i32;
    }
}

fn mix_raw(x: i32, y: i64) -> i64 {
    // SAFETY: `bench.mix` takes and returns plain numbers.
    unsafe { raw::mix(x, y) }
}

fn sink_raw(bytes: &[u8]) -> u32 {
    // SAFETY: the pointer and length describe a live slice.
    unsafe { raw::sink(bytes.as_ptr(), bytes.len()) }
}

/// The hand-written binding of `fd_write`, the way `wasip1` and most bindings write it, with
/// the same conversion of the status to an [`Errno`] as the attribute's `Result`.
fn fd_write_raw(fd: Fd, iovs: &[raw::Ciovec]) -> Result<usize, Errno> {
    let mut written = core::mem::MaybeUninit::<usize>::uninit();
    // SAFETY: `iovs` describes live buffers and `written` is a valid out-pointer.
    let status = unsafe {
        raw::fd_write(
            fd.raw() as i32,
            iovs.as_ptr(),
            iovs.len(),
            written.as_mut_ptr(),
        )
    };
    if status == 0 {
        // SAFETY: the host wrote `written` on success.
        Ok(unsafe { written.assume_init() })
    } else {
        Err(Errno::from_status(status))
    }
}

const MESSAGE: &[u8] = b"Hello, world!\n";

fn n() -> u32 {
    // SAFETY: `bench.iterations` takes nothing and returns a number.
    unsafe { iterations() }
}

/// The loop with no call: what the loops below cost besides their calls.
#[unsafe(no_mangle)]
pub extern "C" fn loop_empty() {
    let mut acc = 0i64;
    for i in 0..n() {
        acc = black_box(acc ^ i64::from(i));
    }
    black_box(acc);
}

/// `n` calls of `bench.mix` through `#[wasm_function]`.
#[unsafe(no_mangle)]
pub extern "C" fn loop_mix_attr() {
    let mut acc = 0i64;
    for i in 0..n() {
        acc = mix_attr(i as i32, acc);
    }
    black_box(acc);
}

/// `n` calls of `bench.mix` through the raw extern.
#[unsafe(no_mangle)]
pub extern "C" fn loop_mix_raw() {
    let mut acc = 0i64;
    for i in 0..n() {
        acc = mix_raw(i as i32, acc);
    }
    black_box(acc);
}

/// `n` calls of `bench.sink` through `#[wasm_function]`.
#[unsafe(no_mangle)]
pub extern "C" fn loop_sink_attr() {
    let mut acc = 0u32;
    for _ in 0..n() {
        acc = acc.wrapping_add(sink_attr(MESSAGE));
    }
    black_box(acc);
}

/// `n` calls of `bench.sink` through the raw extern.
#[unsafe(no_mangle)]
pub extern "C" fn loop_sink_raw() {
    let mut acc = 0u32;
    for _ in 0..n() {
        acc = acc.wrapping_add(sink_raw(MESSAGE));
    }
    black_box(acc);
}

/// `n` writes of the message to stdout through our `fd_write`.
#[unsafe(no_mangle)]
pub extern "C" fn loop_fd_write_attr() {
    let iovs = [Ciovec::new(MESSAGE)];
    for _ in 0..n() {
        let _ = black_box(fd_write_attr(Fd::STDOUT, &iovs));
    }
}

/// `n` writes of the message to stdout through the hand-written extern.
#[unsafe(no_mangle)]
pub extern "C" fn loop_fd_write_raw() {
    let iovs = [raw::Ciovec {
        buf: MESSAGE.as_ptr(),
        len: MESSAGE.len(),
    }];
    for _ in 0..n() {
        let _ = black_box(fd_write_raw(Fd::STDOUT, &iovs));
    }
}

/// `n` writes of the message to stdout through the `wasip1` crate.
#[unsafe(no_mangle)]
pub extern "C" fn loop_fd_write_wasip1() {
    let iovs = [wasip1::Ciovec {
        buf: MESSAGE.as_ptr(),
        buf_len: MESSAGE.len(),
    }];
    for _ in 0..n() {
        // SAFETY: the iovec points at a live buffer of its length.
        let _ = black_box(unsafe { wasip1::fd_write(wasip1::FD_STDOUT, &iovs) });
    }
}

/// One call of `bench.mix` through `#[wasm_function]`.
#[unsafe(no_mangle)]
pub extern "C" fn check_mix_attr(x: i32, y: i64) -> i64 {
    mix_attr(x, y)
}

/// One call of `bench.mix` through the raw extern.
#[unsafe(no_mangle)]
pub extern "C" fn check_mix_raw(x: i32, y: i64) -> i64 {
    mix_raw(x, y)
}

/// One call of `bench.sink` through `#[wasm_function]`.
///
/// # Safety
///
/// `ptr` and `len` describe readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn check_sink_attr(ptr: *const u8, len: usize) -> u32 {
    // SAFETY: the caller promises a readable range.
    sink_attr(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// One call of `bench.sink` through the raw extern.
///
/// # Safety
///
/// `ptr` and `len` describe readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn check_sink_raw(ptr: *const u8, len: usize) -> u32 {
    // SAFETY: the caller promises a readable range.
    sink_raw(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// One write of `len` bytes at `ptr` to `fd` through our `fd_write`: the count written, or
/// the errno with the top bit set.
///
/// # Safety
///
/// `ptr` and `len` describe readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn check_fd_write_attr(fd: u32, ptr: *const u8, len: usize) -> u32 {
    // SAFETY: the caller promises a readable range.
    let iovs = [Ciovec::new(unsafe {
        core::slice::from_raw_parts(ptr, len)
    })];
    match fd_write_attr(Fd::from_raw(fd), &iovs) {
        Ok(n) => n as u32,
        Err(e) => 0x8000_0000 | u32::from(e.raw()),
    }
}

/// As `check_fd_write_attr`, through the hand-written extern.
///
/// # Safety
///
/// `ptr` and `len` describe readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn check_fd_write_raw(fd: u32, ptr: *const u8, len: usize) -> u32 {
    let iovs = [raw::Ciovec { buf: ptr, len }];
    match fd_write_raw(Fd::from_raw(fd), &iovs) {
        Ok(n) => n as u32,
        Err(e) => 0x8000_0000 | u32::from(e.raw()),
    }
}

/// As `check_fd_write_attr`, through the `wasip1` crate.
///
/// # Safety
///
/// `ptr` and `len` describe readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn check_fd_write_wasip1(fd: u32, ptr: *const u8, len: usize) -> u32 {
    let iovs = [wasip1::Ciovec {
        buf: ptr,
        buf_len: len,
    }];
    // SAFETY: the caller promises a readable range.
    match unsafe { wasip1::fd_write(fd, &iovs) } {
        Ok(n) => n as u32,
        Err(e) => 0x8000_0000 | u32::from(e.raw()),
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
