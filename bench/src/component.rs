//! Section 5: the Component Model on `wasm32-wasip2`: hello world four ways (size and fuel),
//! fuel of string-passing calls through the attribute against hand-written externs, the clean
//! build of `wasm-function-macros` against wit-bindgen's macro crate, and `cargo check` of 100
//! component imports.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use serde_json::json;

use crate::compile::{attr_source, cargo, secs, timed, touch_source, write_crate};
use crate::report::{Report, Row};
use crate::{CompileConfig, Config, int, num, per_iteration, progress, ratio};
use wasm_function_tests::{
    ComponentOutcome, Guest, Profile, Target, guest_for, read_component_imports,
};

/// The line every hello component must print, and nothing else.
const HELLO: &[u8] = b"Hello, world!\n";

/// The string `bench-p2-calls` sends with every call.
const CALL_TEXT: &str = "a string for the host, ü✓";

pub(crate) struct Variant {
    pub(crate) id: &'static str,
    pub(crate) guest: &'static str,
    pub(crate) what: &'static str,
}

const HELLOS: [Variant; 4] = [
    Variant {
        id: "5.1",
        guest: "bench-p2-hello",
        what: "no_std hello component, `#[wasm_function]` imports + `wasi_cli_run!` (bench-p2-hello)",
    },
    Variant {
        id: "5.2",
        guest: "p2-hello-raw",
        what: "the same program with hand-written externs and the same metadata (p2-hello-raw)",
    },
    Variant {
        id: "5.3",
        guest: "bench-p2-wasip2",
        what: "the same program through the `wasip2` crate (wit-bindgen generated; bench-p2-wasip2)",
    },
    Variant {
        id: "5.4",
        guest: "bench-p2-std-hello",
        what: "std `println!` on wasm32-wasip2 (bench-p2-std-hello)",
    },
];

/// One core module inside a component.
pub(crate) struct CoreModule {
    pub(crate) size: usize,
    pub(crate) functions: u32,
    pub(crate) code_bytes: usize,
    pub(crate) data_bytes: usize,
    pub(crate) exports: Vec<String>,
    /// Its function imports, as `module.name`.
    pub(crate) imports: Vec<String>,
    /// Its exported functions with their function indices.
    pub(crate) func_exports: Vec<(String, u32)>,
    /// The body size of each function it defines, in index order.
    pub(crate) body_sizes: Vec<usize>,
}

impl CoreModule {
    /// The body size in bytes of the exported function `name`, if there is one.
    pub(crate) fn export_body_size(&self, name: &str) -> Option<usize> {
        let (_, index) = self.func_exports.iter().find(|(n, _)| n == name)?;
        let defined = (*index as usize).checked_sub(self.imports.len())?;
        self.body_sizes.get(defined).copied()
    }

    pub(crate) fn summary(&self) -> String {
        format!(
            "{} B ({} functions, code {} B, data {} B; exports {})",
            self.size,
            self.functions,
            self.code_bytes,
            self.data_bytes,
            self.exports.join(", ")
        )
    }
}

