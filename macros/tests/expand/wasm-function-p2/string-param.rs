#[wasm_function("test:harness/calls@0.1.0", "string-len", wit = "tests/expand/wit")]
pub fn string_len(s: &str) -> u32;
