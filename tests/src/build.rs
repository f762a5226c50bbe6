//! Building guests for `wasm32-wasip1` or `wasm32-wasip2` with a nested, cleaned-up cargo.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard, OnceLock};

use anyhow::{Context as _, Result, anyhow, bail};

use crate::module::Guest;

/// The target a guest is built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Target {
    /// `wasm32-wasip1`: a core module importing `wasi_snapshot_preview1`.
    #[default]
    Wasip1,
    /// `wasm32-wasip2`: a component (linked by `wasm-component-ld`) importing WASI 0.2.
    Wasip2,
}

impl Target {
    /// The target triple, as `cargo build --target` takes it.
    pub fn triple(self) -> &'static str {
        match self {
            Target::Wasip1 => "wasm32-wasip1",
            Target::Wasip2 => "wasm32-wasip2",
        }
    }

    /// The target named by its triple (`wasm32-wasip1` or `wasm32-wasip2`).
    pub fn from_triple(triple: &str) -> Option<Self> {
        [Target::Wasip1, Target::Wasip2]
            .into_iter()
            .find(|t| t.triple() == triple)
    }
}

/// The cargo profile a guest is built with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    /// `dev` (cargo's default, no `--release`).
    Debug,
    /// `release` (the guests workspace's: `opt-level = "z"`, LTO, `panic = "abort"`, stripped).
    #[default]
    Release,
}

/// The root of the repository (the directory holding the root `Cargo.toml`).
pub fn repo_root() -> PathBuf {
    let tests_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    tests_dir.parent().unwrap_or(tests_dir).to_path_buf()
}

/// Makes sure the `wasm32-wasip1` standard library is installed for the toolchain the
/// repository uses: [`ensure_target`]`(Target::Wasip1)`.
pub fn ensure_wasm_target() -> Result<()> {
    ensure_target(Target::Wasip1)
}

/// Makes sure the standard library of `target` is installed for the toolchain the
/// repository uses: checks that `rustc --print target-libdir --target <triple>` names an
/// existing directory, and otherwise runs `rustup target add <triple>` (saying so on
/// stderr). Checked once per process per target; the build functions call it themselves.
pub fn ensure_target(target: Target) -> Result<()> {
    static WASIP1: OnceLock<std::result::Result<(), String>> = OnceLock::new();
    static WASIP2: OnceLock<std::result::Result<(), String>> = OnceLock::new();
    let checked = match target {
        Target::Wasip1 => &WASIP1,
        Target::Wasip2 => &WASIP2,
    };
    checked
        .get_or_init(|| check_or_install_target(target.triple()).map_err(|e| format!("{e:#}")))
        .clone()
        .map_err(|e| anyhow!(e))
}

fn target_libdir_exists(target: &str) -> Result<bool> {
    let out = Command::new("rustc")
        .args(["--print", "target-libdir", "--target", target])
        .current_dir(repo_root())
        .output()
        .context("running `rustc --print target-libdir`")?;
    if !out.status.success() {
        // An old rustc that does not know the target at all.
        return Ok(false);
    }
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    Ok(!dir.is_empty() && Path::new(&dir).is_dir())
}

