//! Reading and writing file descriptors, and the standard streams.
//!
//! [`Stdout`] and [`Stderr`] implement [`core::fmt::Write`] (so `write!` works without `std`)
//! and, with the `std` feature, `std::io::Write`; [`Stdin`] implements `std::io::Read`.
//! [`write_all`], [`read`] and friends work on any descriptor.
//!
//! ```no_run
//! use core::fmt::Write as _;
//! use wasm_function::wasi::io::{self, Stdout};
//! use wasm_function::wasi::Fd;
//!
//! writeln!(Stdout, "{} + {} = {}", 1, 2, 1 + 2).unwrap();
//! io::write_all(Fd::STDERR, b"done\n")?;
//! # Ok::<(), wasm_function::wasi::Errno>(())
//! ```

use core::fmt;

use super::{Ciovec, Errno, Fd, Iovec, sys};

/// Writes some of `buf` to `fd`; returns how many bytes were written.
///
/// # Errors
///
/// What the host returns from `fd_write`: for example [`Errno::BADF`] if `fd` is not open for
/// writing, [`Errno::PIPE`] if the reading end is closed.
#[inline]
pub fn write(fd: Fd, buf: &[u8]) -> Result<usize, Errno> {
    sys::fd_write(fd, &[Ciovec::new(buf)])
}

/// Writes all of `buf` to `fd`, retrying short writes and [`Errno::INTR`].
///
/// A write that accepts no byte of a nonempty buffer fails with [`Errno::IO`] instead of
/// looping forever.
///
/// # Errors
///
/// What the host returns from `fd_write`, except [`Errno::INTR`], which is retried;
/// [`Errno::IO`] if the host accepts no byte of what is left.
pub fn write_all(fd: Fd, buf: &[u8]) -> Result<(), Errno> {
    write_all_with(buf, |chunk| write(fd, chunk))
}

/// The loop of [`write_all`], over any single-write function.
pub(crate) fn write_all_with(
    mut buf: &[u8],
    mut write: impl FnMut(&[u8]) -> Result<usize, Errno>,
) -> Result<(), Errno> {
    while !buf.is_empty() {
        match write(buf) {
            Ok(0) => return Err(Errno::IO),
            // A host claiming more than it was given is treated as having written it all.
            Ok(n) => buf = buf.get(n..).unwrap_or_default(),
            Err(Errno::INTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads from `fd` into `buf`; returns how many bytes were read, 0 at end of file.
///
/// # Errors
///
/// What the host returns from `fd_read`: for example [`Errno::BADF`] if `fd` is not open for
/// reading, [`Errno::AGAIN`] if it is non-blocking and has nothing to read.
#[inline]
pub fn read(fd: Fd, buf: &mut [u8]) -> Result<usize, Errno> {
    let len = buf.len();
    sys::fd_read(fd, &[Iovec::new(buf)]).map(|n| n.min(len))
}

/// Reads from `fd` until `buf` is full or the end of file; returns how many bytes were read
/// (less than `buf.len()` only at end of file). Retries [`Errno::INTR`].
///
/// # Errors
///
/// What the host returns from `fd_read`, except [`Errno::INTR`], which is retried; the bytes
/// read before the error stay in `buf`.
pub fn read_full(fd: Fd, buf: &mut [u8]) -> Result<usize, Errno> {
    let mut filled = 0;
    while let Some(rest) = buf.get_mut(filled..) {
        if rest.is_empty() {
            break;
        }
        match read(fd, rest) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(Errno::INTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Reads from `fd` to the end of file, appending to `out`; returns how many bytes were read.
///
/// # Errors
///
/// What the host returns from `fd_read`, except [`Errno::INTR`], which is retried; what was
/// read before the error stays appended to `out`.
#[cfg(feature = "std")]
pub fn read_to_end(fd: Fd, out: &mut std::vec::Vec<u8>) -> Result<usize, Errno> {
    let start = out.len();
    let mut chunk = [0_u8; 4096];
    loop {
        match read(fd, &mut chunk) {
            Ok(0) => return Ok(out.len() - start),
            Ok(n) => out.extend_from_slice(&chunk[..n]),
            Err(Errno::INTR) => {}
            Err(e) => return Err(e),
        }
    }
}

macro_rules! std_stream {
    ($(#[$meta:meta])* $name:ident = $fd:expr) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;

        impl $name {
            /// The stream's descriptor.
            pub const FD: Fd = $fd;
        }
    };
}

std_stream! {
    /// Standard output (descriptor 1), unbuffered: every write is an `fd_write`. For many small
    /// writes, wrap it in a [`BufferedWriter`](super::print::BufferedWriter).
    Stdout = Fd::STDOUT
}
std_stream! {
    /// Standard error (descriptor 2), unbuffered.
    Stderr = Fd::STDERR
}
std_stream! {
    /// Standard input (descriptor 0).
    Stdin = Fd::STDIN
}

impl Stdout {
    /// Writes all of `buf`.
    ///
    /// # Errors
    ///
    /// As for [`write_all`](fn@write_all).
    pub fn write_all(&self, buf: &[u8]) -> Result<(), Errno> {
        write_all(Self::FD, buf)
    }
}

impl Stderr {
    /// Writes all of `buf`.
    ///
    /// # Errors
    ///
    /// As for [`write_all`](fn@write_all).
    pub fn write_all(&self, buf: &[u8]) -> Result<(), Errno> {
        write_all(Self::FD, buf)
    }
}

impl Stdin {
    /// Reads into `buf`; returns how many bytes were read, 0 at end of input.
    ///
    /// # Errors
    ///
    /// As for [`read`](fn@read).
    pub fn read(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        read(Self::FD, buf)
    }
}

impl fmt::Write for Stdout {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_all(Self::FD, s.as_bytes()).map_err(|_| fmt::Error)
    }
}

impl fmt::Write for Stderr {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_all(Self::FD, s.as_bytes()).map_err(|_| fmt::Error)
    }
}

#[cfg(feature = "std")]
macro_rules! std_io_write {
    ($($name:ident),*) => {$(
        impl std::io::Write for $name {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                Ok(write(Self::FD, buf)?)
            }
            fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
                Ok(write_all(Self::FD, buf)?)
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
    )*};
}
#[cfg(feature = "std")]
std_io_write!(Stdout, Stderr);

#[cfg(feature = "std")]
impl std::io::Read for Stdin {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        Ok(read(Self::FD, buf)?)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::vec::Vec;

    #[test]
    fn write_all_retries_short_writes_and_intr() {
        let mut out = Vec::new();
        let mut calls = 0;
        write_all_with(b"hello world", |chunk| {
            calls += 1;
            if calls == 2 {
                return Err(Errno::INTR);
            }
            let n = chunk.len().min(4);
            out.extend_from_slice(&chunk[..n]);
            Ok(n)
        })
        .unwrap();
        assert_eq!(out, b"hello world");
        assert_eq!(calls, 4);
    }

    #[test]
    fn write_all_fails_on_zero_progress_and_errors() {
        assert_eq!(write_all_with(b"x", |_| Ok(0)), Err(Errno::IO));
        assert_eq!(write_all_with(b"x", |_| Err(Errno::BADF)), Err(Errno::BADF));
        assert_eq!(write_all_with(b"", |_| Err(Errno::BADF)), Ok(()));
        // A host claiming too much does not cause a panic.
        assert_eq!(write_all_with(b"abc", |_| Ok(100)), Ok(()));
    }
}
