#[wasm_function("test:harness/calls@0.1.0", "echo-string", wit = "tests/expand/wit")]
pub fn echo_string_in<'s>(memory: &MemoryAllocator<'s>, s: &str) -> &'s str;
