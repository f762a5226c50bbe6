//! A second, independent runtime for components: jco (`@bytecodealliance/jco`) under Node, with
//! `@bytecodealliance/preview2-shim` as its WASI 0.2, for cross-checking what wasmtime does.
//!
//! jco and the shim are installed by `npm ci` in `tests/jco` (versions pinned in its
//! `package.json` and `package-lock.json`; `.ci/run` does it). [`jco_run`] transpiles a
//! component with `jco transpile --instantiation async` (once per component and jco version,
//! cached in `<repo>/target/jco/`), runs it with `tests/jco/run-component.mjs` under `node`
//! with the same [`ComponentInputs`] a wasmtime [`crate::ComponentRun`] takes, and returns what
//! it did, or `None` when `node` or the install is missing (the caller says so and skips the
//! comparison; with `WASM_FUNCTION_REQUIRE_JCO` set, as `.ci/run` sets it after a successful
//! install, missing is an error instead).
//!
//! Only components that import nothing but WASI 0.2 can run: the harness world
//! (`test:harness/*`) has no JavaScript host.
//!
//! ```no_run
//! use wasm_function_tests::{ComponentInputs, Profile, Target, guest_for, jco_run};
//!
//! # fn main() -> anyhow::Result<()> {
//! let hello = guest_for("p2-std-hello", Target::Wasip2, Profile::Release)?;
//! let inputs = ComponentInputs::new().arg("two words").env("K", "v");
//! let wasmtime = inputs.apply(hello.run_component()).execute()?;
//! if let Some(jco) = jco_run(&hello, &inputs)? {
//!     assert_eq!(jco.stdout, wasmtime.stdout);
//!     assert_eq!(jco.exit_code, wasmtime.exit_code);
//! }
//! # Ok(())
//! # }
//! ```

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};

use crate::component::{ComponentOutcome, ComponentRun};
use crate::module::Guest;

/// The environment variable that turns a missing jco install into an error (`.ci/run` sets
/// it once `npm ci` in `tests/jco` has succeeded, so the cross-checks cannot be skipped there).
pub const REQUIRE_JCO_VAR: &str = "WASM_FUNCTION_REQUIRE_JCO";

/// The inputs of a component run, for either runtime: `argv[0]` is the guest's name, then
/// [`ComponentInputs::arg`]s; the guest sees only the [`ComponentInputs::env`] variables (in
/// that order) and the [`ComponentInputs::preopen`]ed directories; stdin is
/// [`ComponentInputs::stdin`] then end of file.
#[derive(Clone, Debug, Default)]
pub struct ComponentInputs {
    /// Arguments after `argv[0]`.
    pub args: Vec<String>,
    /// The whole environment, in order.
    pub env: Vec<(String, String)>,
    /// What the guest reads from stdin.
    pub stdin: Vec<u8>,
    /// Preopened directories: (host directory, guest path).
    pub preopens: Vec<(PathBuf, String)>,
}

impl ComponentInputs {
    /// No arguments, no environment, empty stdin, no preopens.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a command-line argument.
    pub fn arg(mut self, a: &str) -> Self {
        self.args.push(a.to_owned());
        self
    }

    /// Appends command-line arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Adds an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Sets the bytes the guest reads from stdin.
    pub fn stdin(mut self, bytes: &[u8]) -> Self {
        self.stdin = bytes.to_vec();
        self
    }

    /// Preopens the host directory `host_dir` as `guest_path`, readable and writable.
    pub fn preopen(mut self, host_dir: &Path, guest_path: &str) -> Self {
        self.preopens
            .push((host_dir.to_owned(), guest_path.to_owned()));
        self
    }

    /// The wasmtime run of these inputs: `run` with every input added.
    pub fn apply(&self, run: ComponentRun) -> ComponentRun {
        let mut run = run.args(&self.args).stdin(&self.stdin);
        for (key, value) in &self.env {
            run = run.env(key, value);
        }
        for (host_dir, guest_path) in &self.preopens {
            run = run.preopen(host_dir, guest_path);
        }
        run
    }
}

/// What a component did under jco.
#[derive(Clone, Debug)]
pub struct JcoOutcome {
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
    /// As [`ComponentOutcome::exit_code`]: 0 if `run` returned `ok`, 1 if it returned `err`, `n`
    /// after `wasi:cli/exit` with `n` (`exit(err)` is 1), 134 after a trap.
    pub exit_code: i32,
    /// The trap (or other JavaScript exception) with its stack, if there was one.
    pub trap: Option<String>,
    /// How long `jco transpile` took, or `None` when the transpiled component was cached.
    pub transpile_time: Option<Duration>,
    /// How long the `node` process running the component took (start-up included).
    pub run_time: Duration,
}

