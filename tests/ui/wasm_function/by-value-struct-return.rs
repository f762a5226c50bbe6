use wasm_function::wasm_function;

pub struct Point {
    pub x: u32,
    pub y: u32,
}

#[wasm_function("env")]
pub fn origin() -> Point;

fn main() {}
