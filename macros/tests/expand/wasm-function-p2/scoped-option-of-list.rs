#[wasm_function("test:lists/lists@0.1.0", "maybe-names", wit = "tests/expand/wit-lists")]
pub fn maybe_names<'s>(memory: &MemoryAllocator<'s>) -> Option<&'s [&'s str]>;