impl JcoOutcome {
    /// Stdout as text (lossy).
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Stderr as text (lossy).
    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// `<repo>/tests/jco`, where `npm ci` installs jco.
pub fn jco_dir() -> PathBuf {
    crate::repo_root().join("tests").join("jco")
}

/// The installed jco's command-line entry point and version, or why it cannot be used; looked
/// up once per process.
fn jco_install() -> std::result::Result<(PathBuf, String), String> {
    static INSTALL: OnceLock<std::result::Result<(PathBuf, String), String>> = OnceLock::new();
    INSTALL.get_or_init(find_jco).clone()
}

fn find_jco() -> std::result::Result<(PathBuf, String), String> {
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|output| output.status.success()) {
        return Err("`node` is not installed".to_owned());
    }
    let package = jco_dir().join("node_modules/@bytecodealliance/jco");
    let manifest = std::fs::read_to_string(package.join("package.json")).map_err(|e| {
        format!(
            "jco is not installed in {} ({e}): run `npm ci` there",
            jco_dir().display()
        )
    })?;
    let manifest: serde_json::Value = serde_json::from_str(&manifest)
        .map_err(|e| format!("{}/package.json: {e}", package.display()))?;
    let version = manifest["version"].as_str().unwrap_or("unknown").to_owned();
    let bin = manifest["bin"]["jco"].as_str().unwrap_or("dist/jco.js");
    let shim = jco_dir().join("node_modules/@bytecodealliance/preview2-shim/package.json");
    if !shim.exists() {
        return Err(format!(
            "@bytecodealliance/preview2-shim is not installed in {}: run `npm ci` there",
            jco_dir().display()
        ));
    }
    Ok((package.join(bin), version))
}

/// `None` when jco can run components here, else why not (`node` missing, or `npm ci` not
/// run in `tests/jco`).
pub fn jco_missing() -> Option<String> {
    jco_install().err()
}

