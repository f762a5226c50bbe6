//! `fd_write` and `fd_read` over `wasi:cli@0.2.0`'s standard streams and `wasi:io/streams`.
//!
//! Descriptors 0, 1 and 2 are stdin, stdout and stderr: each stream is fetched once
//! (`get-stdin`, `get-stdout`, `get-stderr`) and its handle kept for the rest of the run.
//! Writes go through `blocking-write-and-flush` in chunks of at most 4096 bytes, as the
//! specification requires; reads through one `blocking-read` into a scope of their own. Any
//! other descriptor is the filesystem layer's ([`super::fd`]).

use core::cell::Cell;
use core::mem::ManuallyDrop;

use crate::component::glue::Resource;
use crate::memory;
use crate::wasi::p2::cli;
use crate::wasi::p2::io::{InputStream, OutputStream, Pollable, StreamError};
use crate::wasi::{Ciovec, Errno, Fd, Iovec, Size};

/// The most bytes `blocking-write-and-flush` takes at once (the specification's limit).
const WRITE_CHUNK: usize = 4096;

/// The most bytes one `fd_read` asks the host for: a read may return fewer than asked, so a
/// huge buffer is filled over several calls instead of needing a scope as large.
const READ_LIMIT: usize = 64 * 1024;

/// A stream handle kept for the whole run, fetched on first use.
struct Cached(Cell<Option<u32>>);

// SAFETY: without the `atomics` target feature a wasm32 module runs on one thread, so the
// cell is never reached from two threads. (With it, this does not compile: the statics below
// need `Sync`.)
#[cfg(not(target_feature = "atomics"))]
unsafe impl Sync for Cached {}

static STDIN: Cached = Cached(Cell::new(None));
static STDOUT: Cached = Cached(Cell::new(None));
static STDERR: Cached = Cached(Cell::new(None));

/// Runs `f` with the stream `R` kept in `cache`, fetching it with `get` the first time. The
/// handle is never dropped: it stays owned by the cache.
fn with_cached<R: Resource, T>(cache: &Cached, get: fn() -> R, f: impl FnOnce(&R) -> T) -> T {
    let handle = match cache.0.get() {
        Some(handle) => handle,
        None => {
            let handle = get().into_handle();
            cache.0.set(Some(handle));
            handle
        }
    };
    // SAFETY: the cache owns `handle`, an owned handle of `R` given up by `into_handle`; the
    // value lent to `f` is never dropped (`ManuallyDrop`), so ownership stays with the cache.
    let stream = ManuallyDrop::new(unsafe { R::from_handle(handle) });
    f(&stream)
}

fn stdin<T>(f: impl FnOnce(&InputStream) -> T) -> T {
    with_cached(&STDIN, cli::get_stdin, f)
}

fn output<T>(fd: Fd, f: impl FnOnce(&OutputStream) -> T) -> T {
    if fd == Fd::STDERR {
        with_cached(&STDERR, cli::get_stderr, f)
    } else {
        with_cached(&STDOUT, cli::get_stdout, f)
    }
}

/// The preview1 error for a failed stream operation (the `Error` resource drops itself).
fn errno(error: StreamError) -> Errno {
    match error {
        StreamError::Closed => Errno::PIPE,
        StreamError::LastOperationFailed(_) => Errno::IO,
    }
}

/// `fd_write`: stdout and stderr write every byte of `iovs` (or fail: [`Errno::PIPE`] when
/// the stream is closed, [`Errno::IO`] when the host reports an error; bytes written before a
/// failure are counted instead); stdin is [`Errno::BADF`]; other descriptors go to
/// the descriptor table (`fd::write`).
pub fn fd_write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<Size, Errno> {
    if fd == Fd::STDIN {
        return Err(Errno::BADF);
    }
    if fd != Fd::STDOUT && fd != Fd::STDERR {
        return super::fd::write(fd, iovs);
    }
    output(fd, |stream| {
        let mut written: Size = 0;
        for iov in iovs {
            for chunk in iov.as_slice().chunks(WRITE_CHUNK) {
                match stream.blocking_write_and_flush(chunk) {
                    Ok(()) => written += chunk.len(),
                    Err(_) if written > 0 => return Ok(written),
                    Err(error) => return Err(errno(error)),
                }
            }
        }
        Ok(written)
    })
}

/// Writes `text` and then a newline to stdout, or to stderr when `fd` is
/// [`Fd::STDERR`] (callers pass only those two), each in chunks of at most 4096 bytes, stopping at the first error: what the
/// printing macros do with a line that needs no formatting, without `fd_write`'s iovec loop
/// and descriptor dispatch.
#[doc(hidden)]
pub fn print_line(fd: Fd, text: &[u8]) {
    output(fd, |stream| {
        let line: [&[u8]; 2] = [text, b"\n"];
        for part in line {
            for chunk in part.chunks(WRITE_CHUNK) {
                if stream.blocking_write_and_flush(chunk).is_err() {
                    return;
                }
            }
        }
    });
}

/// `fd_read`: stdin reads what one `blocking-read` returns (at most 64 KiB, at least one
/// byte unless the input ended: then 0) into `iovs` in order; a host error is
/// [`Errno::IO`]; stdout and stderr are [`Errno::BADF`]; other descriptors go to
/// the descriptor table (`fd::read`). Empty `iovs` read nothing and make no call.
pub fn fd_read(fd: Fd, iovs: &[Iovec<'_>]) -> Result<Size, Errno> {
    if fd == Fd::STDOUT || fd == Fd::STDERR {
        return Err(Errno::BADF);
    }
    if fd != Fd::STDIN {
        return super::fd::read(fd, iovs);
    }
    let wanted = iovs
        .iter()
        .fold(0usize, |sum, iov| sum.saturating_add(iov.len()))
        .min(READ_LIMIT);
    if wanted == 0 {
        return Ok(0);
    }
    stdin(|stream| {
        memory::scope(
            |memory| match stream.blocking_read_in(memory, wanted as u64) {
                Ok(bytes) => {
                    // The host may not return more than asked; should it, keep what fits.
                    let mut rest = &bytes[..bytes.len().min(wanted)];
                    let total = rest.len();
                    for iov in iovs {
                        if rest.is_empty() {
                            break;
                        }
                        let take = rest.len().min(iov.len());
                        // SAFETY: an `Iovec` describes `len()` writable bytes exclusively borrowed
                        // for its lifetime (see `Iovec::new`); `take` is within them, and the
                        // source is scope memory, which does not overlap the caller's buffer.
                        unsafe {
                            core::ptr::copy_nonoverlapping(rest.as_ptr(), iov.as_mut_ptr(), take)
                        };
                        rest = &rest[take..];
                    }
                    Ok(total)
                }
                Err(StreamError::Closed) => Ok(0),
                Err(StreamError::LastOperationFailed(_)) => Err(Errno::IO),
            },
        )
    })
}

/// A pollable ready when stdin has bytes or has ended (for `poll_oneoff`).
pub(super) fn subscribe_stdin() -> Pollable {
    stdin(InputStream::subscribe)
}

/// A pollable ready when stdout or stderr (`fd`) accepts bytes (for `poll_oneoff`).
pub(super) fn subscribe_output(fd: Fd) -> Pollable {
    output(fd, OutputStream::subscribe)
}

/// How many bytes stdout or stderr (`fd`) accepts now; [`Errno::BADF`] for another
/// descriptor.
pub(super) fn check_write(fd: Fd) -> Result<u64, Errno> {
    if fd != Fd::STDOUT && fd != Fd::STDERR {
        return Err(Errno::BADF);
    }
    output(fd, |stream| stream.check_write().map_err(errno))
}
