use wasm_function::ComponentType;

#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "number", wit = "../../../../tests/wit")]
pub enum Number {
    Float(f32),
    Int(i32),
    Text(String),
    Nothing(()),
}

fn main() {}
