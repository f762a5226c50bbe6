use wasm_function::wasm_function;

#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.get-flags")]
fn get_flags(descriptor: u32) -> Result<u32, u32>;

fn main() {}
