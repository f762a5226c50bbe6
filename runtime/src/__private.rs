//! Items used by the code that `#[wasm_function]` and `with_memory_allocator!` generate.
//! Not a public API: nothing here follows semver.

pub use crate::abi::{CoreType, ErrorCode, WasmLayout, WasmType, WasmWritable};
pub use crate::component::glue as component;
pub use crate::import_support::{
    OutSlot, from_core, into_core, not_on_this_target, segment_mut_parts, segment_parts,
    slice_mut_parts, slice_parts, str_parts,
};
pub use crate::memory::MemoryAllocator;
pub use crate::memory::scope::{ScopeBrand, ScopeGuard};
