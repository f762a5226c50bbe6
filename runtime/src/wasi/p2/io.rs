//! `wasi:io@0.2.0`: errors, pollables and byte streams.
//!
//! Every function of `wasi:io/error`, `wasi:io/poll` and `wasi:io/streams` is declared below
//! as a free function taking the resource (the Component Model's `[method]`s), and offered as
//! a method of its resource type. Where a result is a list or a string there are two forms:
//! with the `std` feature an owned `Vec`/`String`, and always a scoped form (`…_in`) whose
//! result lives in a [`with_memory_allocator!`](crate::with_memory_allocator) scope.
//!
//! ```no_run
//! use wasm_function::wasi::p2::{cli, io::StreamError};
//!
//! let stdout = cli::get_stdout();
//! match stdout.blocking_write_and_flush(b"hello\n") {
//!     Ok(()) => {}
//!     Err(StreamError::Closed) => {} // nobody reads stdout
//!     Err(StreamError::LastOperationFailed(error)) => drop(error),
//! }
//! ```

use crate::memory::MemoryAllocator;
use crate::{ComponentType, wasm_function, wasm_resource};

/// `wasi:io/error.error`: an error a stream reports, with a debug string from the host.
#[wasm_resource("wasi:io/error@0.2.0", "error")]
pub struct Error;

/// `wasi:io/poll.pollable`: something that becomes ready; block on it or poll a set.
#[wasm_resource("wasi:io/poll@0.2.0", "pollable")]
pub struct Pollable;

/// `wasi:io/streams.input-stream`: a stream of bytes to read.
#[wasm_resource("wasi:io/streams@0.2.0", "input-stream")]
pub struct InputStream;

/// `wasi:io/streams.output-stream`: a stream of bytes to write.
#[wasm_resource("wasi:io/streams@0.2.0", "output-stream")]
pub struct OutputStream;

/// `wasi:io/streams.stream-error`: why a stream operation failed.
///
/// ```no_run
/// # use wasm_function::wasi::p2::{cli, io::StreamError};
/// let stdin = cli::get_stdin();
/// # wasm_function::with_memory_allocator!(|memory| {
/// match stdin.blocking_read_in(&memory, 64) {
///     Ok(bytes) => { let _ = bytes; }
///     Err(StreamError::Closed) => {} // end of input
///     Err(StreamError::LastOperationFailed(_error)) => {} // the error drops itself
/// }
/// # });
/// ```
#[derive(ComponentType, Debug, PartialEq, Eq)]
#[component("wasi:io/streams@0.2.0", "stream-error")]
pub enum StreamError {
    /// The last operation (a write or flush) failed; the stream is closed. The [`Error`] says
    /// why.
    LastOperationFailed(Error),
    /// The stream is closed: nothing more can be read (end of input) or written.
    Closed,
}

// ---- wasi:io/error ----

/// `[method]error.to-debug-string`: the host's description of `error`, for debugging only.
///
/// ```no_run
/// # fn f(error: &wasm_function::wasi::p2::io::Error) {
/// let text = wasm_function::wasi::p2::io::error_to_debug_string(error);
/// # }
/// ```
#[cfg(feature = "std")]
#[wasm_function("wasi:io/error@0.2.0", "[method]error.to-debug-string")]
pub fn error_to_debug_string(error: &Error) -> std::string::String;

/// `[method]error.to-debug-string` into a scope: the string lives as long as `memory`'s scope.
///
/// ```no_run
/// # fn f(error: &wasm_function::wasi::p2::io::Error) {
/// wasm_function::with_memory_allocator!(|memory| {
///     let text: &str = error.to_debug_string_in(&memory);
///     # let _ = text;
/// });
/// # }
/// ```
#[wasm_function("wasi:io/error@0.2.0", "[method]error.to-debug-string")]
pub fn error_to_debug_string_in<'s>(memory: &MemoryAllocator<'s>, error: &Error) -> &'s str;

impl Error {
    /// [`error_to_debug_string`].
    #[cfg(feature = "std")]
    #[must_use]
    pub fn to_debug_string(&self) -> std::string::String {
        error_to_debug_string(self)
    }

    /// [`error_to_debug_string_in`].
    #[must_use]
    pub fn to_debug_string_in<'s>(&self, memory: &MemoryAllocator<'s>) -> &'s str {
        error_to_debug_string_in(memory, self)
    }
}

// ---- wasi:io/poll ----

/// `[method]pollable.ready`: whether the pollable is ready now (does not block).
#[wasm_function("wasi:io/poll@0.2.0", "[method]pollable.ready")]
pub fn pollable_ready(pollable: &Pollable) -> bool;

/// `[method]pollable.block`: blocks until the pollable is ready.
#[wasm_function("wasi:io/poll@0.2.0", "[method]pollable.block")]
pub fn pollable_block(pollable: &Pollable);

