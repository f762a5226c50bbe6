//! Harness self-test guest (std). Prints, on stdout, one line per argument
//! (`arg[i]=<value>`), then one line per environment variable in the order the host gave them
//! (`env <key>=<value>`), then `stdin=<bytes read, lossy UTF-8>`. If a directory is preopened
//! at `/data`, it reads `/data/in.txt` (printing `in.txt=<contents>`) and writes
//! `/data/out.txt` with `written by smoke-std`. Exits with code 3 if the argument `fail`
//! was given, otherwise returns from `main` (exit code 0).
use std::io::{Read, Write};

fn main() {
    let mut out = std::io::stdout().lock();
    let args: Vec<String> = std::env::args().collect();
    for (i, a) in args.iter().enumerate() {
        writeln!(out, "arg[{i}]={a}").unwrap();
    }
    for (k, v) in std::env::vars() {
        writeln!(out, "env {k}={v}").unwrap();
    }
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).unwrap();
    writeln!(out, "stdin={}", String::from_utf8_lossy(&input)).unwrap();
    if let Ok(s) = std::fs::read_to_string("/data/in.txt") {
        writeln!(out, "in.txt={s}").unwrap();
        std::fs::write("/data/out.txt", "written by smoke-std").unwrap();
    }
    out.flush().unwrap();
    eprintln!("smoke-std done");
    if args.iter().any(|a| a == "fail") {
        std::process::exit(3);
    }
}
