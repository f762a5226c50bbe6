/// An explicit name is imported exactly as written, raw prefix and all.
#[wasm_function("env", "r#type")]
pub fn kind() -> u32;
