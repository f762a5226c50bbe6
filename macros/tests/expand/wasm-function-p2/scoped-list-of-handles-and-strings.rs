#[wasm_function("wasi:filesystem/preopens@0.2.0", "get-directories")]
pub fn directories<'s>(memory: &MemoryAllocator<'s>) -> &'s [(u32, &'s str)];
