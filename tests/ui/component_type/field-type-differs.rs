use wasm_function::ComponentType;

/// `point` is `{ x: s32, y: s32 }`: `x` has the wrong type.
#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "point", wit = "../../../../tests/wit")]
pub struct Point {
    pub x: u32,
    pub y: i32,
}

fn main() {}
