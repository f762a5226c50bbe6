use wasm_function::{wasm_function, wasm_resource};

#[wasm_resource("test:lists/lists@0.1.0", "thing", wit = "../../../../tests/ui/wit-lists")]
pub struct Thing;

pub struct Holder {
    pub thing: Thing,
    pub name: String,
}

// A parameter is lowered from a borrow, which cannot give the resource away.
#[wasm_function("test:lists/lists@0.1.0", "give", wit = "../../../../tests/ui/wit-lists")]
fn give(h: Holder);

fn main() {
    let _ = give;
}
