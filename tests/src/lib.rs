//! The end-to-end test harness of `wasm-function`.
//!
//! It builds guest crates for `wasm32-wasip1` or `wasm32-wasip2`, runs them in an embedded
//! wasmtime (core modules with WASI preview1 and host functions for custom import modules,
//! components with WASI 0.2 and the harness world `tests/wit/harness.wit`), captures what they
//! did, and reads their imports back.
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
//!
//! Components (`wasm32-wasip2`):
//!
//! ```no_run
//! use wasm_function_tests::{guest_for, Arg, ComponentImport, Profile, Target, CALLS_INTERFACE};
//!
//! # fn main() -> anyhow::Result<()> {
//! let raw = guest_for("p2-harness-raw", Target::Wasip2, Profile::Release)?;
//! assert!(raw.is_component());
//! let imports = raw.component_imports()?; // instance names and their function names
//! assert!(imports.iter().any(|i| i.name == CALLS_INTERFACE));
//! let out = raw.run_component().arg("x").env("K", "v").execute()?;
//! out.assert_exit(0);
//! assert_eq!(out.host.args_of("echo-u32"), [&[Arg::U32(u32::MAX)][..]]);
//! # Ok(())
//! # }
//! ```
//!
//! - [`guest_for`] / [`example_for`] build for a [`Target`] with a [`Profile`]; [`guest`] and
//!   [`example`] are `Target::Wasip1`, `Profile::Release`.
//! - [`Guest::run_component`] returns a [`ComponentRun`] builder (arguments, environment, stdin,
//!   preopens, fuel); [`ComponentRun::execute`] calls the component's `wasi:cli/run` export
//!   and returns a [`ComponentOutcome`] whose [`HostLog`] holds every call the harness world's
//!   host received ([`Received`], with [`Arg`] values).
//! - [`jco_run`] runs a component under jco (Node and `@bytecodealliance/preview2-shim`) with
//!   the same [`ComponentInputs`] ([`ComponentInputs::apply`] gives the wasmtime run);
//!   [`assert_same_in_wasmtime_and_jco`] checks that both runtimes agree.
//! - [`is_component`] tells a component from a core module by its header;
//!   [`read_component_imports`] lists a component's imported instances and their functions.

mod build;
mod component;
mod harness_host;
mod jco;
mod module;
mod node;
mod run;

pub use build::{
    Profile, Target, ensure_target, ensure_wasm_target, example, example_for, guest,
    guest_at_opt_level, guest_for, guest_from_wat, repo_root,
};
pub use component::{
    COMPONENT_HEADER, ComponentImport, ComponentOutcome, ComponentRun, is_component,
    read_component_imports,
};
pub use harness_host::{
    Arg, CALLS_INTERFACE, Color, Counter, HostLog, Number, Perms, Point, Received, Segment,
    TYPES_INTERFACE, Wide,
};
pub use jco::{
    ComponentInputs, JcoOutcome, REQUIRE_JCO_VAR, assert_same_in_wasmtime_and_jco, jco_dir,
    jco_missing, jco_run,
};
pub use module::{FuncImport, Guest, NumType, Value, read_func_imports, read_func_types};
pub use node::{NodeInputs, NodeOutcome, node_available, node_run};
pub use run::{HostCall, HostCtx, Outcome, Run, WASI_MODULE};
