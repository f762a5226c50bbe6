#[wasm_function("env", "log")]
pub(crate) fn log_message(level: u32, message: &str, scratch: &mut [u8]);
