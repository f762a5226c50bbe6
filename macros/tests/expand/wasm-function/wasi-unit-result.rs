#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_close(fd: Fd) -> Result<(), Errno>;
