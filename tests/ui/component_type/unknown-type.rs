use wasm_function::ComponentType;

#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "pont", wit = "../../../../tests/wit")]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

fn main() {}