fn check_or_install_target(target: &str) -> Result<()> {
    if target_libdir_exists(target)? {
        return Ok(());
    }
    eprintln!(
        "[wasm-function-tests] the {target} target is not installed; running `rustup target add {target}`"
    );
    let out = Command::new("rustup")
        .args(["target", "add", target])
        .current_dir(repo_root())
        .output()
        .context("running `rustup target add` (is rustup installed?)")?;
    if !out.status.success() {
        bail!(
            "`rustup target add {target}` failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if !target_libdir_exists(target)? {
        bail!("`rustup target add {target}` succeeded but rustc still has no {target} std");
    }
    Ok(())
}

/// Variables of an outer cargo (running the tests) that would confuse the nested one.
fn is_confusing_var(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    const EXACT: &[&str] = &[
        "CARGO",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET_DIR",
        "CARGO_BUILD_TARGET",
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "RUSTDOCFLAGS",
        "CARGO_ENCODED_RUSTDOCFLAGS",
        "CARGO_MAKEFLAGS",
        "MAKEFLAGS",
        "MFLAGS",
        "RUSTC_WRAPPER",
        "RUSTC_WORKSPACE_WRAPPER",
        "CARGO_BUILD_RUSTC_WRAPPER",
        "CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER",
        "CARGO_PRIMARY_PACKAGE",
        "CARGO_MANIFEST_DIR",
        "CARGO_MANIFEST_PATH",
        "CARGO_MANIFEST_LINKS",
        "CARGO_CRATE_NAME",
        "CARGO_BIN_NAME",
        "CARGO_RUSTC_CURRENT_DIR",
        "CARGO_TARGET_TMPDIR",
        "OUT_DIR",
    ];
    const PREFIXES: &[&str] = &[
        "CARGO_PKG_",
        "CARGO_CFG_",
        "CARGO_FEATURE_",
        "CARGO_BIN_EXE_",
        "CARGO_PROFILE_",
        "__CARGO",
    ];
    EXACT.contains(&name) || PREFIXES.iter().any(|p| name.starts_with(p))
}

/// `cargo build [--release] --target <triple> --message-format=json-render-diagnostics`
/// in a cleaned environment.
fn cargo_build_command(target_dir: &Path, target: Target, profile: Profile) -> Command {
    let mut cmd = Command::new("cargo");
    for (name, _) in std::env::vars_os() {
        if is_confusing_var(&name) {
            cmd.env_remove(&name);
        }
    }
    cmd.arg("build");
    if profile == Profile::Release {
        cmd.arg("--release");
    }
    cmd.args(["--target", target.triple()])
        .arg("--message-format=json-render-diagnostics")
        .arg("--target-dir")
        .arg(target_dir)
        .current_dir(repo_root());
    cmd
}

/// Runs the build and returns the one `.wasm` artifact it reports.
fn run_build(mut cmd: Command, what: &str) -> Result<PathBuf> {
    let out = cmd
        .output()
        .with_context(|| format!("running cargo to build {what}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!(
            "building {what} failed ({}); cargo said:\n{stderr}",
            out.status
        );
    }
    let mut wasm = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        if let Some(files) = msg["filenames"].as_array() {
            wasm.extend(
                files
                    .iter()
                    .filter_map(|f| f.as_str())
                    .filter(|f| f.ends_with(".wasm"))
                    .map(PathBuf::from),
            );
        }
    }
    match wasm.len() {
        1 => Ok(wasm.pop().expect("one element")),
        0 => bail!("building {what} produced no .wasm file; cargo said:\n{stderr}"),
        _ => bail!("building {what} produced several .wasm files: {wasm:?}"),
    }
}

/// Built guests by cache key; the lock also serialises the cargo runs.
fn builds() -> MutexGuard<'static, HashMap<String, std::result::Result<Guest, String>>> {
    static BUILDS: OnceLock<Mutex<HashMap<String, std::result::Result<Guest, String>>>> =
        OnceLock::new();
    BUILDS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn build_once(key: String, target: Target, build: impl FnOnce() -> Result<Guest>) -> Result<Guest> {
    let mut builds = builds();
    if let Some(done) = builds.get(&key) {
        return done.clone().map_err(|e| anyhow!(e));
    }
    let result = ensure_target(target)
        .and_then(|()| build())
        .map_err(|e| format!("{e:#}"));
    builds.insert(key, result.clone());
    result.map_err(|e| anyhow!(e))
}

/// Builds the guest crate `tests/guests/<name>` (release, `wasm32-wasip1`, target dir
/// `<repo>/target/guests`) and returns its module: [`guest_for`] with the defaults.
pub fn guest(name: &str) -> Result<Guest> {
    guest_for(name, Target::Wasip1, Profile::Release)
}

