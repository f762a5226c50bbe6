use wasm_function::wasm_function;

/// `wasi:clocks/wall-clock.datetime`, with a field of the wrong type.
pub struct Datetime {
    pub seconds: u64,
    pub nanoseconds: u64,
}

#[wasm_function("wasi:clocks/wall-clock@0.2.0", "now")]
fn now() -> Datetime;

fn main() {}
