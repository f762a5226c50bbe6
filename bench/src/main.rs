//! The benchmark: `cargo run --release -p wasm-function-bench`.
//!
//! Builds every benchmark guest (for `wasm32-wasip1`, the component ones for `wasm32-wasip2`), runs them with fuel metering, times what
//! needs timing side by side, prints one table, and writes `target/bench/report.md`,
//! `target/bench/report.json` and `target/bench/README-section.md`.
//!
//! Options: `--quick` (the smoke test's small configuration, written to `target/bench-smoke`),
//! `--iterations N` (allocation loops), `--call-iterations N`, `--component-call-iterations N`, `--repeats N` (wall-time
//! rounds), `--declarations N`, `--no-compile`, `--no-clean-builds`, `--out DIR`, and
//! `--only SECTIONS` (run only these sections, e.g. `--only 6` or `--only 1,6`; the report then
//! holds only them), `--alloc-wasm FILE` (measure a prebuilt `bench-alloc` module, e.g. one built against a patched
//! runtime, instead of building the guest).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use wasm_function_bench::{self as bench, Config};

fn parse_args() -> Result<Config> {
    let mut args = std::env::args().skip(1);
    let mut config = Config::full();
    let number = |value: Option<String>, flag: &str| -> Result<u32> {
        value
            .with_context(|| format!("{flag} needs a number"))?
            .parse()
            .with_context(|| format!("{flag} needs a number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => config = Config::smoke(),
            "--iterations" => config.alloc_iterations = number(args.next(), &arg)?,
            "--call-iterations" => config.call_iterations = number(args.next(), &arg)?,
            "--component-call-iterations" => {
                config.component_call_iterations = number(args.next(), &arg)?
            }
            "--repeats" => config.wall_repeats = number(args.next(), &arg)?,
            "--declarations" => {
                let n = number(args.next(), &arg)? as usize;
                if let Some(compile) = &mut config.compile {
                    compile.declarations = n;
                }
            }
            "--no-compile" => config.compile = None,
            "--only" => {
                config.only =
                    Some(bench::parse_sections(&args.next().context(
                        "--only needs a list of sections, e.g. 6 or 1,6",
                    )?)?);
            }
            "--no-clean-builds" => {
                if let Some(compile) = &mut config.compile {
                    compile.clean_build_runs = 0;
                }
            }
            "--alloc-wasm" => {
                config.alloc_wasm = Some(PathBuf::from(
                    args.next().context("--alloc-wasm needs a .wasm file")?,
                ));
            }
            "--out" => {
                config.out_dir = PathBuf::from(args.next().context("--out needs a directory")?)
            }
            "-h" | "--help" => {
                println!(
                    "usage: wasm-function-bench [--quick] [--iterations N] [--call-iterations N] [--component-call-iterations N] [--repeats N] \
                     [--declarations N] [--no-compile] [--no-clean-builds] [--only SECTIONS] [--alloc-wasm FILE] [--out DIR]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown argument {other:?} (try --help)"),
        }
    }
    Ok(config)
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|config| {
        let report = bench::run(&config)?;
        report.write(&config.out_dir)?;
        println!("{}", report.table());
        for row in report.goals() {
            if row.verdict == bench::Verdict::Missed {
                println!("MISSED {}: {}", row.id, row.note);
            }
        }
        println!(
            "\nwritten: {}/report.md, report.json, README-section.md ({})",
            config.out_dir.display(),
            report.meta.get("duration").map_or("", String::as_str)
        );
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasm-function-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}
