use wasm_function::ComponentType;

#[derive(ComponentType)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

fn main() {}
