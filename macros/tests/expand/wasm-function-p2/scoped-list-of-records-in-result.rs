#[wasm_function("test:lists/lists@0.1.0", "entries", wit = "tests/expand/wit-lists")]
pub fn entries<'s>(memory: &MemoryAllocator<'s>) -> Result<&'s [Entry<'s>], &'s str>;
