#[wasm_function("wasi:cli/environment@0.2.0", "get-arguments")]
pub fn arguments<'s>(memory: &MemoryAllocator<'s>) -> &'s [&'s str];
