use wasm_function::wasm_function;

#[wasm_function("test:bad/calls@0.1.0", "echo", wit = "../../../../tests/ui/wit-bad")]
fn echo(v: u32) -> u32;

fn main() {}
