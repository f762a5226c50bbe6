#[wasm_function("test:harness/calls@0.1.0", "echo-strings", wit = "tests/expand/wit")]
pub fn echo_strings(l: &[&str]) -> Vec<String>;
