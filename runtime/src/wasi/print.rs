//! `print!`-style output without `std`: the crate-root macros [`print!`](crate::print),
//! [`println!`](crate::println), [`eprint!`](crate::eprint) and [`eprintln!`](crate::eprintln),
//! and the [`BufferedWriter`] behind them.
//!
//! The macros format through [`core::fmt::Write`] into a 256-byte buffer on the stack and flush
//! it with `fd_write` when it fills and at the end, so a short line is one host call and
//! nothing is allocated. Errors (a closed stream) are ignored, as output is best-effort; write
//! to [`Stdout`](super::io::Stdout) with `write!` to see them.
//!
//! ```no_run
//! use wasm_function::{eprintln, println};
//!
//! println!("{} arguments", 3);
//! eprintln!("warning: {}", "careful");
//! ```

use core::fmt;

use super::{Errno, Fd, io};

/// The size of the stack buffer the printing macros use.
pub const PRINT_BUFFER_SIZE: usize = 256;

/// A [`core::fmt::Write`] sink that collects output in an `N`-byte buffer on the stack and
/// writes it to a descriptor when full, on [`flush`](BufferedWriter::flush) and on drop.
///
/// ```no_run
/// use core::fmt::Write as _;
/// use wasm_function::wasi::print::BufferedWriter;
/// use wasm_function::wasi::Fd;
///
/// let mut out = BufferedWriter::<64>::new(Fd::STDOUT);
/// for i in 0..10 {
///     write!(out, "{i} ").unwrap();
/// }
/// out.flush()?; // one fd_write for all ten numbers
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
pub struct BufferedWriter<const N: usize = PRINT_BUFFER_SIZE> {
    fd: Fd,
    len: usize,
    error: Option<Errno>,
    buf: [u8; N],
}

impl<const N: usize> BufferedWriter<N> {
    /// An empty buffer in front of `fd`.
    #[inline]
    #[must_use]
    pub const fn new(fd: Fd) -> Self {
        Self {
            fd,
            len: 0,
            error: None,
            buf: [0; N],
        }
    }

    /// The descriptor written to.
    #[inline]
    #[must_use]
    pub const fn fd(&self) -> Fd {
        self.fd
    }

    /// The bytes buffered and not yet written.
    #[inline]
    #[must_use]
    pub fn buffered(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Appends bytes, writing the buffer out whenever it fills; data larger than the buffer
    /// goes straight to the descriptor.
    ///
    /// # Errors
    ///
    /// What [`io::write_all`] returns when the buffer is written out, or an error kept from an
    /// earlier write since the last flush.
    pub fn write_bytes(&mut self, data: &[u8]) -> Result<(), Errno> {
        self.push(data, io::write_all)
    }

    /// Writes out the buffered bytes. Returns the first error seen since the last flush,
    /// if any.
    ///
    /// # Errors
    ///
    /// The first error since the last flush: from an earlier write, else from [`io::write_all`]
    /// writing the buffer out now. The buffer is emptied either way.
    pub fn flush(&mut self) -> Result<(), Errno> {
        self.flush_with(io::write_all)
    }

    fn push(
        &mut self,
        data: &[u8],
        mut sink: impl FnMut(Fd, &[u8]) -> Result<(), Errno>,
    ) -> Result<(), Errno> {
        if data.len() > N - self.len {
            self.flush_with(&mut sink)?;
            if data.len() >= N {
                return sink(self.fd, data).inspect_err(|&e| self.error = Some(e));
            }
        }
        self.buf[self.len..self.len + data.len()].copy_from_slice(data);
        self.len += data.len();
        Ok(())
    }

    fn flush_with(
        &mut self,
        mut sink: impl FnMut(Fd, &[u8]) -> Result<(), Errno>,
    ) -> Result<(), Errno> {
        let len = core::mem::take(&mut self.len);
        if len > 0 {
            if let Err(e) = sink(self.fd, &self.buf[..len]) {
                self.error.get_or_insert(e);
            }
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl<const N: usize> fmt::Write for BufferedWriter<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.write_bytes(s.as_bytes()).map_err(|_| fmt::Error)
    }
}

impl<const N: usize> Drop for BufferedWriter<N> {
    fn drop(&mut self) {
        // Best effort, like `std::io::BufWriter`: call `flush` to see the error.
        let _ = self.flush();
    }
}

impl<const N: usize> fmt::Debug for BufferedWriter<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BufferedWriter")
            .field("fd", &self.fd)
            .field("buffered", &self.len)
            .field("capacity", &N)
            .finish()
    }
}

/// What the printing macros call: formats `args` (and a newline if `newline`) to `fd`.
#[doc(hidden)]
#[inline]
pub fn _print(fd: Fd, args: fmt::Arguments<'_>, newline: bool) {
    // Inlined, so that a literal without arguments is known at compile time and never pulls in
    // the formatting machinery.
    match (args.as_str(), newline) {
        (Some(text), false) => {
            let _ = io::write_all(fd, text.as_bytes());
        }
        // On wasm32-wasip2 a literal line to stdout or stderr goes straight to the cached
        // stream, without `fd_write`'s iovec loop and descriptor dispatch (the macros pass a
        // constant descriptor, so the test folds away).
        #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
        (Some(text), true) if fd == Fd::STDOUT || fd == Fd::STDERR => {
            super::sys::print_line(fd, text.as_bytes());
        }
        (Some(text), true) => print_line(fd, text.as_bytes()),
        (None, _) => print_formatted(fd, args, newline),
    }
}