/// `poll`: blocks until at least one of `pollables` is ready; the indices of the ready ones
/// (into `pollables`), in a `Vec`. The host traps on an empty list.
///
/// ```no_run
/// use wasm_function::wasi::p2::{clocks, io};
/// let soon = clocks::subscribe_duration(1_000_000);
/// let later = clocks::subscribe_duration(1_000_000_000);
/// let ready = io::poll(&[&soon, &later]);
/// assert_eq!(ready, [0]);
/// ```
#[cfg(feature = "std")]
#[wasm_function("wasi:io/poll@0.2.0", "poll")]
pub fn poll(pollables: &[&Pollable]) -> std::vec::Vec<u32>;

/// `poll` with the list of borrows and the indices in a scope (no global allocator needed).
///
/// ```no_run
/// use wasm_function::wasi::p2::{clocks, io};
/// let soon = clocks::subscribe_duration(1_000_000);
/// wasm_function::with_memory_allocator!(|memory| {
///     assert_eq!(io::poll_in(&memory, &[&soon]), [0]);
/// });
/// ```
#[wasm_function("wasi:io/poll@0.2.0", "poll")]
pub fn poll_in<'s>(memory: &MemoryAllocator<'s>, pollables: &[&Pollable]) -> &'s [u32];

impl Pollable {
    /// [`pollable_ready`].
    #[must_use]
    pub fn ready(&self) -> bool {
        pollable_ready(self)
    }

    /// [`pollable_block`].
    pub fn block(&self) {
        pollable_block(self);
    }
}

// ---- wasi:io/streams: input-stream ----

/// `[method]input-stream.read`: up to `len` bytes available now, without blocking (maybe none).
#[cfg(feature = "std")]
#[wasm_function("wasi:io/streams@0.2.0", "[method]input-stream.read")]
pub fn input_read(stream: &InputStream, len: u64) -> Result<std::vec::Vec<u8>, StreamError>;

/// `[method]input-stream.read` into a scope.
#[wasm_function("wasi:io/streams@0.2.0", "[method]input-stream.read")]
pub fn input_read_in<'s>(
    memory: &MemoryAllocator<'s>,
    stream: &InputStream,
    len: u64,
) -> Result<&'s [u8], StreamError>;

/// `[method]input-stream.blocking-read`: blocks until at least one byte is available (or the
/// stream ends), then reads up to `len` bytes.
#[cfg(feature = "std")]
#[wasm_function("wasi:io/streams@0.2.0", "[method]input-stream.blocking-read")]
pub fn input_blocking_read(
    stream: &InputStream,
    len: u64,
) -> Result<std::vec::Vec<u8>, StreamError>;

/// `[method]input-stream.blocking-read` into a scope.
#[wasm_function("wasi:io/streams@0.2.0", "[method]input-stream.blocking-read")]
pub fn input_blocking_read_in<'s>(
    memory: &MemoryAllocator<'s>,
    stream: &InputStream,
    len: u64,
) -> Result<&'s [u8], StreamError>;

/// `[method]input-stream.skip`: skips up to `len` bytes available now; how many it skipped.
#[wasm_function("wasi:io/streams@0.2.0", "[method]input-stream.skip")]
pub fn input_skip(stream: &InputStream, len: u64) -> Result<u64, StreamError>;

/// `[method]input-stream.blocking-skip`: as [`input_skip`], blocking for at least one byte.
#[wasm_function("wasi:io/streams@0.2.0", "[method]input-stream.blocking-skip")]
pub fn input_blocking_skip(stream: &InputStream, len: u64) -> Result<u64, StreamError>;

/// `[method]input-stream.subscribe`: a pollable ready when bytes are available or the stream
/// closed. Drop it before the stream.
#[wasm_function("wasi:io/streams@0.2.0", "[method]input-stream.subscribe")]
pub fn input_subscribe(stream: &InputStream) -> Pollable;

impl InputStream {
    /// [`input_read`].
    #[cfg(feature = "std")]
    pub fn read(&self, len: u64) -> Result<std::vec::Vec<u8>, StreamError> {
        input_read(self, len)
    }

    /// [`input_read_in`].
    pub fn read_in<'s>(
        &self,
        memory: &MemoryAllocator<'s>,
        len: u64,
    ) -> Result<&'s [u8], StreamError> {
        input_read_in(memory, self, len)
    }

    /// [`input_blocking_read`].
    #[cfg(feature = "std")]
    pub fn blocking_read(&self, len: u64) -> Result<std::vec::Vec<u8>, StreamError> {
        input_blocking_read(self, len)
    }

    /// [`input_blocking_read_in`].
    pub fn blocking_read_in<'s>(
        &self,
        memory: &MemoryAllocator<'s>,
        len: u64,
    ) -> Result<&'s [u8], StreamError> {
        input_blocking_read_in(memory, self, len)
    }

    /// [`input_skip`].
    pub fn skip(&self, len: u64) -> Result<u64, StreamError> {
        input_skip(self, len)
    }

    /// [`input_blocking_skip`].
    pub fn blocking_skip(&self, len: u64) -> Result<u64, StreamError> {
        input_blocking_skip(self, len)
    }

    /// [`input_subscribe`].
    #[must_use]
    pub fn subscribe(&self) -> Pollable {
        input_subscribe(self)
    }
}

