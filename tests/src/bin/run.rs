//! Builds an example of the runtime crate for `wasm32-wasip1` (or `wasm32-wasip2`) and runs it
//! in the harness.
//!
//! ```text
//! cargo run -p wasm-function-tests --bin run -- [--target TRIPLE] [--env K=V]... [--guest NAME | --wasm PATH] [EXAMPLE] [ARGS...]
//! ```
//!
//! - `EXAMPLE` (default `demo`) is `runtime/examples/<EXAMPLE>.rs`, built with
//!   `cargo build --release --target wasm32-wasip1 -p wasm-function --example <EXAMPLE>
//!   --features std`; `ARGS` are passed to it (`argv[0]` is the example's name).
//! - `--guest NAME` runs the guest crate `tests/guests/NAME` instead, and `--wasm PATH` a
//!   `.wasm` file; every positional argument is then passed to it.
//! - `--target wasm32-wasip2` builds the example or guest for `wasm32-wasip2` instead (default
//!   `wasm32-wasip1`). A component (told by its header, whatever its source) runs in the
//!   Component Model with WASI 0.2 and the harness world `tests/wit/harness.wit`; the
//!   `demo_host` module below is for core modules only. The `demo` example is one program per
//!   target: on `wasm32-wasip2` it imports WASI 0.2 interfaces directly
//!   (`runtime/examples/demo/p2.rs`) instead of `demo_host`.
//! - `--env K=V` (repeatable, before the example) sets an environment variable for the guest;
//!   it sees no other.
//! - The current directory is preopened as `.`; stdin is passed through when it is not a
//!   terminal (read whole before the run).
//! - Host module `demo_host`: `log(level: i32, ptr: i32, len: i32)` prints
//!   `[host log level N] <text>` and `add_i64(a: i64, b: i64) -> i64` returns `a + b`
//!   (wrapping). Other custom imports are recorded, return zeros, and are listed on stderr.
//!
//! Output order: the guest's stdout is captured in memory and the host's log lines are
//! appended to the same buffer when they happen, so they appear in the order of the calls;
//! the whole buffer is printed when the guest finishes (it is not streamed), then the
//! guest's stderr. Last, a summary on stderr: `[run] <example>: exit N, fuel F, wasm size S
//! bytes` (for a component, then `[run] harness world: N calls received`). The process exits
//! with the guest's exit code (134 after a trap, 2 when the harness itself failed).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use wasm_function_tests::{Guest, Outcome, Profile, Target, Value, example_for, guest_for};

const USAGE: &str = "usage: run [--target wasm32-wasip1|wasm32-wasip2] [--env K=V]... [--guest NAME | --wasm PATH] [EXAMPLE] [ARGS...]";

enum Source {
    Example(String),
    Guest(String),
    Wasm(PathBuf),
}

struct Options {
    target: Target,
    env: Vec<(String, String)>,
    source: Source,
    args: Vec<String>,
}