/// Writes `text` and a newline with one `fd_write` of two iovecs, finishing a short write.
#[inline(never)]
fn print_line(fd: Fd, text: &[u8]) {
    let iovs = [super::Ciovec::new(text), super::Ciovec::new(b"\n")];
    match super::sys::fd_write(fd, &iovs) {
        Ok(written) if written < text.len() => {
            let _ = io::write_all(fd, &text[written..]);
            let _ = io::write_all(fd, b"\n");
        }
        Ok(written) if written == text.len() => {
            let _ = io::write_all(fd, b"\n");
        }
        Ok(_) | Err(_) => {}
    }
}

/// Formats into a stack buffer, flushed with `fd_write` when full and at the end.
#[inline(never)]
fn print_formatted(fd: Fd, args: fmt::Arguments<'_>, newline: bool) {
    let mut out = BufferedWriter::<PRINT_BUFFER_SIZE>::new(fd);
    let _ = fmt::write(&mut out, args);
    if newline {
        let _ = out.write_bytes(b"\n");
    }
    let _ = out.flush();
}

/// Prints to standard output through `fd_write`, without `std` and without allocating; like
/// `std::print!`, but errors are ignored instead of panicking.
///
/// ```no_run
/// wasm_function::print!("{}-{}", 1, 2);
/// ```
#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::wasi::print::_print(
            $crate::wasi::Fd::STDOUT,
            ::core::format_args!($($arg)*),
            false,
        )
    };
}

/// Prints to standard output with a newline, through `fd_write`, without `std` and without
/// allocating; errors are ignored.
///
/// ```no_run
/// wasm_function::println!();
/// wasm_function::println!("hello {}", "world");
/// ```
#[macro_export]
macro_rules! println {
    () => {
        $crate::wasi::print::_print(
            $crate::wasi::Fd::STDOUT,
            ::core::format_args!(""),
            true,
        )
    };
    ($($arg:tt)*) => {
        $crate::wasi::print::_print(
            $crate::wasi::Fd::STDOUT,
            ::core::format_args!($($arg)*),
            true,
        )
    };
}

/// Prints to standard error through `fd_write`, without `std` and without allocating; errors
/// are ignored.
///
/// ```no_run
/// wasm_function::eprint!("{}%", 50);
/// ```
#[macro_export]
macro_rules! eprint {
    ($($arg:tt)*) => {
        $crate::wasi::print::_print(
            $crate::wasi::Fd::STDERR,
            ::core::format_args!($($arg)*),
            false,
        )
    };
}

/// Prints to standard error with a newline, through `fd_write`, without `std` and without
/// allocating; errors are ignored.
///
/// ```no_run
/// wasm_function::eprintln!("error: {}", wasm_function::wasi::Errno::NOENT);
/// ```
#[macro_export]
macro_rules! eprintln {
    () => {
        $crate::wasi::print::_print(
            $crate::wasi::Fd::STDERR,
            ::core::format_args!(""),
            true,
        )
    };
    ($($arg:tt)*) => {
        $crate::wasi::print::_print(
            $crate::wasi::Fd::STDERR,
            ::core::format_args!($($arg)*),
            true,
        )
    };
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::vec::Vec;

    fn sink_into(log: &mut Vec<Vec<u8>>) -> impl FnMut(Fd, &[u8]) -> Result<(), Errno> + '_ {
        |_, bytes| {
            log.push(bytes.to_vec());
            Ok(())
        }
    }

    #[test]
    fn buffers_until_full() {
        let mut log = Vec::new();
        let mut w = BufferedWriter::<8>::new(Fd::STDOUT);
        w.push(b"abc", sink_into(&mut log)).unwrap();
        w.push(b"def", sink_into(&mut log)).unwrap();
        assert!(log.is_empty());
        assert_eq!(w.buffered(), b"abcdef");
        // Does not fit: the buffer is flushed first.
        w.push(b"ghi", sink_into(&mut log)).unwrap();
        assert_eq!(log, [b"abcdef".to_vec()]);
        assert_eq!(w.buffered(), b"ghi");
        // Larger than the buffer: flushed, then written straight through.
        w.push(b"0123456789", sink_into(&mut log)).unwrap();
        assert_eq!(
            log,
            [b"abcdef".to_vec(), b"ghi".to_vec(), b"0123456789".to_vec()]
        );
        assert!(w.buffered().is_empty());
        // Exactly full stays buffered.
        w.push(b"12345678", sink_into(&mut log)).unwrap();
        assert_eq!(w.buffered(), b"12345678");
        w.flush_with(sink_into(&mut log)).unwrap();
        assert_eq!(log.last().unwrap(), b"12345678");
        assert!(w.buffered().is_empty());
        w.len = 0; // nothing left for drop to write
    }

    #[test]
    fn errors_are_reported_once_at_flush() {
        let mut w = BufferedWriter::<4>::new(Fd::STDOUT);
        w.push(b"abc", |_, _| Ok(())).unwrap();
        assert_eq!(w.push(b"defgh", |_, _| Err(Errno::PIPE)), Err(Errno::PIPE));
        assert_eq!(w.flush_with(|_, _| Ok(())), Ok(()));
        w.push(b"xyz", |_, _| Ok(())).unwrap();
        assert_eq!(w.flush_with(|_, _| Err(Errno::BADF)), Err(Errno::BADF));
        assert_eq!(w.flush_with(|_, _| Ok(())), Ok(()));
    }
}