// ---- wasi:io/streams: output-stream ----

/// `[method]output-stream.check-write`: how many bytes may be written now without blocking.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.check-write")]
pub fn output_check_write(stream: &OutputStream) -> Result<u64, StreamError>;

/// `[method]output-stream.write`: writes `contents`, which must not exceed what
/// [`output_check_write`] permitted (the host traps otherwise).
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.write")]
pub fn output_write(stream: &OutputStream, contents: &[u8]) -> Result<(), StreamError>;

/// `[method]output-stream.blocking-write-and-flush`: writes and flushes up to 4096 bytes
/// (hosts trap beyond), blocking until done.
#[wasm_function(
    "wasi:io/streams@0.2.0",
    "[method]output-stream.blocking-write-and-flush"
)]
pub fn output_blocking_write_and_flush(
    stream: &OutputStream,
    contents: &[u8],
) -> Result<(), StreamError>;

/// `[method]output-stream.flush`: starts flushing what was written; does not block.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.flush")]
pub fn output_flush(stream: &OutputStream) -> Result<(), StreamError>;

/// `[method]output-stream.blocking-flush`: flushes and blocks until done.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-flush")]
pub fn output_blocking_flush(stream: &OutputStream) -> Result<(), StreamError>;

/// `[method]output-stream.subscribe`: a pollable ready when the stream accepts more bytes (or
/// closed). Drop it before the stream.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.subscribe")]
pub fn output_subscribe(stream: &OutputStream) -> Pollable;

/// `[method]output-stream.write-zeroes`: writes `len` zero bytes (within the permitted size).
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.write-zeroes")]
pub fn output_write_zeroes(stream: &OutputStream, len: u64) -> Result<(), StreamError>;

/// `[method]output-stream.blocking-write-zeroes-and-flush`: writes and flushes up to 4096 zero
/// bytes, blocking until done.
#[wasm_function(
    "wasi:io/streams@0.2.0",
    "[method]output-stream.blocking-write-zeroes-and-flush"
)]
pub fn output_blocking_write_zeroes_and_flush(
    stream: &OutputStream,
    len: u64,
) -> Result<(), StreamError>;

/// `[method]output-stream.splice`: moves up to `len` bytes from `src` without blocking; how
/// many it moved.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.splice")]
pub fn output_splice(
    stream: &OutputStream,
    src: &InputStream,
    len: u64,
) -> Result<u64, StreamError>;

/// `[method]output-stream.blocking-splice`: as [`output_splice`], blocking for at least one
/// byte.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-splice")]
pub fn output_blocking_splice(
    stream: &OutputStream,
    src: &InputStream,
    len: u64,
) -> Result<u64, StreamError>;

impl OutputStream {
    /// [`output_check_write`].
    pub fn check_write(&self) -> Result<u64, StreamError> {
        output_check_write(self)
    }

    /// [`output_write`].
    pub fn write(&self, contents: &[u8]) -> Result<(), StreamError> {
        output_write(self, contents)
    }

    /// [`output_blocking_write_and_flush`] (at most 4096 bytes).
    pub fn blocking_write_and_flush(&self, contents: &[u8]) -> Result<(), StreamError> {
        output_blocking_write_and_flush(self, contents)
    }

    /// Writes all of `contents` with [`output_blocking_write_and_flush`] in chunks of at most
    /// 4096 bytes, as the specification requires.
    ///
    /// ```no_run
    /// let stdout = wasm_function::wasi::p2::cli::get_stdout();
    /// let _ = stdout.write_all(&[b'x'; 10_000]);
    /// ```
    pub fn write_all(&self, contents: &[u8]) -> Result<(), StreamError> {
        for chunk in contents.chunks(4096) {
            output_blocking_write_and_flush(self, chunk)?;
        }
        Ok(())
    }

    /// [`output_flush`].
    pub fn flush(&self) -> Result<(), StreamError> {
        output_flush(self)
    }

    /// [`output_blocking_flush`].
    pub fn blocking_flush(&self) -> Result<(), StreamError> {
        output_blocking_flush(self)
    }

    /// [`output_subscribe`].
    #[must_use]
    pub fn subscribe(&self) -> Pollable {
        output_subscribe(self)
    }

    /// [`output_write_zeroes`].
    pub fn write_zeroes(&self, len: u64) -> Result<(), StreamError> {
        output_write_zeroes(self, len)
    }

    /// [`output_blocking_write_zeroes_and_flush`].
    pub fn blocking_write_zeroes_and_flush(&self, len: u64) -> Result<(), StreamError> {
        output_blocking_write_zeroes_and_flush(self, len)
    }

    /// [`output_splice`].
    pub fn splice(&self, src: &InputStream, len: u64) -> Result<u64, StreamError> {
        output_splice(self, src, len)
    }

    /// [`output_blocking_splice`].
    pub fn blocking_splice(&self, src: &InputStream, len: u64) -> Result<u64, StreamError> {
        output_blocking_splice(self, src, len)
    }
}
