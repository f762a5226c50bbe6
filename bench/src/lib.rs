//! The benchmark of `wasm-function`: sizes, fuel and compile times against what a user would
//! write instead, with a verdict per goal.
//!
//! [`run`] builds the benchmark guests (`tests/guests/hello-*`, `bench-alloc`, `bench-calls`)
//! for `wasm32-wasip1`, the component guests (`bench-p2-*`, `p2-hello-raw`) for
//! `wasm32-wasip2`, and `bench-println`, `bench-cat` and `bench-std-cat` for both, in release with the harness of `wasm-function-tests`, runs them in its
//! wasmtime with fuel metering, times what needs timing side by side, and returns a [`Report`];
//! [`Report::write`] writes `report.md`, `report.json` and `README-section.md`. The binary
//! (`cargo run --release -p wasm-function-bench`) runs [`Config::full`]; `bench/tests/smoke.rs`
//! runs [`Config::smoke`].
//!
//! One module per report section: `hello` (1), `alloc` (2), `calls` (3), `compile` (4),
//! `component` (5, wasm32-wasip2), `both_targets` (6, the safe layer on both targets), each
//! with a function per row or group of rows; `report` renders the rows, `wasm` reads built
//! modules with wasmparser.
//!
//! Per-operation fuel is a difference of differences: each loop runs `n` and `2n` times, and
//! `(fuel(2n) - fuel(n)) / n` is the fuel of one iteration with every constant (instantiation,
//! `main`, argument parsing, the allocator's first chunk) cancelled; subtracting the same
//! figure for an empty loop of the same shape leaves the operation itself.

mod alloc;
mod both_targets;
mod calls;
mod compile;
mod component;
mod hello;
mod report;
mod wasm;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use anyhow::{Result, bail};

pub use report::{Report, Row, Section, Verdict};

use wasm_function_tests::{Outcome, Run};

/// What to measure, and how much.
#[derive(Clone, Debug)]
pub struct Config {
    /// Iterations of the allocation loops (each runs `n` and `2n` times); the goals' figure is
    /// a million.
    pub alloc_iterations: u32,
    /// Iterations of the import-call loops (each runs `n` and `2n` times).
    pub call_iterations: u32,
    /// Iterations of the component import-call loops of section 5 (each runs `n` and `2n`
    /// times).
    pub component_call_iterations: u32,
    /// How many times each allocation loop is timed for the wall-time ratios (0: no timing).
    pub wall_repeats: u32,
    /// The compile-time rows, or `None` to skip them.
    pub compile: Option<CompileConfig>,
    /// Where the report is written.
    pub out_dir: PathBuf,
    /// A prebuilt `bench-alloc` module to measure instead of building the guest (to try a
    /// change to the allocator: build the guest against a patched runtime, pass its .wasm).
    pub alloc_wasm: Option<PathBuf>,
    /// The sections to run (`"1"` … `"6"`), or `None` for all of them.
    pub only: Option<Vec<String>>,
}

/// The compile-time rows' parameters.
#[derive(Clone, Debug)]
pub struct CompileConfig {
    /// Declarations in each generated crate (the goals' figure is 1,000).
    pub declarations: usize,
    /// Measured `cargo check` runs of each generated crate, alternating, after one warm-up.
    pub check_runs: u32,
    /// Measured clean builds of each of `wasm-function-macros` and `syn`, alternating (0: skip).
    pub clean_build_runs: u32,
}

/// The report's sections, in the order [`run`] runs them.
pub const SECTIONS: [&str; 6] = ["1", "2", "3", "4", "5", "6"];

/// Parses `--only`'s list of sections (`6`, `1,6`), checking each against [`SECTIONS`].
pub fn parse_sections(list: &str) -> Result<Vec<String>> {
    let mut sections = Vec::new();
    for item in list.split(',').map(str::trim) {
        if !SECTIONS.contains(&item) {
            bail!(
                "unknown section {item:?} in {list:?}: the sections are {}",
                SECTIONS.join(", ")
            );
        }
        if !sections.iter().any(|s| s == item) {
            sections.push(item.to_owned());
        }
    }
    Ok(sections)
}

impl Config {
    /// Whether section `id` is to run.
    pub fn runs(&self, id: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.iter().any(|s| s == id))
    }

    /// The full benchmark as its goals define it: loops of a million, 1,000 declarations.
    pub fn full() -> Self {
        Config {
            alloc_iterations: 1_000_000,
            call_iterations: 1_000_000,
            component_call_iterations: 100_000,
            wall_repeats: 5,
            compile: Some(CompileConfig {
                declarations: 1000,
                check_runs: 3,
                clean_build_runs: 2,
            }),
            out_dir: wasm_function_tests::repo_root()
                .join("target")
                .join("bench"),
            alloc_wasm: None,
            only: None,
        }
    }

    /// A small version for the test suite: few iterations, no compile-time rows, its own
    /// output directory (`target/bench-smoke`).
    pub fn smoke() -> Self {
        Config {
            alloc_iterations: 2000,
            call_iterations: 500,
            component_call_iterations: 200,
            wall_repeats: 1,
            compile: None,
            out_dir: wasm_function_tests::repo_root()
                .join("target")
                .join("bench-smoke"),
            alloc_wasm: None,
            only: None,
        }
    }
}

