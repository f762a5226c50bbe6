#[wasm_function("test:harness/calls@0.1.0", wit = "tests/expand/wit")]
pub fn echo_string(s: &str) -> String;
