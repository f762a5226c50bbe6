wasm_function::wasi_cli_run!(1 + 2);

fn main() {}
