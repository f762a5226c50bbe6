#[wasm_function("env")]
pub fn copy(source: &MemorySegment<'_>, target: &mut MemorySegment<'_>) -> u32;