/// Transpiles `guest` once per component bytes and jco version into `<repo>/target/jco/<hash>`
/// and returns the path of its JavaScript module, and how long transpiling took (`None` when
/// it was cached).
fn transpiled(guest: &Guest, jco: &Path, version: &str) -> Result<(PathBuf, Option<Duration>)> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    // One transpile at a time in this process: tests running in parallel threads ask for the
    // same component; other processes are handled by the rename below.
    static LOCK: OnceLock<Mutex<()>> = OnceLock::new();
    let _guard = LOCK
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let hash = |salt: u64| {
        let mut h = DefaultHasher::new();
        salt.hash(&mut h);
        version.hash(&mut h);
        guest.bytes.hash(&mut h);
        h.finish()
    };
    let cache = crate::repo_root().join("target").join("jco");
    let dir = cache.join(format!("{:016x}{:016x}", hash(1), hash(2)));
    let js = dir.join("component.js");
    if js.exists() {
        return Ok((js, None));
    }
    std::fs::create_dir_all(&cache).with_context(|| format!("creating {}", cache.display()))?;
    let scratch = tempfile::tempdir_in(&cache).context("a scratch directory for jco")?;
    let wasm = scratch.path().join("component.wasm");
    std::fs::write(&wasm, &guest.bytes)?;
    let out = scratch.path().join("out");
    let started = Instant::now();
    let output = Command::new("node")
        .arg(jco)
        .arg("transpile")
        .arg(&wasm)
        .arg("--out-dir")
        .arg(&out)
        .args(["--name", "component", "--instantiation", "async"])
        .args(["--no-typescript", "--quiet"])
        .output()
        .context("starting node for `jco transpile`")?;
    let took = started.elapsed();
    if !output.status.success() {
        bail!(
            "`jco transpile` of {} failed ({}):\n{}{}",
            guest.name,
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // Another process may have finished the same component first: its copy is as good.
    match std::fs::rename(&out, &dir) {
        Err(e) if !js.exists() => {
            return Err(e).with_context(|| format!("moving jco's output to {}", dir.display()));
        }
        _ => {}
    }
    Ok((js, Some(took)))
}

/// Runs the component `guest` under jco with `inputs`, or returns `Ok(None)` when `node` or
/// jco is not installed (see [`jco_missing`]) and [`REQUIRE_JCO_VAR`] is not set.
///
/// # Errors
///
/// When jco is missing and [`REQUIRE_JCO_VAR`] is set, when `guest` is not a component or
/// `jco transpile` rejects it, when the temporary files cannot be written, or when `node`
/// cannot be started or is killed by a signal.
pub fn jco_run(guest: &Guest, inputs: &ComponentInputs) -> Result<Option<JcoOutcome>> {
    let (jco, version) = match jco_install() {
        Ok(install) => install,
        Err(missing) if std::env::var_os(REQUIRE_JCO_VAR).is_some() => {
            bail!("{REQUIRE_JCO_VAR} is set but jco cannot run: {missing}")
        }
        Err(_) => return Ok(None),
    };
    if !guest.is_component() {
        bail!("guest {} is a core module, not a component", guest.name);
    }
    let (js, transpile_time) = transpiled(guest, &jco, &version)?;

    let dir = tempfile::tempdir().context("temporary directory for the jco run")?;
    let path = |name: &str| dir.path().join(name);
    std::fs::write(path("stdin"), &inputs.stdin)?;
    let mut args = vec![guest.name.clone()];
    args.extend(inputs.args.iter().cloned());
    let preopens: Vec<(String, String)> = inputs
        .preopens
        .iter()
        .map(|(host, guest_path)| (guest_path.clone(), host.to_string_lossy().into_owned()))
        .collect();
    let config = serde_json::json!({
        "args": args,
        "env": inputs.env,
        "preopens": preopens,
        "result": path("trap"),
    });
    std::fs::write(path("config.json"), config.to_string())?;
    let started = Instant::now();
    let status = Command::new("node")
        .arg("--no-warnings")
        .arg(jco_dir().join("run-component.mjs"))
        .arg(&js)
        .arg(path("config.json"))
        .stdin(File::open(path("stdin"))?)
        .stdout(File::create(path("stdout"))?)
        .stderr(File::create(path("stderr"))?)
        .status()
        .context("starting node")?;
    let run_time = started.elapsed();
    let Some(exit_code) = status.code() else {
        bail!("node was killed by a signal running {}", guest.name);
    };
    Ok(Some(JcoOutcome {
        stdout: std::fs::read(path("stdout"))?,
        stderr: std::fs::read(path("stderr"))?,
        exit_code,
        trap: std::fs::read_to_string(path("trap")).ok(),
        transpile_time,
        run_time,
    }))
}

/// Runs the component `guest` with `inputs` in wasmtime and under jco, asserts that wasmtime's
/// stdout is `expected_stdout` and its exit code `expected_exit` (134: it trapped), and that jco's stdout, stderr,
/// exit code and whether it trapped are wasmtime's. Returns wasmtime's outcome (for further
/// checks) and jco's (`None`, with a line on stderr saying why, when jco is not installed).
///
/// # Panics
///
/// When an assertion fails or either runtime cannot run the guest.
#[track_caller]
pub fn assert_same_in_wasmtime_and_jco(
    guest: &Guest,
    inputs: &ComponentInputs,
    expected_stdout: &str,
    expected_exit: i32,
) -> (ComponentOutcome, Option<JcoOutcome>) {
    let wasmtime = inputs
        .apply(guest.run_component())
        .execute()
        .unwrap_or_else(|e| panic!("{} runs in wasmtime: {e:#}", guest.name));
    if expected_exit == 134 {
        // 134 is a trap (or the guest chose 134: then it must have trapped too).
        assert!(
            wasmtime.exit_code == 134 && wasmtime.trap.is_some(),
            "{}: expected a trap in wasmtime, got exit {} (trap {:?})\n{}",
            guest.name,
            wasmtime.exit_code,
            wasmtime.trap,
            String::from_utf8_lossy(&wasmtime.stderr)
        );
    } else {
        wasmtime.assert_exit(expected_exit);
    }
    assert_eq!(
        String::from_utf8_lossy(&wasmtime.stdout),
        expected_stdout,
        "{}: wasmtime's stdout",
        guest.name
    );
    let jco = jco_run(guest, inputs).unwrap_or_else(|e| panic!("{} under jco: {e:#}", guest.name));
    let Some(jco) = jco else {
        eprintln!(
            "skipping the jco cross-check of {}: {}",
            guest.name,
            jco_missing().unwrap_or_default()
        );
        return (wasmtime, None);
    };
    let context = format!(
        "{} under jco (exit {}, trap {:?})\n--- stderr ---\n{}",
        guest.name,
        jco.exit_code,
        jco.trap,
        jco.stderr_str()
    );
    assert_eq!(
        jco.stdout_str(),
        String::from_utf8_lossy(&wasmtime.stdout),
        "stdout: {context}"
    );
    assert_eq!(jco.exit_code, wasmtime.exit_code, "exit code: {context}");
    assert_eq!(
        jco.trap.is_some(),
        wasmtime.trap.is_some(),
        "trapped: {context}"
    );
    assert_eq!(
        jco.stderr_str(),
        String::from_utf8_lossy(&wasmtime.stderr),
        "stderr: {context}"
    );
    (wasmtime, Some(jco))
}
