use wasm_function::ComponentType;

/// `number` is `variant { float(f64), int(s32), text(string), nothing }`.
#[derive(ComponentType)]
#[component("test:harness/types@0.1.0", "number", wit = "../../../../tests/wit")]
pub enum Number {
    Float(f64),
    Int(i32),
    Txt(String),
    Nothing,
}

fn main() {}
