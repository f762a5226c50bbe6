#[wasm_function("math")]
pub fn mix(a: i32, b: u64, c: f32, d: f64) -> f64 {
    f64::from(a) + b as f64 + f64::from(c) + d
}
