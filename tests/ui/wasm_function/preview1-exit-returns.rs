use wasm_function::wasm_function;

#[wasm_function("wasi_snapshot_preview1")]
pub fn proc_exit(code: u32);

fn main() {}
