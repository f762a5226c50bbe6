/// Writes to a file descriptor.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<usize, Errno>;
