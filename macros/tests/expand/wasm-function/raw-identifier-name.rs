/// A raw identifier is imported without its `r#` prefix.
#[wasm_function("env")]
pub fn r#type() -> u32;
