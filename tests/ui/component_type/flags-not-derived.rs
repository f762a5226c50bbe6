use wasm_function::wasm_function;

/// A newtype that was never derived against `perms`.
pub struct Perms(u8);

#[wasm_function("test:harness/calls@0.1.0", "echo-perms", wit = "../../../../tests/wit")]
fn echo_perms(p: Perms) -> Perms;

fn main() {}
