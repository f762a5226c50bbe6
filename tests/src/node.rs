//! A second, independent runtime: Node's `node:wasi`, for cross-checking what wasmtime does.
//!
//! [`node_run`] runs a WASI guest (no custom imports) with the same inputs a [`crate::Run`]
//! takes and returns the same kind of result, or `None` when `node` is not installed (the
//! caller says so and skips the comparison).

use std::path::Path;
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use crate::Guest;

/// What a guest did under Node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeOutcome {
    /// Bytes written to stdout.
    pub stdout: Vec<u8>,
    /// Bytes written to stderr.
    pub stderr: Vec<u8>,
    /// The exit code (0 when `_start` returned).
    pub exit_code: i32,
}

impl NodeOutcome {
    /// Stdout as text (lossy).
    #[must_use]
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// Inputs for a Node run, mirroring [`crate::Run`]'s.
#[derive(Debug, Clone, Default)]
pub struct NodeInputs<'a> {
    /// Arguments after `argv[0]` (the guest's name).
    pub args: &'a [&'a str],
    /// Environment variables, the only ones the guest sees.
    pub env: &'a [(&'a str, &'a str)],
    /// One preopened directory: (host directory, guest path).
    pub preopen: Option<(&'a Path, &'a str)>,
    /// Standard input.
    pub stdin: &'a [u8],
}

/// Whether `node` can be run here.
#[must_use]
pub fn node_available() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Runs `guest` under `node:wasi`, or returns `Ok(None)` when `node` is absent.
///
/// # Errors
///
/// When the temporary files cannot be written or Node fails to start or crashes.
pub fn node_run(guest: &Guest, inputs: &NodeInputs<'_>) -> Result<Option<NodeOutcome>> {
    if !node_available() {
        return Ok(None);
    }
    let dir = tempfile::tempdir().context("temporary directory for the Node run")?;
    let path = |name: &str| dir.path().join(name);
    std::fs::write(path("stdin"), inputs.stdin)?;
    std::fs::write(path("stdout"), b"")?;
    std::fs::write(path("stderr"), b"")?;
    let mut args = vec![json_string(&guest.name)];
    args.extend(inputs.args.iter().map(|a| json_string(a)));
    let env: Vec<String> = inputs
        .env
        .iter()
        .map(|(k, v)| format!("{}: {}", json_string(k), json_string(v)))
        .collect();
    let preopens = inputs
        .preopen
        .map_or_else(String::new, |(host, guest_path)| {
            format!(
                "{}: {}",
                json_string(guest_path),
                json_string(&host.to_string_lossy())
            )
        });
    let file = |name: &str| json_string(&path(name).to_string_lossy());
    let config = format!(
        "{{\"args\": [{}], \"env\": {{{}}}, \"preopens\": {{{preopens}}}, \"stdin\": {}, \"stdout\": {}, \"stderr\": {}}}",
        args.join(", "),
        env.join(", "),
        file("stdin"),
        file("stdout"),
        file("stderr"),
    );
    std::fs::write(path("config.json"), config)?;
    let script = crate::repo_root().join("tests/node/run-wasi.mjs");
    let status = Command::new("node")
        .arg("--no-warnings")
        .arg(&script)
        .arg(&guest.path)
        .arg(path("config.json"))
        .status()
        .context("starting node")?;
    let Some(exit_code) = status.code() else {
        bail!("node was killed by a signal running {}", guest.name);
    };
    Ok(Some(NodeOutcome {
        stdout: std::fs::read(path("stdout"))?,
        stderr: std::fs::read(path("stderr"))?,
        exit_code,
    }))
}
