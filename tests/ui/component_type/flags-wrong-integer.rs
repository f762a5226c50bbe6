use wasm_function::ComponentType;

#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "perms", wit = "../../../../tests/wit")]
pub struct Perms(u32);

fn main() {}
