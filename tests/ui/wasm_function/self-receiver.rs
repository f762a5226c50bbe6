use wasm_function::wasm_function;

pub struct Logger;

impl Logger {
    #[wasm_function("env")]
    pub fn log(&self, level: u32);
}

fn main() {}
