use wasm_function::wasm_function;

#[wasm_function("wasi:random/random@0.2.0", "get-random-u64")]
fn get_random_u64() -> Option<u64>;

fn main() {}
