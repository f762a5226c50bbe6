use wasm_function::ComponentType;

/// `perms` is `flags { read, write, exec }`.
#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "perms", wit = "../../../../tests/wit")]
pub struct Perms(u8);

fn main() {
    let _ = Perms::READ | Perms::EXECUTE;
}
