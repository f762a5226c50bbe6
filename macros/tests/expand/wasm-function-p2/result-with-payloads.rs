#[wasm_function("test:harness/calls@0.1.0", "checked", wit = "tests/expand/wit")]
pub fn checked(ok: bool) -> Result<u32, String>;
