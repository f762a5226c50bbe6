#[wasm_function("test:harness/types@0.1.0", "[static]counter.sum", wit = "tests/expand/wit")]
pub fn sum(a: &Counter, b: &Counter) -> Counter;
