#[wasm_function("test:harness/calls@0.1.0", "echo-wide", wit = "tests/expand/wit")]
pub fn echo_wide(w: u32) -> u32;
