//! On targets other than wasm32, a `#[wasm_function]` runs its body, or panics with a message
//! that names the import when it has none.

use wasm_function::wasm_function;

/// A host fallback: the body runs off wasm32, so code using the import can be unit-tested.
#[wasm_function("math", "mix")]
pub fn mix(a: i32, b: u64) -> i64 {
    i64::from(a) * 1000 + i64::try_from(b).unwrap_or(i64::MAX)
}

/// Logs on the host.
#[wasm_function("env")]
pub fn log(level: u32, message: &str);

/// Ends the process.
#[wasm_function("wasi_snapshot_preview1", "proc_exit")]
pub fn exit(code: u32) -> !;

/// A namespace for host functions.
pub struct Host;

impl Host {
    /// Associated functions work too.
    #[wasm_function("env", "now")]
    pub fn now() -> u64 {
        42
    }
}

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(f).expect_err("the call panics");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

#[test]
fn the_fallback_body_runs_on_the_host() {
    assert_eq!(mix(-3, 7), -2993);
    assert_eq!(Host::now(), 42);
}

#[test]
fn a_bodyless_import_panics_naming_module_and_name() {
    let message = panic_message(|| log(1, "hi"));
    assert!(message.contains("`env.log`"), "{message}");
    assert!(
        message.contains("only when compiled for wasm32"),
        "{message}"
    );
    assert!(message.contains("give the function a body"), "{message}");
}

#[test]
fn a_renamed_import_panics_with_the_import_name() {
    let message = panic_message(|| exit(3));
    assert!(
        message.contains("`wasi_snapshot_preview1.proc_exit`"),
        "{message}"
    );
}
