use wasm_function::ComponentType;

#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "point", wit = "../../../../tests/wit")]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

/// `segment` is `{ start: point, end: point, label: string }`.
#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "segment", wit = "../../../../tests/wit")]
pub struct Segment {
    pub start: Point,
    pub end: Point,
    pub lable: String,
}

fn main() {}
