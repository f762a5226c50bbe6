use wasm_function::ComponentType;

#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "point", wit = "../../../../tests/wit")]
pub struct Point {
    pub y: i32,
    pub x: i32,
}

fn main() {}
