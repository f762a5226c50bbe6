#[wasm_function("test:harness/calls@0.1.0", "echo-number", wit = "tests/expand/wit")]
pub fn echo_number(n: Number) -> Number;
