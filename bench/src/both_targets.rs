//! Section 6: one safe layer on both targets. Hello through the safe layer's `println!` as a
//! `wasm32-wasip2` component (size and fuel against std's `println!` and the `wasip2` crate) and
//! the same source on `wasm32-wasip1`; `cat` of a 1 MiB file through the safe layer's `fs` and
//! `io` against `std::io::copy`, fuel on both targets.
//!
//! On `wasm32-wasip2` the safe layer reaches WASI either through the preview1 adapter that
//! `wasm-component-ld` links in (while `runtime/src/wasi/sys/p2` still re-exports `raw`) or
//! natively over WASI 0.2; every p2 row says which, read from the built component
//! ([`P2Path`]), so the figures mean the same thing whichever the runtime does.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use serde_json::json;

use crate::component::{CoreModule, Variant, check_ran, core_modules};
use crate::report::{Report, Row};
use crate::{execute, int, num, progress};
use wasm_function_tests::{
    ComponentOutcome, Guest, Profile, Target, guest, guest_for, read_component_imports,
};

/// The preview1 import module; a component whose core modules import from it goes through the
/// preview1 adapter.
const PREVIEW1: &str = "wasi_snapshot_preview1";

/// The line every hello must print, and nothing else.
const HELLO: &[u8] = b"Hello, world!\n";

/// The size of `cat`'s input file: 1 MiB.
pub(crate) const CAT_INPUT_BYTES: usize = 1 << 20;

/// Where the cat guests find their input: the benchmark preopens the input's directory here.
const CAT_GUEST_DIR: &str = "/data";

/// The input's file name (both cat guests open `/data/input.bin`).
const CAT_FILE: &str = "input.bin";

/// How a p2 component reaches WASI, read from its core modules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum P2Path {
    /// Its program imports these preview1 functions (`fd_write`, …), which the preview1 adapter
    /// embedded in the component (a core module of `adapter_bytes` bytes exporting them)
    /// implements over WASI 0.2.
    Adapter {
        functions: Vec<String>,
        adapter_bytes: Option<usize>,
    },
    /// No core module imports preview1: the program calls WASI 0.2 itself.
    Native,
}

impl P2Path {
    /// Reads the path from a component's core modules.
    pub(crate) fn of(modules: &[CoreModule]) -> Self {
        let functions: Vec<String> = modules
            .iter()
            .flat_map(|m| &m.imports)
            .filter_map(|import| preview1_function(import))
            .map(str::to_owned)
            .collect();
        if functions.is_empty() {
            return P2Path::Native;
        }
        let adapter_bytes = modules
            .iter()
            .find(|m| m.exports.iter().any(|e| functions.contains(e)))
            .map(|m| m.size);
        P2Path::Adapter {
            functions,
            adapter_bytes,
        }
    }