/// Builds the guest crate `tests/guests/<name>` for `target` with `profile` (target dir
/// `<repo>/target/guests`, where cargo keeps each target and profile apart) and returns its
/// module or, for [`Target::Wasip2`], its component. Built once per process per name, target
/// and profile; a failed build is an error holding cargo's stderr.
pub fn guest_for(name: &str, target: Target, profile: Profile) -> Result<Guest> {
    let key = format!("guest {name} {} {profile:?}", target.triple());
    build_once(key, target, || {
        let root = repo_root();
        let guests_dir = root.join("tests").join("guests");
        let manifest = guests_dir.join(name).join("Cargo.toml");
        if name.is_empty() || name.contains(['/', '\\']) || !manifest.is_file() {
            let mut known: Vec<String> = std::fs::read_dir(&guests_dir)
                .map(|dir| {
                    dir.filter_map(|e| e.ok())
                        .filter(|e| e.path().join("Cargo.toml").is_file())
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            known.sort();
            bail!("no guest crate {manifest:?}; the guests are: {known:?}");
        }
        let mut cmd = cargo_build_command(&root.join("target").join("guests"), target, profile);
        cmd.arg("--manifest-path").arg(&manifest);
        let path = run_build(
            cmd,
            &format!("guest {name:?} for {} ({profile:?})", target.triple()),
        )?;
        let mut guest = Guest::from_file(&path)?;
        guest.name = name.to_owned();
        Ok(guest)
    })
}

/// [`guest`], with the guests' release profile at `opt-level = <level>` instead of `"z"`
/// (`CARGO_PROFILE_RELEASE_OPT_LEVEL`), into `<repo>/target/guests-opt-<level>`: the same
/// program compiled for speed, for the benchmark's opt-level rows.
pub fn guest_at_opt_level(name: &str, level: &str) -> Result<Guest> {
    if !["0", "1", "2", "3", "s", "z"].contains(&level) {
        bail!("unknown opt-level {level:?}: use 0, 1, 2, 3, s or z");
    }
    // Known to exist: `guest` checks the name the same way and lists the guests.
    let plain = guest(name)?;
    build_once(
        format!("guest {name} opt-level {level}"),
        Target::Wasip1,
        || {
            let root = repo_root();
            let manifest = root
                .join("tests")
                .join("guests")
                .join(name)
                .join("Cargo.toml");
            let mut cmd = cargo_build_command(
                &root.join("target").join(format!("guests-opt-{level}")),
                Target::Wasip1,
                Profile::Release,
            );
            cmd.env("CARGO_PROFILE_RELEASE_OPT_LEVEL", level)
                .arg("--manifest-path")
                .arg(&manifest);
            let path = run_build(cmd, &format!("guest {name:?} at opt-level {level}"))?;
            let mut guest = Guest::from_file(&path)?;
            guest.name = plain.name.clone();
            Ok(guest)
        },
    )
}

/// Builds the example `runtime/examples/<name>.rs` of the `wasm-function` crate
/// (`cargo build --release --target wasm32-wasip1 -p wasm-function --example <name>
/// --features std`, target dir `<repo>/target/examples-wasm`) and returns its module:
/// [`example_for`] with the defaults.
pub fn example(name: &str) -> Result<Guest> {
    example_for(name, Target::Wasip1, Profile::Release)
}

/// Builds the example `runtime/examples/<name>.rs` of the `wasm-function` crate for `target`
/// with `profile` (`-p wasm-function --example <name> --features std`, target dir
/// `<repo>/target/examples-wasm`) and returns its module or component. Built once per process
/// per name, target and profile.
pub fn example_for(name: &str, target: Target, profile: Profile) -> Result<Guest> {
    let key = format!("example {name} {} {profile:?}", target.triple());
    build_once(key, target, || {
        let root = repo_root();
        let mut cmd =
            cargo_build_command(&root.join("target").join("examples-wasm"), target, profile);
        cmd.arg("--manifest-path")
            .arg(root.join("Cargo.toml"))
            .args([
                "-p",
                "wasm-function",
                "--features",
                "std",
                "--example",
                name,
            ]);
        let path = run_build(
            cmd,
            &format!("example {name:?} for {} ({profile:?})", target.triple()),
        )?;
        let mut guest = Guest::from_file(&path)?;
        guest.name = name.to_owned();
        Ok(guest)
    })
}

/// Assembles a module from the WebAssembly text format (e.g. a hand-written floor for a
/// benchmark). The guest is named `wat` and has no path.
pub fn guest_from_wat(wat_text: &str) -> Result<Guest> {
    let bytes = wat::parse_str(wat_text).context("assembling WebAssembly text")?;
    Ok(Guest::from_bytes("wat", bytes))
}
