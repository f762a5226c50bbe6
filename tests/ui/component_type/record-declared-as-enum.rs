use wasm_function::ComponentType;

#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "point", wit = "../../../../tests/wit")]
pub enum Point {
    X(i32),
    Y(i32),
}

fn main() {}
