use wasm_function::ComponentType;

/// `color` is `enum { red, green, blue }`.
#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "color", wit = "../../../../tests/wit")]
pub enum Color {
    Red,
    Green,
}

fn main() {}
