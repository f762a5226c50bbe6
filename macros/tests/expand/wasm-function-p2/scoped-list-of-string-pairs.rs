#[wasm_function("wasi:cli/environment@0.2.0", "get-environment")]
pub fn environment<'s>(memory: &MemoryAllocator<'s>) -> &'s [(&'s str, &'s str)];
