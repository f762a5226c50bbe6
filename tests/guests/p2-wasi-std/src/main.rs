//! The owned forms of `wasm_function::wasi::p2` (`String`, `Vec`) in a std program, each
//! compared with std's own view of the same thing. Prints `ok …`/`FAIL …` lines.

use wasm_function::wasi::p2::{cli, clocks, io, random};

fn check(name: &str, ok: bool, details: &str) -> bool {
    println!("{} {name} {details}", if ok { "ok" } else { "FAIL" });
    ok
}

fn main() {
    let mut all = true;
    let args = cli::get_arguments();
    let std_args: Vec<String> = std::env::args().collect();
    all &= check(
        "get-arguments",
        args == std_args,
        &format!("{:?}", &args[1..]),
    );
    let vars = cli::get_environment();
    let std_vars: Vec<(String, String)> = std::env::vars().collect();
    all &= check("get-environment", vars == std_vars, &format!("{vars:?}"));
    all &= check(
        "initial-cwd",
        true,
        &format!("{:?}", cli::initial_cwd().map(|cwd| cwd.is_empty())),
    );

    let bytes = random::get_random_bytes(64);
    let other = random::get_random_bytes(64);
    all &= check(
        "get-random-bytes",
        bytes.len() == 64 && bytes != other,
        "64 bytes, two draws differ",
    );
    all &= check(
        "get-random-bytes-0",
        random::get_random_bytes(0).is_empty(),
        "empty",
    );
    let insecure = random::get_insecure_random_bytes(8);
    all &= check("insecure", insecure.len() == 8, "8 bytes");
    let (a, b) = random::insecure_seed();
    all &= check(
        "insecure-seed",
        random::insecure_seed() == (a, b),
        "the same twice",
    );

    let short = clocks::subscribe_duration(1_000_000);
    let long = clocks::subscribe_duration(60_000_000_000);
    let ready = io::poll(&[&short, &long]);
    all &= check("poll", ready == [0], &format!("{ready:?}"));

    let stdin = cli::get_stdin();
    let mut input = Vec::new();
    let end = loop {
        match stdin.blocking_read(5) {
            Ok(chunk) => input.extend(chunk),
            Err(error) => break error,
        }
    };
    all &= check(
        "stdin",
        end == io::StreamError::Closed,
        &format!("{:?} then closed", String::from_utf8_lossy(&input)),
    );
    let stdout = cli::get_stdout();
    all &= check(
        "stdout",
        stdout.write_all(b"ok written through wasi::p2\n").is_ok(),
        "write_all",
    );
    std::process::exit(if all { 0 } else { 1 });
}
