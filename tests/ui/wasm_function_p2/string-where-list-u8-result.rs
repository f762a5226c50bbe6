use wasm_function::wasm_function;

#[wasm_function("wasi:random/random@0.2.0", "get-random-bytes")]
fn get_random_bytes(len: u64) -> String;

fn main() {}
