//! The end-to-end test harness of `wasm-function`.
//!
//! It builds guest crates for `wasm32-wasip1`, runs them in an embedded wasmtime with WASI
//! preview1 and host functions for custom import modules, captures what they did, and reads
//! their import sections back.
//!
//! ```no_run
//! use wasm_function_tests::{guest, FuncImport, NumType::*, Value};
//!
//! # fn main() -> anyhow::Result<()> {
//! let smoke = guest("smoke-raw")?; // builds tests/guests/smoke-raw once per process
//! assert!(smoke.imports()?.contains(&FuncImport::new("test_host", "echo_i64", &[I64], &[I64])));
//! let out = smoke
//!     .run()
//!     .host_fn("test_host", "echo_i64", |_ctx, args| Ok(args.to_vec()))
//!     .execute()?;
//! assert_eq!(out.stdout_str(), "hello from smoke-raw\n");
//! assert_eq!(out.exit_code, 7);
//! assert_eq!(out.calls[0].args, [Value::I64(i64::MIN)]);
//! # Ok(())
//! # }
//! ```
//!
//! - [`guest`] builds `tests/guests/<name>` (a crate of the separate guests workspace) in
//!   release mode into `<repo>/target/guests`; [`example`] builds an example of the runtime
//!   crate into `<repo>/target/examples-wasm`; [`guest_from_wat`] assembles text. Each build
//!   happens once per process per name; builds are serialised by one global lock.
//! - [`Guest::run`] returns a [`Run`] builder; [`Run::execute`] instantiates the module in a
//!   fresh store (one process-wide [`wasmtime::Engine`] with fuel metering, compiled modules
//!   cached by their bytes) and returns an [`Outcome`].
//! - [`Guest::imports`] reads the function imports back from the binary, in section order;
//!   [`read_func_types`] and [`read_func_imports`] are the section readers it uses, for tools
//!   that walk a module themselves (the benchmark crate, `wasm-function-bench`).

mod build;
mod module;
mod node;
mod run;

pub use build::{
    ensure_wasm_target, example, guest, guest_at_opt_level, guest_from_wat, repo_root,
};
pub use module::{FuncImport, Guest, NumType, Value, read_func_imports, read_func_types};
pub use node::{NodeInputs, NodeOutcome, node_available, node_run};
pub use run::{HostCall, HostCtx, Outcome, Run, WASI_MODULE};
