use wasm_function::wasm_function;

#[wasm_function("test:harness/calls@0.1.0", "echo-u32")]
fn echo_u32(v: u32) -> u32;

fn main() {}
