#[wasm_function("wasi_snapshot_preview1", "proc_exit")]
pub fn exit(code: u32) -> !;
