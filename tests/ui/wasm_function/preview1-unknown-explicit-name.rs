use wasm_function::wasm_function;

#[wasm_function("wasi_snapshot_preview1", "proc_exti")]
pub fn exit(code: u32) -> !;

fn main() {}