/// Runs the benchmark. Progress goes to stderr.
pub fn run(config: &Config) -> Result<Report> {
    let started = Instant::now();
    let mut report = Report {
        meta: meta(config),
        ..Report::default()
    };
    if config.runs("1") {
        progress("hello world, seven ways");
        hello::run(&mut report)?;
    }
    if config.runs("2") {
        progress("allocation");
        alloc::run(config, &mut report)?;
    }
    if config.runs("3") {
        progress("import calls");
        calls::run(config, &mut report)?;
    }
    if config.runs("4") {
        progress("compile time");
        compile::run(config.compile.as_ref(), &mut report)?;
    }
    if config.runs("5") {
        progress("Component Model (wasm32-wasip2)");
        component::run(config, &mut report)?;
    }
    if config.runs("6") {
        progress("the safe layer on both targets (hello, cat)");
        both_targets::run(&mut report)?;
    }
    report.meta.insert(
        "duration".to_owned(),
        format!("{:.0} s", started.elapsed().as_secs_f64()),
    );
    Ok(report)
}

pub(crate) fn progress(what: &str) {
    eprintln!("[bench] {what}");
}

/// Runs a guest and insists that it ended normally.
pub(crate) fn execute(run: Run, what: &str) -> Result<Outcome> {
    let out = run.execute()?;
    if out.trap.is_some() || out.exit_code != 0 {
        bail!(
            "{what}: exit code {}, trap {:?}\nstderr: {}",
            out.exit_code,
            out.trap,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out)
}

/// Fuel of one iteration: `(fuel(2n) - fuel(n)) / n`.
pub(crate) fn per_iteration(fuel_n: u64, fuel_2n: u64, n: u32) -> f64 {
    (fuel_2n as f64 - fuel_n as f64) / f64::from(n)
}

/// A number with at most two decimals, trailing zeros dropped: `12`, `12.5`, `12.33`.
pub(crate) fn num(x: f64) -> String {
    let text = format!("{x:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// An integer with thousands separators: `1,000,000`.
pub(crate) fn int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A ratio: `1.23×`.
pub(crate) fn ratio(x: f64) -> String {
    format!("{x:.2}×")
}

fn command_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .current_dir(wasm_function_tests::repo_root())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|| format!("({program} not found)"))
}

fn meta(config: &Config) -> std::collections::BTreeMap<String, String> {
    let mut meta = std::collections::BTreeMap::new();
    meta.insert(
        "command".to_owned(),
        "cargo run --release -p wasm-function-bench".to_owned(),
    );
    meta.insert("date".to_owned(), today_utc());
    meta.insert(
        "toolchain".to_owned(),
        format!(
            "{}; {}",
            command_output("rustc", &["-V"]),
            command_output("cargo", &["-V"])
        ),
    );
    meta.insert("wasmtime".to_owned(), wasmtime_version());
    meta.insert(
        "machine".to_owned(),
        format!(
            "{}-{}, {} hardware threads",
            std::env::consts::ARCH,
            std::env::consts::OS,
            std::thread::available_parallelism().map_or(0, usize::from)
        ),
    );
    meta.insert(
        "config".to_owned(),
        format!(
            "allocation loops n = {}, call loops n = {}, component call loops n = {} (each also run with 2n), {} timed repeats, compile rows: {}",
            int(config.alloc_iterations.into()),
            int(config.call_iterations.into()),
            int(config.component_call_iterations.into()),
            config.wall_repeats,
            match &config.compile {
                Some(c) => format!(
                    "{} declarations, {} check runs, {} clean builds each",
                    int(c.declarations as u64), c.check_runs, c.clean_build_runs
                ),
                None => "skipped".to_owned(),
            }
        ),
    );
    if let Some(only) = &config.only {
        meta.entry("config".to_owned()).and_modify(|text| {
            let noun = if only.len() == 1 {
                "section"
            } else {
                "sections"
            };
            let _ = write!(text, "; only {noun} {}", only.join(", "));
        });
    }
    meta
}

/// The wasmtime version in the workspace's `Cargo.lock`.
fn wasmtime_version() -> String {
    let lock = std::fs::read_to_string(wasm_function_tests::repo_root().join("Cargo.lock"))
        .unwrap_or_default();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasmtime\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = ")) {
                return format!(
                    "wasmtime {} (cranelift, fuel metering on)",
                    version.trim_matches('"')
                );
            }
        }
    }
    "wasmtime (version unknown)".to_owned()
}

/// Today's date in UTC, `YYYY-MM-DD`.
fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_parsed_and_checked() {
        assert_eq!(parse_sections("6").unwrap(), ["6"]);
        assert_eq!(parse_sections("1, 6,1").unwrap(), ["1", "6"]);
        let err = parse_sections("7").unwrap_err().to_string();
        assert!(err.contains("the sections are 1, 2, 3, 4, 5, 6"), "{err}");
        assert!(parse_sections("").is_err());
        let mut config = Config::smoke();
        assert!(SECTIONS.iter().all(|s| config.runs(s)));
        config.only = Some(parse_sections("6").unwrap());
        assert!(config.runs("6") && !config.runs("1") && !config.runs("5"));
    }
}
