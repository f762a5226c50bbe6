//! Items used by the code that `#[wasm_function]` and `with_memory_allocator!` generate.
//! Not a public API: nothing here follows semver.

pub use crate::abi::{CoreType, ErrorCode, WasmLayout, WasmType, WasmWritable};
