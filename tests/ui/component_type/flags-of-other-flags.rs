use wasm_function::{ComponentType, wasm_function};

/// Derived for `wasi:filesystem/types.descriptor-flags`, used where the WIT has `perms`.
#[derive(ComponentType)]
#[component("wasi:filesystem/types@0.2.0", "descriptor-flags")]
pub struct DescriptorFlags(u8);

#[wasm_function("test:harness/calls@0.1.0", "echo-perms", wit = "../../../../tests/wit")]
fn echo_perms(p: DescriptorFlags) -> u8;

fn main() {}
