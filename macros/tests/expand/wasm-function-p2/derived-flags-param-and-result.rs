#[wasm_function("test:harness/calls@0.1.0", "echo-perms", wit = "tests/expand/wit")]
pub fn echo_perms(p: Perms) -> Perms;
