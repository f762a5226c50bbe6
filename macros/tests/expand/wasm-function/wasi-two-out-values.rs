#[wasm_function("wasi_snapshot_preview1")]
pub fn args_sizes_get() -> Result<(usize, usize), Errno>;
