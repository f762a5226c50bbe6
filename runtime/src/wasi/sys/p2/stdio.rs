//! Stand-in for the CLI streams until the native `fd_write` of fds 1 and 2 is merged (it
//! belongs to the WASI 0.2 CLI work; this file goes then): writes to stdout and stderr
//! through `wasi:cli` and `wasi:io/streams`, because the preview1 adapter cannot run in a
//! component that also imports WASI 0.2 itself.

use crate::__private::component::Resource;
use crate::wasi::p2::io::{Error, OutputStream};
use crate::wasi::{Ciovec, Errno, Fd, Size};
use crate::wasm_function;

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout() -> OutputStream;

#[wasm_function("wasi:cli/stderr@0.2.0", "get-stderr")]
fn get_stderr() -> OutputStream;

/// `stream-error`, its `error` resource as the raw handle the host gives.
enum StreamError {
    LastOperationFailed(u32),
    Closed,
}

#[wasm_function(
    "wasi:io/streams@0.2.0",
    "[method]output-stream.blocking-write-and-flush"
)]
fn blocking_write_and_flush(stream: &OutputStream, contents: &[u8]) -> Result<(), StreamError>;

/// At most this many bytes per `blocking-write-and-flush` (its documented limit).
const MAX: usize = 4096;

/// Writes all buffers to stdout (fd 1) or stderr (fd 2); fd 0 is [`Errno::BADF`].
pub(super) fn write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<Size, Errno> {
    let stream = match fd {
        Fd::STDOUT => get_stdout(),
        Fd::STDERR => get_stderr(),
        _ => return Err(Errno::BADF),
    };
    let mut total: usize = 0;
    for iov in iovs {
        for chunk in iov.as_slice().chunks(MAX) {
            if let Err(e) = blocking_write_and_flush(&stream, chunk) {
                if let StreamError::LastOperationFailed(handle) = e {
                    // SAFETY: the host gave this owned `error` handle; dropped here, once.
                    drop(unsafe { Error::from_handle(handle) });
                }
                return if total > 0 { Ok(total) } else { Err(Errno::IO) };
            }
            total += chunk.len();
        }
    }
    Ok(total)
}
