//! A std program for `wasm32-wasip2` (a component exporting `wasi:cli/run`): prints a greeting,
//! its arguments and environment to stdout, one line to stderr, the file named by `READ` (if set)
//! from a preopened directory, and exits with the code given as `exit=N` in its arguments.

fn main() {
    println!("hello from p2-std-hello");
    let args: Vec<String> = std::env::args().collect();
    println!("args: {args:?}");
    for (key, value) in std::env::vars() {
        println!("env: {key}={value}");
    }
    eprintln!("p2-std-hello on stderr");
    if let Ok(path) = std::env::var("READ") {
        match std::fs::read_to_string(&path) {
            Ok(text) => println!("{path}: {text}"),
            Err(e) => println!("{path}: error {e}"),
        }
    }
    let code = args
        .iter()
        .find_map(|a| a.strip_prefix("exit="))
        .map(|n| n.parse::<i32>().expect("exit=N takes a number"));
    if let Some(code) = code {
        std::process::exit(code);
    }
}
