//! Arguments, environment and the process over `wasi:cli@0.2.0`.
//!
//! WASI 0.2 hands the arguments and variables over as lists of UTF-8 strings; preview1 wants
//! them as NUL-terminated strings packed into one buffer with a pointer to each (`NAME=VALUE`
//! for variables). The lists are fetched into a memory scope of their own, laid out, and the
//! scope is closed: no global allocator is needed.

use crate::memory;
use crate::wasi::p2::cli;
use crate::wasi::{Errno, Exitcode, Signal, Size};

/// How many strings, and the bytes they take NUL-terminated: `(count, bytes)`.
fn sizes(strings: impl Iterator<Item = usize>) -> Result<(Size, Size), Errno> {
    let mut count: Size = 0;
    let mut bytes: Size = 0;
    for len in strings {
        count = count.checked_add(1).ok_or(Errno::OVERFLOW)?;
        bytes = len
            .checked_add(1)
            .and_then(|len| bytes.checked_add(len))
            .ok_or(Errno::OVERFLOW)?;
    }
    Ok((count, bytes))
}

/// Writes each string's parts NUL-terminated into `buf`, its start into `pointers`.
///
/// # Safety
///
/// As [`args_get`]: `pointers` has room for one pointer per string and `buf` for all the
/// bytes [`sizes`] counts.
unsafe fn lay_out<'s>(
    strings: impl Iterator<Item = (&'s [u8], &'s [u8], &'s [u8])>,
    pointers: *mut *mut u8,
    buf: *mut u8,
) {
    let mut at = buf;
    for (index, (first, middle, last)) in strings.enumerate() {
        // SAFETY: the caller sized both buffers for exactly these strings (what `sizes` counted
        // for the same host lists, which do not change during a run).
        unsafe {
            pointers.add(index).write_unaligned(at);
            for part in [first, middle, last] {
                core::ptr::copy_nonoverlapping(part.as_ptr(), at, part.len());
                at = at.add(part.len());
            }
            at.write(0);
            at = at.add(1);
        }
    }
}

/// `args_sizes_get`: the number of arguments and the bytes they take NUL-terminated.
pub fn args_sizes_get() -> Result<(Size, Size), Errno> {
    memory::scope(|memory| {
        let args = cli::get_arguments_in(memory);
        sizes(args.iter().map(|arg| arg.len()))
    })
}

/// `args_get`: the arguments as NUL-terminated strings in `argv_buf`, a pointer to each in
/// `argv`.
///
/// # Safety
///
/// `argv` is valid for writes of as many pointers, and `argv_buf` of as many bytes, as
/// [`args_sizes_get`] reports.
pub unsafe fn args_get(argv: *mut *mut u8, argv_buf: *mut u8) -> Result<(), Errno> {
    memory::scope(|memory| {
        let args = cli::get_arguments_in(memory);
        let parts = args.iter().map(|arg| (arg.as_bytes(), &[][..], &[][..]));
        // SAFETY: forwarded from the caller; the same list `args_sizes_get` measured.
        unsafe { lay_out(parts, argv, argv_buf) };
        Ok(())
    })
}

/// `environ_sizes_get`: the number of variables and the bytes `NAME=VALUE\0` takes for all.
pub fn environ_sizes_get() -> Result<(Size, Size), Errno> {
    memory::scope(|memory| {
        let vars = cli::get_environment_in(memory);
        sizes(
            vars.iter()
                .map(|(name, value)| name.len() + 1 + value.len()),
        )
    })
}

/// `environ_get`: the variables as `NAME=VALUE` NUL-terminated strings in `environ_buf`, a
/// pointer to each in `environ`.
///
/// # Safety
///
/// As [`args_get`], with [`environ_sizes_get`]'s sizes.
pub unsafe fn environ_get(environ: *mut *mut u8, environ_buf: *mut u8) -> Result<(), Errno> {
    memory::scope(|memory| {
        let vars = cli::get_environment_in(memory);
        let parts = vars
            .iter()
            .map(|(name, value)| (name.as_bytes(), &b"="[..], value.as_bytes()));
        // SAFETY: forwarded from the caller; the same list `environ_sizes_get` measured.
        unsafe { lay_out(parts, environ, environ_buf) };
        Ok(())
    })
}

/// `proc_exit`: `wasi:cli/exit.exit` with `Ok` for 0 and `Err` for anything else. WASI 0.2.0
/// carries no exit code, so the host reports status 1 for every nonzero `rval`.
pub fn proc_exit(rval: Exitcode) -> ! {
    cli::exit(if rval == 0 { Ok(()) } else { Err(()) })
}

/// `proc_raise`: WASI 0.2 has no signals: always [`Errno::NOTSUP`].
#[allow(clippy::unnecessary_wraps, reason = "preview1's signature")]
pub fn proc_raise(sig: Signal) -> Result<(), Errno> {
    let _ = sig;
    Err(Errno::NOTSUP)
}

/// `sched_yield`: WASI 0.2 has no threads to yield to; succeeds at once (as wasmtime's
/// preview1 does).
#[allow(clippy::unnecessary_wraps, reason = "preview1's signature")]
pub fn sched_yield() -> Result<(), Errno> {
    Ok(())
}