/// The core modules a component embeds, in order (the program's own is the largest; the others
/// are wit-component's adapter shims).
pub(crate) fn core_modules(bytes: &[u8]) -> Result<Vec<CoreModule>> {
    let mut modules = Vec::new();
    let mut depth = 0usize;
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload? {
            wasmparser::Payload::ModuleSection {
                unchecked_range, ..
            } => {
                if depth == 0 {
                    modules.push(core_module(&bytes[unchecked_range])?);
                }
                depth += 1;
            }
            wasmparser::Payload::ComponentSection { .. } => depth += 1,
            wasmparser::Payload::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(modules)
}

fn core_module(bytes: &[u8]) -> Result<CoreModule> {
    let mut module = CoreModule {
        size: bytes.len(),
        functions: 0,
        code_bytes: 0,
        data_bytes: 0,
        exports: Vec::new(),
        imports: Vec::new(),
        func_exports: Vec::new(),
        body_sizes: Vec::new(),
    };
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload? {
            wasmparser::Payload::CodeSectionStart { count, range, .. } => {
                module.functions = count;
                module.code_bytes = range.len();
            }
            wasmparser::Payload::DataSection(section) => module.data_bytes = section.range().len(),
            wasmparser::Payload::ExportSection(section) => {
                for export in section {
                    let export = export?;
                    module.exports.push(export.name.to_owned());
                    if export.kind == wasmparser::ExternalKind::Func {
                        module
                            .func_exports
                            .push((export.name.to_owned(), export.index));
                    }
                }
            }
            wasmparser::Payload::CodeSectionEntry(body) => {
                module.body_sizes.push(body.range().len());
            }
            wasmparser::Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    let import = import?;
                    if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                        module
                            .imports
                            .push(format!("{}.{}", import.module, import.name));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(module)
}

pub(crate) struct HelloMeasured {
    pub(crate) size: usize,
    pub(crate) fuel: u64,
    /// The program's core module (the largest one).
    pub(crate) main: Option<CoreModule>,
    pub(crate) modules: usize,
    /// The instances the component imports (their names carry the WASI version).
    pub(crate) imports: Vec<String>,
}

pub(crate) fn check_ran(out: &ComponentOutcome, what: &str) -> Result<()> {
    if out.trap.is_some() || out.exit_code != 0 {
        bail!(
            "{what}: exit code {}, trap {:?}\nstderr: {}",
            out.exit_code,
            out.trap,
            out.stderr_str()
        );
    }
    Ok(())
}

pub(crate) fn measure_hello(report: &mut Report, variant: &Variant) -> Result<HelloMeasured> {
    let component = guest_for(variant.guest, Target::Wasip2, Profile::Release)?;
    let out = component.run_component().execute()?;
    check_ran(&out, variant.guest)?;
    if out.stdout != HELLO {
        bail!(
            "{} printed {:?} instead of \"Hello, world!\\n\"",
            variant.guest,
            out.stdout_str()
        );
    }
    let fuel = report.record_fuel(
        &format!("component.hello.{}", variant.guest),
        out.fuel_consumed,
    );
    let mut modules = core_modules(&component.bytes)?;
    let count = modules.len();
    modules.sort_by_key(|m| m.size);
    Ok(HelloMeasured {
        size: component.size(),
        fuel,
        main: modules.pop(),
        modules: count,
        imports: read_component_imports(&component.bytes)?
            .into_iter()
            .map(|import| import.name)
            .collect(),
    })
}

/// Section 5: rows 5.1 to 5.8.
pub(crate) fn run(config: &Config, report: &mut Report) -> Result<()> {
    let n = config.component_call_iterations.max(1);
    report.section(
        "5",
        "Component Model (wasm32-wasip2): hello size and fuel, string calls, macro build and check time",
        &format!(
            "guests built for wasm32-wasip2 in release (opt-level \"z\", LTO, strip, panic abort; \
             linked into components by wasm-component-ld) and run with the harness's \
             `run_component` (wasmtime's Component Model, WASI 0.2 and the test:harness world, \
             whose host costs no fuel), which calls `wasi:cli/run`. Hello (5.1–5.4): one run \
             each, stdout must be exactly `Hello, world!\\n`; size is the component file's, \
             fuel the whole run's (std's includes its start-up); the breakdown names the \
             program's core module (the largest of those the component embeds). Calls (5.5, \
             5.6): bench-p2-calls (a std bin) runs a loop given by its arguments n = {} and 2n \
             times; fuel per iteration = (fuel(2n) − fuel(n)) / n, which cancels start-up and \
             argument parsing. Compile rows as in section 4 (own target dirs, a copy of \
             Cargo.lock, CARGO_INCREMENTAL=0, minimum of alternating runs).",
            int(n.into())
        ),
    );
    rows_5_1_to_5_4_hello(report)?;
    rows_5_5_and_5_6_calls(n, report)?;
    let root: PathBuf = wasm_function_tests::repo_root()
        .join("target")
        .join("bench");
    row_5_7_clean_builds(config.compile.as_ref(), &root, report)?;
    row_5_8_check_p2_declarations(config.compile.as_ref(), &root, report)
}

fn rows_5_1_to_5_4_hello(report: &mut Report) -> Result<()> {
    let mut measured = Vec::new();
    for variant in &HELLOS {
        progress(&format!("  {}", variant.guest));
        measured.push(measure_hello(report, variant)?);
    }
    let [ours, raw] = [&measured[0], &measured[1]];
    for (variant, m) in HELLOS.iter().zip(&measured) {
        let breakdown = m
            .main
            .as_ref()
            .map_or_else(String::new, CoreModule::summary);
        let mut row = Row::new(
            variant.id,
            variant.what,
            format!("{} B, {} fuel", m.size, int(m.fuel)),
        )
        .data(json!({
            "size_bytes": m.size,
            "fuel": m.fuel,
            "core_modules": m.modules,
            "main_core_module": breakdown,
        }));
        match variant.id {
            "5.1" => {
                let holds = ours.size == raw.size && ours.fuel == raw.fuel;
                row = row.goal(
                    &format!("= 5.2 ({} B, {} fuel)", raw.size, int(raw.fuel)),
                    holds,
                );
                row = if holds {
                    row.note(format!("program core module: {breakdown}"))
                } else {
                    row.note(hello_difference(ours, raw))
                };
            }
            "5.3" | "5.4" => {
                let holds = ours.size < m.size;
                row = row
                    .goal(&format!("5.1 ({} B) smaller", ours.size), holds)
                    .note(format!(
                        "{} × 5.1's size; program core module: {breakdown}",
                        num(m.size as f64 / ours.size as f64)
                    ));
            }
            _ => row = row.note(format!("program core module: {breakdown}")),
        }
        report.push(row);
    }
    Ok(())
}

/// Why 5.1 differs from 5.2, from the measured components.
fn hello_difference(ours: &HelloMeasured, raw: &HelloMeasured) -> String {
    let mut note = String::new();
    if ours.size != raw.size || ours.fuel != raw.fuel {
        let _ = write!(
            note,
            "ours is {} B {} and {} fuel {} than the hand-written externs. ",
            ours.size.abs_diff(raw.size),
            if ours.size > raw.size {
                "larger"
            } else {
                "smaller"
            },
            ours.fuel.abs_diff(raw.fuel),
            if ours.fuel > raw.fuel { "more" } else { "less" },
        );
        if let (Some(a), Some(b)) = (&ours.main, &raw.main) {
            let _ = write!(
                note,
                "Program core modules: ours {}; hand-written {}. ",
                a.summary(),
                b.summary()
            );
            if a.functions > b.functions {
                let _ = write!(
                    note,
                    "Ours has {} more functions in its core module ({} B more code). ",
                    a.functions - b.functions,
                    a.code_bytes.saturating_sub(b.code_bytes)
                );
            }
            let extra: Vec<&String> = a
                .exports
                .iter()
                .filter(|e| !b.exports.contains(e))
                .collect();
            if !extra.is_empty() {
                let _ = write!(
                    note,
                    "Exports only ours has: {}. ",
                    extra
                        .iter()
                        .map(|e| format!("`{e}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            if a.exports.iter().any(|e| e == "cabi_realloc")
                && !b.exports.iter().any(|e| e == "cabi_realloc")
            {
                let _ = write!(
                    note,
                    "`cabi_realloc` comes from the runtime (runtime/src/component/realloc.rs, \
                     `#[no_mangle]` on wasm32-wasip2, so that scoped and global-allocator results \
                     work); as an export it is kept even though no import of this program returns \
                     memory, and the component exports it from its core module too. "
                );
            }
            if let Some(version) = a
                .exports
                .iter()
                .find_map(|e| e.strip_prefix("wasi:cli/run@"))
                .filter(|_| {
                    !b.exports
                        .iter()
                        .any(|e| a.exports.contains(e) && e.starts_with("wasi:cli/run@"))
                })
            {
                let _ = write!(
                    note,
                    "`wasi_cli_run!` exports `wasi:cli/run@{version}` (the built-in WIT's version), \
                     the hand-written program the name of its own wit/ (so the two components' \
                     type sections differ by that version too). "
                );
            }
        }
    }
    if ours.fuel < raw.fuel {
        let _ = write!(
            note,
            "Read from the two core modules' code (wasmprinter): ours branches on the result's \
             case byte with `br_table` and, on an error, checks the `stream-error` case (a bad \
             one traps through the cold `invalid_discriminant`: the extra small functions), \
             while the hand-written `run` adds its return area's offset and turns the case byte \
             into 0/1 with `i32.ne`: {} instructions more on the success path. ",
            raw.fuel - ours.fuel
        );
    }
    if ours.imports != raw.imports {
        let _ = write!(
            note,
            "The components import different instance names (the versions come from the WIT \
             that typed them): ours {}; hand-written {}. ",
            ours.imports.join(", "),
            raw.imports.join(", ")
        );
    }
    note.trim_end().to_owned()
}

const CALL_LOOPS: [&str; 4] = [
    "string-len-attr",
    "string-len-raw",
    "echo-string-attr",
    "echo-string-raw",
];

fn rows_5_5_and_5_6_calls(n: u32, report: &mut Report) -> Result<()> {
    let component = guest_for("bench-p2-calls", Target::Wasip2, Profile::Release)?;
    let mut fuel: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for entry in CALL_LOOPS {
        progress(&format!("  {entry}: n and 2n"));
        let mut pair = [0u64; 2];
        for (slot, count) in pair.iter_mut().zip([n, 2 * n]) {
            let out = run_loop(&component, entry, count)?;
            *slot = out;
        }
        report.record_fuel(&format!("component.calls.{entry}.n"), pair[0]);
        report.record_fuel(&format!("component.calls.{entry}.2n"), pair[1]);
        fuel.insert(entry, (pair[0], pair[1]));
    }
    let per = |entry: &str| {
        let (f1, f2) = fuel[entry];
        per_iteration(f1, f2, n)
    };
    for (id, what, attr, raw) in [
        (
            "5.5",
            "one call with a string parameter, `string-len(s: string) -> u32`: attribute vs hand-written extern",
            "string-len-attr",
            "string-len-raw",
        ),
        (
            "5.6",
            "one call returning a string into a scope, `echo-string(s) -> string` as `&'s str`: attribute vs hand-written extern (same scope, `cabi_realloc` served by it)",
            "echo-string-attr",
            "echo-string-raw",
        ),
    ] {
        let (a, r) = (per(attr), per(raw));
        let holds = fuel[attr].1 - fuel[attr].0 == fuel[raw].1 - fuel[raw].0;
        let mut row = Row::new(
            id,
            what,
            format!(
                "{} vs {} fuel per loop iteration with one call",
                num(a),
                num(r)
            ),
        )
        .goal(
            "attribute fuel per call = hand-written fuel per call",
            holds,
        )
        .data(json!({
            attr: {"fuel_n": fuel[attr].0, "fuel_2n": fuel[attr].1, "fuel_per_call": a},
            raw: {"fuel_n": fuel[raw].0, "fuel_2n": fuel[raw].1, "fuel_per_call": r},
            "n": n,
        }));
        if !holds {
            let cause = if id == "5.6" && a < r {
                " Read from the two loops' code (wasmprinter): the hand-written form reads its \
                 `[u32; 2]` return area as one `i64` and splits it with a shift, and returns \
                 early for an empty result before `from_utf8`; in the expansion \
                 (`load::<u32>` twice, `lift_scoped_slice`) LLVM turns the empty case into a \
                 `select` of the pointer and calls `from_utf8` either way, so the success path \
                 has fewer instructions."
            } else {
                ""
            };
            row = row.note(format!(
                "the attribute costs {} fuel {} per call.{cause}",
                num((a - r).abs()),
                if a > r { "more" } else { "less" }
            ));
        } else if id == "5.6" {
            row = row.note(
                "each iteration opens a scope, calls the import with `cabi_realloc` served by \
                 the scope (the host allocates the result there), checks the result's UTF-8 and \
                 closes the scope; the scope's cost is in both figures.",
            );
        }
        report.push(row);
    }
    Ok(())
}

/// Runs `bench-p2-calls <entry> <count>` and returns its fuel, after checking what it printed.
fn run_loop(component: &Guest, entry: &str, count: u32) -> Result<u64> {
    let out = component
        .run_component()
        .arg(entry)
        .arg(&count.to_string())
        .execute()?;
    check_ran(&out, entry)?;
    let expected = u64::from(count) * CALL_TEXT.len() as u64;
    if out.stdout_str().trim() != expected.to_string() {
        bail!(
            "{entry} {count} printed {:?}, expected {expected}",
            out.stdout_str()
        );
    }
    Ok(out.fuel_consumed)
}

/// The wit-bindgen macro crate version measured in 5.7.
const WIT_BINDGEN_MACRO: &str = "0.57.1";

fn lock_version(dir: &Path, name: &str) -> String {
    let lock = std::fs::read_to_string(dir.join("Cargo.lock")).unwrap_or_default();
    let mut versions = Vec::new();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = ")) {
                versions.push(v.trim_matches('"').to_owned());
            }
        }
    }
    if versions.is_empty() {
        "—".to_owned()
    } else {
        versions.join(" and ")
    }
}

/// 5.7: clean builds of `wasm-function-macros` (with wit-parser and wit-component) against
/// `wit-bindgen-rust-macro`, alternating.
fn row_5_7_clean_builds(
    config: Option<&CompileConfig>,
    root: &Path,
    report: &mut Report,
) -> Result<()> {
    let what = "clean build (dev, host) of `wasm-function-macros` (wit-parser, wit-component) vs `wit-bindgen-rust-macro`";
    let Some(config) = config.filter(|c| c.clean_build_runs > 0) else {
        report.push(Row::not_measured(
            "5.7",
            what,
            "clean builds are skipped in this configuration",
        ));
        return Ok(());
    };
    let (ours_dir, wbg_dir) = (root.join("gen-p2-macros"), root.join("gen-wbg-macro"));
    let macros_path = wasm_function_tests::repo_root().join("macros");
    write_crate(
        &ours_dir,
        "bench-gen-p2-macros",
        &format!(
            "wasm-function-macros = {{ path = {:?} }}\n",
            macros_path.display().to_string()
        ),
        "//! Builds `wasm-function-macros` and its dependencies.\n",
    )?;
    write_crate(
        &wbg_dir,
        "bench-gen-wbg-macro",
        &format!("wit-bindgen-rust-macro = \"={WIT_BINDGEN_MACRO}\"\n"),
        "//! Builds `wit-bindgen-rust-macro` and its dependencies.\n",
    )?;
    // Downloads are not part of a build: fetch both crates' dependencies first.
    for dir in [&ours_dir, &wbg_dir] {
        let mut fetch = std::process::Command::new("cargo");
        fetch
            .args(["fetch", "--quiet", "--manifest-path"])
            .arg(dir.join("Cargo.toml"));
        timed(fetch, "cargo fetch")?;
    }
    let (mut best_ours, mut best_wbg) = (Duration::MAX, Duration::MAX);
    for round in 0..config.clean_build_runs {
        progress(&format!("  p2 clean builds, round {}", round + 1));
        let order: [(&Path, bool); 2] = if round % 2 == 0 {
            [(&wbg_dir, false), (&ours_dir, true)]
        } else {
            [(&ours_dir, true), (&wbg_dir, false)]
        };
        for (dir, is_ours) in order {
            let target = dir.join("target");
            if target.exists() {
                std::fs::remove_dir_all(&target)
                    .with_context(|| format!("removing {}", target.display()))?;
            }
            let took = timed(cargo(dir, &["build"]), "clean build")?;
            if is_ours {
                best_ours = best_ours.min(took);
            } else {
                best_wbg = best_wbg.min(took);
            }
        }
    }
    let r = best_ours.as_secs_f64() / best_wbg.as_secs_f64();
    let versions = |dir: &Path| {
        format!(
            "syn {}, wit-parser {}, wit-component {}",
            lock_version(dir, "syn"),
            lock_version(dir, "wit-parser"),
            lock_version(dir, "wit-component")
        )
    };
    let (ours_versions, wbg_versions) = (versions(&ours_dir), versions(&wbg_dir));
    let mut row = Row::new(
        "5.7",
        what,
        format!("{} vs {}: {}", secs(best_ours), secs(best_wbg), ratio(r)),
    )
    .goal(
        &format!("≤ 1× wit-bindgen-rust-macro {WIT_BINDGEN_MACRO}"),
        r <= 1.0,
    )
    .data(json!({
        "ours_seconds": best_ours.as_secs_f64(),
        "wit_bindgen_seconds": best_wbg.as_secs_f64(),
        "ratio": r,
        "ours_versions": ours_versions,
        "wit_bindgen_versions": wbg_versions,
    }));
    let versions_note = format!(
        "Dependencies as built: ours {ours_versions}; wit-bindgen-rust-macro {WIT_BINDGEN_MACRO} \
         {wbg_versions} (the wit-bindgen releases checked, 0.56, 0.57, 0.62 and 0.63, resolve to \
         wit-parser 0.246, 0.247, 0.259 and 0.262: none to 0.254)."
    );
    row = if r <= 1.0 {
        row.note(versions_note)
    } else {
        row.note(format!(
            "{} slower than wit-bindgen's macro crate. {versions_note}",
            ratio(r)
        ))
    };
    report.push(row);
    Ok(())
}

/// The p2 declarations 5.8 rotates through: interface, function, Rust signature.
const P2_SHAPES: [(&str, &str, &str); 20] = [
    ("wasi:cli/stdout@0.2.0", "get-stdout", "() -> u32"),
    ("wasi:cli/stderr@0.2.0", "get-stderr", "() -> u32"),
    ("wasi:cli/stdin@0.2.0", "get-stdin", "() -> u32"),
    (
        "wasi:io/streams@0.2.0",
        "[method]output-stream.blocking-write-and-flush",
        "(stream: u32, contents: &[u8]) -> Result<(), StreamError>",
    ),
    (
        "wasi:io/streams@0.2.0",
        "[method]output-stream.check-write",
        "(stream: u32) -> Result<u64, StreamError>",
    ),
    (
        "wasi:io/streams@0.2.0",
        "[resource-drop]output-stream",
        "(stream: u32)",
    ),
    ("wasi:clocks/monotonic-clock@0.2.0", "now", "() -> u64"),
    (
        "wasi:clocks/monotonic-clock@0.2.0",
        "resolution",
        "() -> u64",
    ),
    ("wasi:random/random@0.2.0", "get-random-u64", "() -> u64"),
    (
        "wasi:random/random@0.2.0",
        "get-random-bytes",
        "(len: u64) -> Vec<u8>",
    ),
    (
        "wasi:random/insecure@0.2.0",
        "get-insecure-random-u64",
        "() -> u64",
    ),
    (
        "wasi:cli/environment@0.2.0",
        "get-arguments",
        "() -> Vec<String>",
    ),
    ("test:harness/calls@0.1.0", "string-len", "(s: &str) -> u32"),
    (
        "test:harness/calls@0.1.0",
        "echo-string",
        "(s: &str) -> String",
    ),
    ("test:harness/calls@0.1.0", "echo-u32", "(v: u32) -> u32"),
    ("test:harness/calls@0.1.0", "f64-bits", "(v: f64) -> u64"),
    (
        "test:harness/calls@0.1.0",
        "echo-option",
        "(o: Option<u32>) -> Option<u32>",
    ),
    (
        "test:harness/calls@0.1.0",
        "unit-result",
        "(ok: bool) -> Result<(), ()>",
    ),
    (
        "test:harness/calls@0.1.0",
        "checked",
        "(ok: bool) -> Result<u32, String>",
    ),
    (
        "test:harness/calls@0.1.0",
        "echo-bytes",
        "<'s>(memory: &MemoryAllocator<'s>, b: &[u8]) -> &'s [u8]",
    ),
];

/// How many p2 declarations 5.8 checks.
const P2_DECLARATIONS: usize = 100;

fn p2_source(count: usize) -> String {
    let mut src = format!(
        "//! Generated by the wasm-function benchmark: {count} `#[wasm_function]` Component Model \
         imports (WASI 0.2 and the test:harness world in wit/).\n\
         #![allow(dead_code)]\n\nuse wasm_function::memory::MemoryAllocator;\nuse wasm_function::wasm_function;\n\n\
         /// `wasi:io/streams.stream-error`.\npub enum StreamError {{\n    LastOperationFailed(u32),\n    Closed,\n}}\n"
    );
    for i in 0..count {
        let (interface, function, signature) = P2_SHAPES[i % P2_SHAPES.len()];
        let _ = write!(
            src,
            "\n/// Import {i}.\n#[wasm_function(\"{interface}\", \"{function}\")]\npub fn f{i}{signature};\n"
        );
    }
    src
}

/// 5.8: `cargo check --target wasm32-wasip2` of 100 p2 declarations, beside 100 preview1
/// declarations (section 4's shapes) checked for wasm32-wasip1.
fn row_5_8_check_p2_declarations(
    config: Option<&CompileConfig>,
    root: &Path,
    report: &mut Report,
) -> Result<()> {
    let what = "`cargo check --target wasm32-wasip2` of 100 `#[wasm_function]` Component Model imports (wasi:cli, io, clocks, random, the harness world)";
    let Some(config) = config else {
        report.push(Row::not_measured(
            "5.8",
            what,
            "skipped in this configuration",
        ));
        return Ok(());
    };
    let runtime = wasm_function_tests::repo_root().join("runtime");
    let p2_dir = root.join("gen-p2-attr");
    let p1_dir = root.join("gen-p1-attr-100");
    write_crate(
        &p2_dir,
        "bench-gen-p2-attr",
        &format!(
            "wasm-function = {{ path = {:?}, default-features = false, features = [\"std\"] }}\n",
            runtime.display().to_string()
        ),
        &p2_source(P2_DECLARATIONS),
    )?;
    let wit = p2_dir.join("wit");
    std::fs::create_dir_all(&wit)?;
    std::fs::copy(
        wasm_function_tests::repo_root().join("tests/guests/bench-p2-calls/wit/harness.wit"),
        wit.join("harness.wit"),
    )
    .context("copying the harness WIT")?;
    write_crate(
        &p1_dir,
        "bench-gen-p1-attr-100",
        &format!(
            "wasm-function = {{ path = {:?}, default-features = false }}\n",
            runtime.display().to_string()
        ),
        &attr_source(P2_DECLARATIONS),
    )?;
    let crates: [(&Path, String, &str); 2] = [
        (&p2_dir, p2_source(P2_DECLARATIONS), "wasm32-wasip2"),
        (&p1_dir, attr_source(P2_DECLARATIONS), "wasm32-wasip1"),
    ];
    progress("  cargo check warm-up of the p2 declarations");
    for (dir, _, target) in &crates {
        timed(
            cargo(dir, &["check", "--target", target]),
            &format!("cargo check of {}", dir.display()),
        )?;
    }
    let mut best = [Duration::MAX; 2];
    for round in 0..config.check_runs.max(1) {
        for k in 0..crates.len() {
            let index = (k + round as usize) % crates.len();
            let (dir, src, target) = &crates[index];
            touch_source(dir, src)?;
            let took = timed(
                cargo(dir, &["check", "--target", target]),
                &format!("cargo check of {}", dir.display()),
            )?;
            best[index] = best[index].min(took);
        }
    }
    let [p2, p1] = best;
    let per = |d: Duration| format!("{} ms", num(d.as_secs_f64() * 1e3 / P2_DECLARATIONS as f64));
    report.push(
        Row::new(
            "5.8",
            what,
            format!(
                "{} ({} per declaration); 100 preview1 declarations (section 4's shapes, wasm32-wasip1): {} ({} per declaration), {}",
                secs(p2),
                per(p2),
                secs(p1),
                per(p1),
                ratio(p2.as_secs_f64() / p1.as_secs_f64())
            ),
        )
        .data(json!({
            "declarations": P2_DECLARATIONS,
            "p2_seconds": p2.as_secs_f64(),
            "p1_seconds": p1.as_secs_f64(),
            "shapes": P2_SHAPES.len(),
        }))
        .note(format!(
            "{} shapes rotated (each import of WASI 0.2.0 or the harness world declared several \
             times under its own Rust name); the crate links std (its `Vec`/`String` results), \
             the preview1 one is no_std.",
            P2_SHAPES.len()
        )),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p2_source_rotates_the_shapes() {
        let src = p2_source(21);
        assert!(src.contains("pub fn f0() -> u32;"));
        assert!(src.contains(
            "#[wasm_function(\"wasi:cli/stdout@0.2.0\", \"get-stdout\")]\npub fn f20() -> u32;"
        ));
        assert_eq!(src.matches("#[wasm_function(").count(), 21);
    }
}
