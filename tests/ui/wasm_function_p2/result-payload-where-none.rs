use wasm_function::wasm_function;

#[wasm_function("wasi:cli/exit@0.2.0", "exit")]
fn exit(status: Result<u32, ()>);

fn main() {}