    /// `preview1-adapter` or `native-wasi-0.2`, for the JSON.
    pub(crate) fn label(&self) -> &'static str {
        match self {
            P2Path::Adapter { .. } => "preview1-adapter",
            P2Path::Native => "native-wasi-0.2",
        }
    }

    /// One sentence for a note.
    pub(crate) fn describe(&self, modules: usize) -> String {
        match self {
            P2Path::Adapter {
                functions,
                adapter_bytes,
            } => format!(
                "through the preview1 adapter: the program imports {} `{PREVIEW1}` function{} \
                 ({}), implemented over WASI 0.2 by the adapter core module{} that \
                 wasm-component-ld embedded ({modules} core modules in all)",
                functions.len(),
                if functions.len() == 1 { "" } else { "s" },
                functions.join(", "),
                adapter_bytes.map_or_else(String::new, |b| format!(" ({b} B)")),
            ),
            P2Path::Native => format!(
                "natively over WASI 0.2: no core module imports `{PREVIEW1}` ({modules} core \
                 module{} in all)",
                if modules == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Section 6: rows 6.1a to 6.2b.
pub(crate) fn run(report: &mut Report) -> Result<()> {
    report.section(
        "6",
        "One safe layer on both targets: hello through `println!` and `cat` of 1 MiB against std",
        &format!(
            "guests built in release for wasm32-wasip1 (core modules, run with the harness's \
             `run`) and wasm32-wasip2 (components, run with `run_component`) in the same run. \
             Hello (6.1): bench-println is one no_std source, a cdylib that on wasip2 exports \
             `wasi:cli/run` through `wasi_cli_run!` and on wasip1 exports `_start`; one run \
             each, stdout must be exactly `Hello, world!\\n`; size is the .wasm file's \
             (component or module), fuel the whole run's (std's includes its start-up). Cat \
             (6.2): a {} file of numbered text lines (deterministic) in a fresh directory \
             preopened as `{CAT_GUEST_DIR}`; bench-cat (no_std, the safe layer's \
             `fs::resolve`, `File::open`, `File::read` into an 8 KiB stack buffer, \
             `io::write_all` to stdout) against bench-std-cat (`std::io::copy(File::open(..), \
             stdout)`, whose buffer is also 8 KiB); one run each, stdout must equal the file \
             byte for byte (otherwise the benchmark fails). Each p2 row says whether the \
             component reaches WASI through the preview1 adapter (a core module importing \
             `{PREVIEW1}`) or natively. A safe-layer guest (bench-println, bench-cat) that \
             traps on wasip2 while on the adapter path is reported as not measured, with the \
             trap and its size; on the native path, and for std and the wasip2 crate, a trap \
             fails the benchmark.",
            mib(CAT_INPUT_BYTES)
        ),
    );
    rows_6_1_hello(report)?;
    rows_6_2_cat(report)
}

fn mib(bytes: usize) -> String {
    if bytes % (1 << 20) == 0 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} B", int(bytes as u64))
    }
}

/// The p2 hellos measured in 6.1, ours first.
const P2_HELLOS: [Variant; 3] = [
    Variant {
        id: "6.1a",
        guest: "bench-println",
        what: "no_std, the safe layer's `println!` + `wasi_cli_run!`, wasm32-wasip2 component (bench-println)",
    },
    Variant {
        id: "6.1b",
        guest: "bench-p2-std-hello",
        what: "std `println!`, wasm32-wasip2 (bench-p2-std-hello)",
    },
    Variant {
        id: "6.1c",
        guest: "bench-p2-wasip2",
        what: "the `wasip2` crate (wit-bindgen generated), wasm32-wasip2 (bench-p2-wasip2)",
    },
];

/// A p2 hello with the path it took.
struct P2Hello {
    size: usize,
    fuel: u64,
    modules: Vec<CoreModule>,
    path: P2Path,
    /// The component's imports: instance name and how many functions of it.
    imports: Vec<(String, usize)>,
}

impl P2Hello {
    fn describe_path(&self) -> String {
        self.path.describe(self.modules.len())
    }

    /// Where the component's bytes are: its core modules, the rest (the component's own
    /// sections: types, imports, canonical functions, instances), and what it imports.
    fn breakdown(&self) -> String {
        let in_modules: usize = self.modules.iter().map(|m| m.size).sum();
        let modules: Vec<String> = self
            .modules
            .iter()
            .map(|m| format!("{} B", m.size))
            .collect();
        let imports: Vec<String> = self
            .imports
            .iter()
            .map(|(name, funcs)| format!("{name} ({funcs})"))
            .collect();
        format!(
            "core modules {} = {in_modules} B, the component's own sections {} B; imports {}",
            modules.join(" + "),
            self.size.saturating_sub(in_modules),
            imports.join(", ")
        )
    }

    /// The program's core module: the one importing preview1 when the adapter is in, otherwise
    /// the largest.
    fn main_module(&self) -> Option<&CoreModule> {
        let imports_p1 = |m: &&CoreModule| {
            m.imports
                .iter()
                .any(|import| preview1_function(import).is_some())
        };
        self.modules
            .iter()
            .find(imports_p1)
            .or_else(|| self.modules.iter().max_by_key(|m| m.size))
    }
}

/// The function name of a `wasi_snapshot_preview1.<name>` import, or `None` for any other.
fn preview1_function(import: &str) -> Option<&str> {
    import
        .strip_prefix(PREVIEW1)
        .and_then(|rest| rest.strip_prefix('.'))
}

/// Why a p2 run of a safe-layer guest could not be measured.
struct DidNotRun {
    size: usize,
    path: P2Path,
    modules: usize,
    /// The trap's first line, or the exit code.
    error: String,
    /// The whole trap report (with the wasm backtrace), or empty.
    trap: String,
}

impl DidNotRun {
    fn row(&self, id: &str, what: &str) -> Row {
        let mut why = format!(
            "the component ({} B) does not run: {}. It reaches WASI {}.",
            self.size,
            self.error,
            self.path.describe(self.modules)
        );
        if self.trap.contains("cabi_import_realloc") {
            why.push_str(
                " The trap's backtrace goes through the adapter's `cabi_import_realloc` \
                 (`State::new`): the adapter allocates its state with the program's \
                 `cabi_realloc`, which without the runtime's `std` feature returns null \
                 (runtime/src/component/realloc.rs), so a no_std program of the safe layer \
                 cannot run through the adapter; it measures once runtime/src/wasi/sys/p2 \
                 implements the primitives natively and the adapter is gone.",
            );
        }
        let mut row = Row::not_measured(id, what, why);
        row.result = format!("{} B, does not run", self.size);
        row.data =
            json!({"size_bytes": self.size, "p2_path": self.path.label(), "error": self.error});
        row
    }
}

/// The first line of a failed run's trap (or its exit code), for a note.
fn failure(out: &ComponentOutcome) -> String {
    match &out.trap {
        Some(trap) => format!("`{}`", trap.lines().next().unwrap_or("").trim()),
        None => format!(
            "exit code {} (stderr {:?})",
            out.exit_code,
            out.stderr_str().trim()
        ),
    }
}

/// A p2 run that ended normally: what it did, the component's core modules, its path.
struct P2Run {
    out: ComponentOutcome,
    modules: Vec<CoreModule>,
    path: P2Path,
}

/// Runs a p2 component. A trap or a failed exit is an error, except for a safe-layer guest
/// (`tolerate_adapter`) on the preview1 adapter path, for which it is returned as
/// [`DidNotRun`]: that path is the one being replaced, and the row says why. Whether the output
/// is right is the caller's check, and a wrong one always fails.
fn run_p2(
    component: &Guest,
    preopen: Option<&Path>,
    tolerate_adapter: bool,
) -> Result<std::result::Result<P2Run, DidNotRun>> {
    let modules = core_modules(&component.bytes)?;
    let path = P2Path::of(&modules);
    let mut run = component.run_component();
    if let Some(dir) = preopen {
        run = run.preopen(dir, CAT_GUEST_DIR);
    }
    let out = run.execute()?;
    if out.trap.is_some() || out.exit_code != 0 {
        if tolerate_adapter && matches!(path, P2Path::Adapter { .. }) {
            return Ok(Err(DidNotRun {
                size: component.size(),
                modules: modules.len(),
                path,
                error: failure(&out),
                trap: out.trap.clone().unwrap_or_default(),
            }));
        }
        check_ran(&out, &component.name)?;
    }
    Ok(Ok(P2Run { out, modules, path }))
}

fn rows_6_1_hello(report: &mut Report) -> Result<()> {
    let mut p2 = Vec::new();
    for (i, variant) in P2_HELLOS.iter().enumerate() {
        progress(&format!("  {} (wasm32-wasip2)", variant.guest));
        let component = guest_for(variant.guest, Target::Wasip2, Profile::Release)?;
        match run_p2(&component, None, i == 0)? {
            Ok(P2Run { out, modules, path }) => {
                if out.stdout != HELLO {
                    bail!(
                        "{} (wasm32-wasip2) printed {:?} instead of \"Hello, world!\\n\"",
                        variant.guest,
                        out.stdout_str()
                    );
                }
                let fuel = report.record_fuel(
                    &format!("both.hello.wasm32-wasip2.{}", variant.guest),
                    out.fuel_consumed,
                );
                let imports = read_component_imports(&component.bytes)?
                    .into_iter()
                    .map(|import| (import.name, import.funcs.len()))
                    .collect();
                p2.push(Ok(P2Hello {
                    size: component.size(),
                    fuel,
                    modules,
                    path,
                    imports,
                }));
            }
            Err(did_not_run) => p2.push(Err(did_not_run)),
        }
    }
    let (Ok(std), Ok(wasip2)) = (&p2[1], &p2[2]) else {
        bail!("std's and the wasip2 crate's hello always run (checked above)");
    };
    let ours = p2[0].as_ref().ok();
    for (variant, h) in P2_HELLOS.iter().zip(&p2) {
        let h = match h {
            Ok(h) => h,
            Err(did_not_run) => {
                report.push(did_not_run.row(variant.id, variant.what));
                continue;
            }
        };
        let mut row = Row::new(
            variant.id,
            variant.what,
            format!("{} B, {} fuel", h.size, int(h.fuel)),
        )
        .data(json!({
            "size_bytes": h.size,
            "fuel": h.fuel,
            "core_modules": h.modules.len(),
            "p2_path": h.path.label(),
        }));
        match ours {
            Some(ours) if variant.id == "6.1a" => {
                let holds = ours.size < std.size && ours.size < wasip2.size;
                row = row
                    .goal(
                        &format!(
                            "smaller than 6.1b ({} B) and 6.1c ({} B)",
                            std.size, wasip2.size
                        ),
                        holds,
                    )
                    .note(hello_note(ours, std, wasip2, holds));
            }
            Some(ours) => {
                row = row.note(format!(
                    "{} × 6.1a's size, {} × its fuel; reaches WASI {}.",
                    num(h.size as f64 / ours.size as f64),
                    num(h.fuel as f64 / ours.fuel as f64),
                    h.describe_path(),
                ));
            }
            None => row = row.note(format!("reaches WASI {}.", h.describe_path())),
        }
        report.push(row);
    }
    row_6_1d_p1(report, ours)
}

/// 6.1a's note: the comparison, where the bytes are, and the path.
fn hello_note(ours: &P2Hello, std: &P2Hello, wasip2: &P2Hello, holds: bool) -> String {
    let mut note = String::new();
    let cmp = |a: usize, b: usize| {
        if a < b {
            format!("{} B smaller", b - a)
        } else {
            format!("{} B larger", a - b)
        }
    };
    let _ = write!(
        note,
        "{} than std's, {} than the wasip2 crate's; fuel {} vs std's {} and the wasip2 crate's {}. \
         Reaches WASI {}.",
        cmp(ours.size, std.size),
        cmp(ours.size, wasip2.size),
        int(ours.fuel),
        int(std.fuel),
        int(wasip2.fuel),
        ours.describe_path(),
    );
    if let P2Path::Adapter {
        adapter_bytes: Some(adapter),
        ..
    } = &ours.path
    {
        let _ = write!(
            note,
            " The adapter alone is {adapter} B ({}% of the component)",
            adapter * 100 / ours.size.max(1)
        );
        if !holds && ours.size.saturating_sub(*adapter) < std.size.min(wasip2.size) {
            note.push_str(
                "; without it the component would be smaller than both: the goal waits for the \
                 native WASI 0.2 primitives in runtime/src/wasi/sys/p2 (the glob of `raw` \
                 removed), which drop the adapter",
            );
        }
        note.push('.');
    }
    if let Some(main) = ours.main_module() {
        let _ = write!(note, " The program's core module: {}.", main.summary());
    }
    if !holds {
        let _ = write!(
            note,
            " Where the bytes are: ours {}; std's {}; the wasip2 crate's {}.",
            ours.breakdown(),
            std.breakdown(),
            wasip2.breakdown()
        );
        if let (Some(a), Some(b)) = (ours.main_module(), wasip2.main_module()) {
            let _ = write!(
                note,
                " The wasip2 crate's program core module: {}.",
                b.summary()
            );
            if a.size > b.size {
                let _ = write!(
                    note,
                    " Ours is {} B larger in the program's core module ({} more functions, {} B \
                     more code).",
                    a.size - b.size,
                    a.functions.saturating_sub(b.functions),
                    a.code_bytes.saturating_sub(b.code_bytes)
                );
            }
            let extra: Vec<String> = a
                .exports
                .iter()
                .filter(|e| !b.exports.contains(e))
                .map(|e| match a.export_body_size(e) {
                    Some(bytes) => {
                        format!("`{e}` (its body {bytes} B, not counting what it calls)")
                    }
                    None => format!("`{e}`"),
                })
                .collect();
            if !extra.is_empty() {
                let _ = write!(note, " Exports only ours has: {}.", extra.join(", "));
            }
            let bodies = |m: &CoreModule| {
                let mut sizes = m.body_sizes.clone();
                sizes.sort_unstable_by(|x, y| y.cmp(x));
                sizes
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = write!(
                note,
                " Function bodies, largest first (B): ours {}; the wasip2 crate's {}.",
                bodies(a),
                bodies(b)
            );
        }
    }
    note
}

/// 6.1d: the same source on wasm32-wasip1, beside section 1's (c), (d) and (f).
fn row_6_1d_p1(report: &mut Report, p2: Option<&P2Hello>) -> Result<()> {
    progress("  bench-println (wasm32-wasip1) and section 1's (c), (d), (f)");
    let mut measured = Vec::new();
    for name in [
        "bench-println",
        "hello-println",
        "hello-wasip1",
        "hello-std",
    ] {
        let module = guest(name)?;
        let out = execute(module.run(), name)?;
        if out.stdout != HELLO {
            bail!(
                "{name} (wasm32-wasip1) printed {:?} instead of \"Hello, world!\\n\"",
                String::from_utf8_lossy(&out.stdout)
            );
        }
        let fuel = report.record_fuel(
            &format!("both.hello.wasm32-wasip1.{name}"),
            out.fuel_consumed,
        );
        measured.push((name, module.size(), fuel));
    }
    let (_, size, fuel) = measured[0];
    let others: Vec<String> = measured[1..]
        .iter()
        .zip([
            "(c) hello-println",
            "(d) the wasip1 crate",
            "(f) std `println!`",
        ])
        .map(|(&(_, s, f), label)| format!("{label} {s} B, {} fuel", int(f)))
        .collect();
    report.push(
        Row::new(
            "6.1d",
            "the same bench-println source, wasm32-wasip1 cdylib exporting `_start`",
            format!("{size} B, {} fuel", int(fuel)),
        )
        .data(json!({
            "size_bytes": size,
            "fuel": fuel,
            "section_1": measured[1..].iter().map(|&(name, s, f)| json!({"guest": name, "size_bytes": s, "fuel": f})).collect::<Vec<_>>(),
        }))
        .note(format!(
            "Section 1's programs, built and run here too: {}.{}",
            others.join("; "),
            p2.map_or_else(String::new, |p2| format!(
                " The wasip2 component of the same source (6.1a) is {} × this size and {} × \
                 this fuel.",
                num(p2.size as f64 / size as f64),
                num(p2.fuel as f64 / fuel as f64),
            )),
        )),
    );
    Ok(())
}

/// The bytes `cat` copies: numbered lines of text, `len` bytes in all (the last line cut where
/// the length ends). Deterministic, so that fuel is equal across runs.
pub(crate) fn cat_input(len: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len + 80);
    let mut line = 0u32;
    while bytes.len() < len {
        let _ = writeln!(
            Text(&mut bytes),
            "{line:06} the quick brown fox jumps over the lazy dog, ü✓"
        );
        line += 1;
    }
    bytes.truncate(len);
    bytes
}

/// `fmt::Write` into a byte vector.
struct Text<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Text<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Writes the input into a fresh directory and returns the directory and the bytes.
fn cat_dir() -> Result<(PathBuf, Vec<u8>)> {
    let dir = wasm_function_tests::repo_root()
        .join("target")
        .join("bench-cat-input");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let input = cat_input(CAT_INPUT_BYTES);
    std::fs::write(dir.join(CAT_FILE), &input)
        .with_context(|| format!("writing {}", dir.join(CAT_FILE).display()))?;
    Ok((dir, input))
}

/// Checks that a cat printed exactly its input.
pub(crate) fn check_copy(what: &str, stdout: &[u8], input: &[u8]) -> Result<()> {
    if stdout == input {
        return Ok(());
    }
    let first = stdout
        .iter()
        .zip(input)
        .position(|(a, b)| a != b)
        .unwrap_or(stdout.len().min(input.len()));
    bail!(
        "{what} printed {} bytes that differ from the {}-byte input (first difference at byte {first})",
        stdout.len(),
        input.len()
    )
}

/// One cat run.
struct Cat {
    size: usize,
    fuel: u64,
    /// For p2: the path and the number of core modules.
    path: Option<(P2Path, usize)>,
}

/// Runs one cat guest on `target` over the input in `dir`, checking its output. `Ok(Err(..))`
/// only for bench-cat on the p2 adapter path (see [`run_p2`]).
fn run_cat(
    report: &mut Report,
    name: &str,
    target: Target,
    dir: &Path,
    input: &[u8],
) -> Result<std::result::Result<Cat, DidNotRun>> {
    let what = format!("{name} ({})", target.triple());
    progress(&format!("  {what}"));
    let built = guest_for(name, target, Profile::Release)?;
    let (stdout, fuel, path) = match target {
        Target::Wasip1 => {
            let out = execute(built.run().preopen(dir, CAT_GUEST_DIR), &what)?;
            (out.stdout, out.fuel_consumed, None)
        }
        Target::Wasip2 => match run_p2(&built, Some(dir), name == "bench-cat")? {
            Ok(P2Run { out, modules, path }) => {
                (out.stdout, out.fuel_consumed, Some((path, modules.len())))
            }
            Err(did_not_run) => return Ok(Err(did_not_run)),
        },
    };
    check_copy(&what, &stdout, input)?;
    let fuel = report.record_fuel(&format!("both.cat.{}.{name}", target.triple()), fuel);
    Ok(Ok(Cat {
        size: built.size(),
        fuel,
        path,
    }))
}

fn rows_6_2_cat(report: &mut Report) -> Result<()> {
    let (dir, input) = cat_dir()?;
    // Fuel per KiB of bench-cat and bench-std-cat, p1 then p2 (when measured).
    let mut per_kib: Vec<(f64, f64)> = Vec::new();
    for (id, target) in [("6.2a", Target::Wasip1), ("6.2b", Target::Wasip2)] {
        let what = format!(
            "`cat` of a {} file, {}: safe layer (no_std, bench-cat) vs `std::io::copy` (bench-std-cat)",
            mib(input.len()),
            target.triple()
        );
        let ours = run_cat(report, "bench-cat", target, &dir, &input)?;
        let Ok(std) = run_cat(report, "bench-std-cat", target, &dir, &input)? else {
            bail!("bench-std-cat always runs (checked in run_p2)");
        };
        let ours = match ours {
            Ok(ours) => ours,
            Err(did_not_run) => {
                let mut row = did_not_run.row(id, &what);
                let _ = write!(
                    row.note,
                    " bench-std-cat: {} fuel, {} B; it reaches WASI {}.",
                    int(std.fuel),
                    std.size,
                    std.path
                        .as_ref()
                        .map_or_else(String::new, |(p, m)| p.describe(*m))
                );
                row.data["bench-std-cat"] = json!({"fuel": std.fuel, "size_bytes": std.size});
                report.push(row);
                continue;
            }
        };
        let holds = ours.fuel <= std.fuel;
        let kib = (input.len() / 1024).max(1) as f64;
        per_kib.push((ours.fuel as f64 / kib, std.fuel as f64 / kib));
        let mut note = format!(
            "{} × std's fuel ({} fuel {}); per KiB copied: {} vs {}. Sizes: {} B vs {} B.",
            num(ours.fuel as f64 / std.fuel as f64),
            int(ours.fuel.abs_diff(std.fuel)),
            if holds { "less" } else { "more" },
            num(ours.fuel as f64 / kib),
            num(std.fuel as f64 / kib),
            ours.size,
            std.size,
        );
        let mut data = json!({
            "input_bytes": input.len(),
            "bench-cat": {"fuel": ours.fuel, "size_bytes": ours.size},
            "bench-std-cat": {"fuel": std.fuel, "size_bytes": std.size},
        });
        if let (Some((ours_path, ours_modules)), Some((std_path, std_modules))) =
            (&ours.path, &std.path)
        {
            let _ = write!(
                note,
                " bench-cat reaches WASI {}; bench-std-cat {}.",
                ours_path.describe(*ours_modules),
                std_path.describe(*std_modules)
            );
            data["bench-cat"]["p2_path"] = json!(ours_path.label());
            data["bench-std-cat"]["p2_path"] = json!(std_path.label());
            if let ([p1, p2], P2Path::Native) = (per_kib.as_slice(), ours_path) {
                if p2.0 > 10.0 * p1.0 {
                    let _ = write!(
                        note,
                        " On wasm32-wasip2 the fuel grows with the bytes: {} per KiB against {} \
                         on wasm32-wasip1 (std's: {} against {}). WASI 0.2's reads \
                         (`descriptor.read`, `input-stream.read`) return a `list<u8>` that the \
                         host writes into memory the program's `cabi_realloc` hands out, and \
                         the program then copies it into the caller's buffer, where preview1's \
                         `fd_read` has the host write into that buffer directly; a \
                         `cabi_realloc` that hands out the caller's buffer for the call (as the \
                         preview1 adapter does) would save the copy.",
                        num(p2.0),
                        num(p1.0),
                        num(p2.1),
                        num(p1.1)
                    );
                }
            }
        }
        report.push(
            Row::new(
                id,
                &what,
                format!("{} vs {} fuel", int(ours.fuel), int(std.fuel)),
            )
            .goal("≤ std's fuel", holds)
            .data(data)
            .note(note),
        );
    }
    std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(exports: &[&str], imports: &[&str], size: usize) -> CoreModule {
        CoreModule {
            size,
            functions: 0,
            code_bytes: 0,
            data_bytes: 0,
            exports: exports.iter().map(|&e| e.to_owned()).collect(),
            imports: imports.iter().map(|&i| i.to_owned()).collect(),
            func_exports: Vec::new(),
            body_sizes: Vec::new(),
        }
    }

    #[test]
    fn a_preview1_import_means_the_adapter() {
        let modules = [
            module(
                &["wasi:cli/run@0.2.12#run"],
                &["wasi_snapshot_preview1.fd_write"],
                500,
            ),
            module(
                &["fd_write", "proc_exit"],
                &["wasi:io/streams@0.2.6.x"],
                15_000,
            ),
            module(&["0"], &[], 80),
        ];
        let path = P2Path::of(&modules);
        assert_eq!(
            path,
            P2Path::Adapter {
                functions: vec!["fd_write".to_owned()],
                adapter_bytes: Some(15_000),
            }
        );
        assert!(
            path.describe(3).contains("fd_write"),
            "{}",
            path.describe(3)
        );
        assert_eq!(path.label(), "preview1-adapter");
    }

    #[test]
    fn no_preview1_import_is_native() {
        let modules = [module(
            &["wasi:cli/run@0.2.12#run"],
            &["wasi:io/streams@0.2.0.[method]output-stream.blocking-write-and-flush"],
            300,
        )];
        assert_eq!(P2Path::of(&modules), P2Path::Native);
        // A module named like preview1 but not it is not the adapter.
        let lookalike = [module(&[], &["wasi_snapshot_preview1x.fd_write"], 10)];
        assert_eq!(P2Path::of(&lookalike), P2Path::Native);
    }

    #[test]
    fn the_path_is_read_from_a_real_component() {
        let adapted = wasm_function_tests::guest_from_wat(
            r#"(component
                 (core module
                   (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32))))
                 (core module (func (export "fd_write") (param i32 i32 i32 i32) (result i32) i32.const 0)))"#,
        )
        .unwrap();
        let modules = core_modules(&adapted.bytes).unwrap();
        assert_eq!(modules.len(), 2);
        assert!(matches!(
            P2Path::of(&modules),
            P2Path::Adapter {
                adapter_bytes: Some(_),
                ..
            }
        ));
        let native = wasm_function_tests::guest_from_wat(
            r#"(component (core module (import "wasi:cli/stdout@0.2.0" "get-stdout" (func (result i32)))))"#,
        )
        .unwrap();
        assert_eq!(
            P2Path::of(&core_modules(&native.bytes).unwrap()),
            P2Path::Native
        );
    }

    #[test]
    fn exported_bodies_are_found_past_the_imports() {
        let component = wasm_function_tests::guest_from_wat(
            r#"(component
                 (core module
                   (import "m" "f" (func))
                   (memory (export "memory") 1)
                   (func (export "small"))
                   (func (export "big") (drop (i32.add (i32.const 1) (i32.const 2))))))"#,
        )
        .unwrap();
        let modules = core_modules(&component.bytes).unwrap();
        let [m] = modules.as_slice() else {
            panic!("one core module expected")
        };
        assert_eq!(m.body_sizes.len(), 2);
        // An empty body is its locals count and `end`; the other adds 6 bytes of instructions.
        assert_eq!(m.export_body_size("small"), Some(2));
        assert_eq!(m.export_body_size("big"), Some(8));
        assert_eq!(m.export_body_size("memory"), None);
        assert_eq!(m.export_body_size("missing"), None);
    }

    #[test]
    fn the_cat_input_is_exact_and_deterministic() {
        let input = cat_input(CAT_INPUT_BYTES);
        assert_eq!(input.len(), CAT_INPUT_BYTES);
        assert_eq!(input, cat_input(CAT_INPUT_BYTES));
        assert!(input.starts_with(b"000000 the quick brown fox"));
        assert!(input.iter().filter(|&&b| b == b'\n').count() > 10_000);
        assert_eq!(cat_input(10).len(), 10);
    }

    #[test]
    fn a_wrong_copy_fails() {
        assert!(check_copy("cat", b"abc", b"abc").is_ok());
        let err = check_copy("cat", b"abd", b"abc").unwrap_err().to_string();
        assert!(err.contains("first difference at byte 2"), "{err}");
        let err = check_copy("cat", b"ab", b"abc").unwrap_err().to_string();
        assert!(err.contains("first difference at byte 2"), "{err}");
        assert!(check_copy("cat", b"", b"abc").is_err());
    }
}
