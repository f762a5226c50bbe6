/// # Safety
/// `buffer` must be valid for writes of `len` bytes.
#[wasm_function("env")]
pub unsafe fn fill(buffer: *mut u8, len: usize) -> Result<u32, Status>;