fn parse_options() -> Result<Options> {
    let mut args = std::env::args().skip(1).peekable();
    let mut env = Vec::new();
    let mut source = None;
    let mut target = Target::Wasip1;
    while let Some(flag) = args.peek().cloned() {
        if !flag.starts_with("--") {
            break;
        }
        args.next();
        let mut value = |name: &str| {
            args.next()
                .with_context(|| format!("{name} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--" => break,
            "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--env" => {
                let kv = value("--env")?;
                let (k, v) = kv
                    .split_once('=')
                    .with_context(|| format!("--env {kv:?} is not K=V"))?;
                env.push((k.to_owned(), v.to_owned()));
            }
            "--target" => {
                let triple = value("--target")?;
                target = Target::from_triple(&triple).with_context(|| {
                    format!("--target {triple:?}: wasm32-wasip1 or wasm32-wasip2\n{USAGE}")
                })?;
            }
            "--guest" => source = Some(Source::Guest(value("--guest")?)),
            "--wasm" => source = Some(Source::Wasm(value("--wasm")?.into())),
            other => bail!("unknown option {other}\n{USAGE}"),
        }
    }
    let rest: Vec<String> = args.collect();
    let (source, args) = match (source, rest.split_first()) {
        (Some(source), _) => (source, rest),
        (None, Some((first, tail))) => (Source::Example(first.clone()), tail.to_vec()),
        (None, None) => (Source::Example("demo".to_owned()), Vec::new()),
    };
    Ok(Options {
        target,
        env,
        source,
        args,
    })
}

fn run() -> Result<i32> {
    let opts = parse_options()?;
    let module = match &opts.source {
        Source::Example(name) => example_for(name, opts.target, Profile::Release)?,
        Source::Guest(name) => guest_for(name, opts.target, Profile::Release)?,
        Source::Wasm(path) => Guest::from_file(path)?,
    };

    let mut stdin = Vec::new();
    if !std::io::stdin().is_terminal() {
        std::io::stdin()
            .read_to_end(&mut stdin)
            .context("reading stdin")?;
    }
    let cwd = std::env::current_dir().context("finding the current directory")?;

    if module.is_component() {
        return run_component(&module, &opts, &stdin, &cwd);
    }
    let outcome = run_module(&module, &opts, &stdin, &cwd)?;

    std::io::stdout().write_all(&outcome.stdout)?;
    std::io::stdout().flush()?;
    let mut err = std::io::stderr().lock();
    err.write_all(&outcome.stderr)?;
    for call in outcome.calls.iter().filter(|c| c.module != "demo_host") {
        let args: Vec<String> = call.args.iter().map(|a| a.to_string()).collect();
        writeln!(
            err,
            "[run] unhandled import call (returned zeros): {}.{}({})",
            call.module,
            call.name,
            args.join(", ")
        )?;
    }
    summary(
        &mut err,
        &module,
        outcome.exit_code,
        outcome.trap.as_deref(),
        outcome.fuel_consumed,
    )?;
    Ok(outcome.exit_code)
}

/// Runs a core module with WASI preview1 and the `demo_host` module.
fn run_module(module: &Guest, opts: &Options, stdin: &[u8], cwd: &Path) -> Result<Outcome> {
    let mut run = module
        .run()
        .args(&opts.args)
        .stdin(stdin)
        .preopen(cwd, ".")
        .record_unknown_imports()
        .host_fn("demo_host", "log", |ctx, args| {
            let [Value::I32(level), Value::I32(ptr), Value::I32(len)] = *args else {
                bail!("demo_host.log expects (i32, i32, i32), got {args:?}");
            };
            let bytes = ctx.read_memory(ptr as u32, len as u32)?;
            let line = format!(
                "[host log level {level}] {}\n",
                String::from_utf8_lossy(&bytes)
            );
            ctx.write_stdout(line.as_bytes())?;
            Ok(vec![])
        })
        .host_fn("demo_host", "add_i64", |_, args| {
            let [Value::I64(a), Value::I64(b)] = *args else {
                bail!("demo_host.add_i64 expects (i64, i64), got {args:?}");
            };
            Ok(vec![Value::I64(a.wrapping_add(b))])
        });
    for (k, v) in &opts.env {
        run = run.env(k, v);
    }
    run.execute()
}

/// Runs a component with WASI 0.2 and the harness world.
fn run_component(module: &Guest, opts: &Options, stdin: &[u8], cwd: &Path) -> Result<i32> {
    let mut run = module
        .run_component()
        .args(&opts.args)
        .stdin(stdin)
        .preopen(cwd, ".");
    for (k, v) in &opts.env {
        run = run.env(k, v);
    }
    let outcome = run.execute()?;
    std::io::stdout().write_all(&outcome.stdout)?;
    std::io::stdout().flush()?;
    let mut err = std::io::stderr().lock();
    err.write_all(&outcome.stderr)?;
    summary(
        &mut err,
        module,
        outcome.exit_code,
        outcome.trap.as_deref(),
        outcome.fuel_consumed,
    )?;
    writeln!(
        err,
        "[run] harness world: {} calls received",
        outcome.host.received.len()
    )?;
    Ok(outcome.exit_code)
}

/// The trap, if any, and the `[run] <name>: exit N, fuel F, wasm size S bytes` line.
fn summary(
    err: &mut impl Write,
    module: &Guest,
    exit_code: i32,
    trap: Option<&str>,
    fuel: u64,
) -> Result<()> {
    if let Some(trap) = trap {
        writeln!(err, "[run] trap: {trap}")?;
    }
    writeln!(
        err,
        "[run] {}: exit {exit_code}, fuel {fuel}, wasm size {} bytes",
        module.name,
        module.size()
    )?;
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => {
            std::process::exit(code);
        }
        Err(e) => {
            eprintln!("[run] error: {e:#}");
            ExitCode::from(2)
        }
    }
}
