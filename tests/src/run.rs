//! Running a guest in an embedded wasmtime with WASI preview1 and custom host functions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use anyhow::{Context as _, Result, anyhow, bail};
use wasmtime::{Caller, Config, Engine, Extern, FuncType, Linker, Module, Store, Trap};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::OutputStream as _;
use wasmtime_wasi::p2::pipe::{MemoryInputPipe, MemoryOutputPipe};
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtxBuilder};

use crate::module::{FuncImport, Guest, NumType, Value};

/// The WASI preview1 import module, provided to every run by wasmtime-wasi.
pub const WASI_MODULE: &str = "wasi_snapshot_preview1";

/// Fuel given to a run unless [`Run::fuel`] says otherwise: about 69 billion instructions,
/// enough for anything a test does, finite so that a runaway loop ends in a trap.
pub(crate) const DEFAULT_FUEL: u64 = 1 << 36;

/// Most bytes a run may write to each of stdout and stderr.
pub(crate) const PIPE_CAPACITY: usize = 1 << 30;

/// Exit code reported when the guest trapped (as wasmtime's CLI does on Unix: 128 + SIGABRT).
const TRAP_EXIT_CODE: i32 = 134;

/// The process-wide engine: default compilation settings, fuel metering on.
pub(crate) fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = Config::new();
        config.consume_fuel(true);
        Engine::new(&config).expect("the harness's wasmtime configuration is valid")
    })
}

/// Compiles a module once per process per distinct bytes, and keeps the machine code in
/// `<repo>/target/wasmtime-cache` so that other test processes (and later runs) load it
/// instead of compiling again (compiling a 70 KB guest takes seconds in a debug build).
fn compile(guest: &Guest) -> Result<Module> {
    static MODULES: OnceLock<Mutex<HashMap<Vec<u8>, Module>>> = OnceLock::new();
    let mut modules = MODULES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(module) = modules.get(&guest.bytes) {
        return Ok(module.clone());
    }
    let module = match load_cached(&guest.bytes) {
        Some(module) => module,
        None => {
            let module = Module::from_binary(engine(), &guest.bytes)
                .map_err(anyhow::Error::from)
                .with_context(|| format!("compiling guest {}", guest.name))?;
            store_cached(&guest.bytes, &module);
            module
        }
    };
    modules.insert(guest.bytes.clone(), module.clone());
    Ok(module)
}

/// Where the compiled form of `bytes` is cached: named by a 128-bit hash of the engine's
/// compilation settings and the module's bytes.
pub(crate) fn cache_path(bytes: &[u8]) -> PathBuf {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let hash = |salt: u64| {
        let mut h = DefaultHasher::new();
        salt.hash(&mut h);
        engine().precompile_compatibility_hash().hash(&mut h);
        bytes.hash(&mut h);
        h.finish()
    };
    crate::repo_root()
        .join("target")
        .join("wasmtime-cache")
        .join(format!("{:016x}{:016x}.cwasm", hash(1), hash(2)))
}

fn load_cached(bytes: &[u8]) -> Option<Module> {
    let compiled = std::fs::read(cache_path(bytes)).ok()?;
    // SAFETY: the file was written by `store_cached` from `Module::serialize` of these very
    // bytes under these engine settings (its name is their hash), in this repository's own
    // target directory; wasmtime also checks its version and settings, and a mismatch is an
    // error here, which means compiling afresh.
    unsafe { Module::deserialize(engine(), compiled) }.ok()
}

fn store_cached(bytes: &[u8], module: &Module) {
    if let Ok(compiled) = module.serialize() {
        write_cache(&cache_path(bytes), &compiled);
    }
}

/// Writes compiled machine code to its cache file `path`, best effort: a unique temporary file,
/// then renamed into place atomically, so that concurrent test processes never read a partial
/// file.
pub(crate) fn write_cache(path: &Path, compiled: &[u8]) {
    let Some(dir) = path.parent() else {
        return;
    };
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        std::process::id(),
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("module")
    ));
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&tmp, compiled))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

type HostFn = Arc<dyn Fn(&mut HostCtx<'_>, &[Value]) -> Result<Vec<Value>> + Send + Sync>;

/// One call the guest made to a custom import (a [`Run::host_fn`] or a recorded unknown
/// import).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostCall {
    /// The import module.
    pub module: String,
    /// The import name.
    pub name: String,
    /// The arguments, bit-exact.
    pub args: Vec<Value>,
}

/// What a run did.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Everything written to stdout (fd 1), including what host functions appended with
    /// [`HostCtx::write_stdout`], in order.
    pub stdout: Vec<u8>,
    /// Everything written to stderr (fd 2).
    pub stderr: Vec<u8>,
    /// 0 if the entry function returned, `n` after `proc_exit(n)`, 134 after a trap.
    pub exit_code: i32,
    /// The trap, if the guest trapped (or a host function failed, or fuel ran out): the
    /// trap message, then wasmtime's full report with the wasm backtrace.
    pub trap: Option<String>,
    /// Every call to a custom import, in order, including those handled by
    /// [`Run::host_fn`] (calls to WASI functions are not recorded unless a `host_fn`
    /// replaced them).
    pub calls: Vec<HostCall>,
    /// Fuel consumed by the run (roughly one unit per executed wasm instruction).
    pub fuel_consumed: u64,
    /// Size in 64 KiB pages of the exported `memory` after the run (0 if none).
    pub memory_pages: u64,
}

impl Outcome {
    /// stdout as UTF-8 (panics with the bytes if it is not).
    pub fn stdout_str(&self) -> &str {
        std::str::from_utf8(&self.stdout)
            .unwrap_or_else(|e| panic!("guest stdout is not UTF-8 ({e}): {:?}", self.stdout))
    }

    /// stderr as UTF-8 (panics with the bytes if it is not).
    pub fn stderr_str(&self) -> &str {
        std::str::from_utf8(&self.stderr)
            .unwrap_or_else(|e| panic!("guest stderr is not UTF-8 ({e}): {:?}", self.stderr))
    }

    /// Panics with the guest's output if the guest trapped or exited with a code other
    /// than `code`; returns `self` for chaining.
    #[track_caller]
    pub fn assert_exit(&self, code: i32) -> &Self {
        if self.trap.is_some() || self.exit_code != code {
            panic!(
                "expected exit code {code}, got {} (trap: {:?})\n--- stdout ---\n{}\n--- stderr ---\n{}",
                self.exit_code,
                self.trap,
                String::from_utf8_lossy(&self.stdout),
                String::from_utf8_lossy(&self.stderr)
            );
        }
        self
    }
}

struct State {
    wasi: WasiP1Ctx,
    limits: wasmtime::StoreLimits,
    calls: Vec<HostCall>,
    stdout: MemoryOutputPipe,
    stderr: MemoryOutputPipe,
}

/// What a host function sees of the guest: its exported `memory` and its output streams.
pub struct HostCtx<'a> {
    caller: Caller<'a, State>,
}

impl HostCtx<'_> {
    fn memory(&mut self) -> Result<wasmtime::Memory> {
        match self.caller.get_export("memory") {
            Some(Extern::Memory(memory)) => Ok(memory),
            _ => bail!("the guest exports no memory named `memory`"),
        }
    }

    /// Copies `len` bytes at `ptr` out of the guest's memory; out of bounds is an error.
    pub fn read_memory(&mut self, ptr: u32, len: u32) -> Result<Vec<u8>> {
        let memory = self.memory()?;
        let data = memory.data(&self.caller);
        let start = ptr as usize;
        let end = start
            .checked_add(len as usize)
            .filter(|&end| end <= data.len())
            .ok_or_else(|| {
                anyhow!(
                    "guest memory read out of bounds: {ptr}+{len} > {}",
                    data.len()
                )
            })?;
        Ok(data[start..end].to_vec())
    }

    /// Reads `len` bytes at `ptr` as UTF-8.
    pub fn read_str(&mut self, ptr: u32, len: u32) -> Result<String> {
        String::from_utf8(self.read_memory(ptr, len)?).context("guest string is not UTF-8")
    }

    /// Copies `bytes` into the guest's memory at `ptr`; out of bounds is an error.
    pub fn write_memory(&mut self, ptr: u32, bytes: &[u8]) -> Result<()> {
        let memory = self.memory()?;
        memory
            .write(&mut self.caller, ptr as usize, bytes)
            .map_err(|_| anyhow!("guest memory write out of bounds: {ptr}+{}", bytes.len()))
    }

    /// Appends to the run's captured stdout, in order with what the guest writes there.
    pub fn write_stdout(&mut self, bytes: &[u8]) -> Result<()> {
        let mut pipe = self.caller.data().stdout.clone();
        pipe.write(bytes.to_vec().into())
            .map_err(|e| anyhow!("appending to stdout: {e}"))
    }

    /// Appends to the run's captured stderr, in order with what the guest writes there.
    pub fn write_stderr(&mut self, bytes: &[u8]) -> Result<()> {
        let mut pipe = self.caller.data().stderr.clone();
        pipe.write(bytes.to_vec().into())
            .map_err(|e| anyhow!("appending to stderr: {e}"))
    }

    /// The calls to custom imports so far, this one included.
    pub fn calls(&self) -> &[HostCall] {
        &self.caller.data().calls
    }
}

/// How to run a guest: a builder from [`Guest::run`], ended by [`Run::execute`].
///
/// Every run gets a fresh store: WASI preview1 with stdout and stderr captured, stdin from
/// [`Run::stdin`] (empty by default), `argv[0]` = the guest's name, then [`Run::arg`]s, the
/// [`Run::env`] variables only, and the [`Run::preopen`]ed directories only.
#[must_use = "a Run does nothing until `execute` is called"]
pub struct Run {
    guest: Guest,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Vec<u8>,
    preopens: Vec<(PathBuf, String)>,
    host_fns: Vec<(String, String, HostFn)>,
    record_unknown: bool,
    entry: String,
    fuel: u64,
    max_memory: Option<usize>,
}

impl Run {
    pub(crate) fn new(guest: Guest) -> Self {
        Run {
            guest,
            args: Vec::new(),
            env: Vec::new(),
            stdin: Vec::new(),
            preopens: Vec::new(),
            host_fns: Vec::new(),
            record_unknown: false,
            entry: "_start".to_owned(),
            fuel: DEFAULT_FUEL,
            max_memory: None,
        }
    }

    /// Appends one command-line argument (after `argv[0]`, the guest's name).
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

    /// Adds an environment variable (the guest sees only those given here, in this order).
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Sets the bytes the guest reads from stdin (then end of file).
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

    /// Provides the import `module.name` with `f`. Its signature is the one the guest
    /// declares; `f` gets the arguments and returns the results, which must match the
    /// import's result types (a mismatch traps). An `Err` from `f` traps the guest with
    /// that error. Every call is recorded in [`Outcome::calls`]. A `host_fn` for a
    /// `wasi_snapshot_preview1` name replaces the WASI implementation (fault injection).
    /// A `host_fn` the guest does not import is ignored.
    pub fn host_fn(
        mut self,
        module: &str,
        name: &str,
        f: impl Fn(&mut HostCtx<'_>, &[Value]) -> Result<Vec<Value>> + Send + Sync + 'static,
    ) -> Self {
        self.host_fns
            .push((module.to_owned(), name.to_owned(), Arc::new(f)));
        self
    }

    /// Provides every import that is neither from `wasi_snapshot_preview1` nor given a
    /// [`Run::host_fn`] with a stub that records the call and returns zero values of its
    /// result types. Without this, such an import makes [`Run::execute`] fail.
    pub fn record_unknown_imports(mut self) -> Self {
        self.record_unknown = true;
        self
    }

    /// The exported function to call, taking and returning nothing (default `_start`).
    pub fn entry(mut self, export: &str) -> Self {
        self.entry = export.to_owned();
        self
    }

    /// Caps the guest's linear memory at `bytes`: a `memory.grow` beyond it fails (returns
    /// -1) as it would on a host with little memory. Unlimited by default.
    pub fn max_memory(mut self, bytes: usize) -> Self {
        self.max_memory = Some(bytes);
        self
    }

    /// The fuel the run starts with (default 2^36); running out is a trap.
    pub fn fuel(mut self, fuel: u64) -> Self {
        self.fuel = fuel;
        self
    }

    /// Instantiates the guest and calls the entry function.
    ///
    /// `Err` only for failures of the harness or the setup: a component (see
    /// [`Guest::run_component`]), a module that does not
    /// compile, an import nobody provides (the error names each one), a missing or
    /// mistyped entry export, an unusable preopen. A trap or `proc_exit` is an [`Outcome`].
    pub fn execute(self) -> Result<Outcome> {
        if self.guest.is_component() {
            bail!(
                "guest {} is a component, not a core module: run it with `Guest::run_component`",
                self.guest.name
            );
        }
        let module = compile(&self.guest)?;
        let mut store = self.wasi_store()?;
        let linker = self.link_imports(&module, &mut store)?;
        let ending = self.call_entry(&linker, &mut store, &module)?;
        self.outcome(store, ending)
    }

    /// A fresh store for the run: WASI preview1 with the run's arguments, environment, stdin,
    /// captured stdout and stderr and preopens; the memory limit; the fuel.
    fn wasi_store(&self) -> Result<Store<State>> {
        let stdout = MemoryOutputPipe::new(PIPE_CAPACITY);
        let stderr = MemoryOutputPipe::new(PIPE_CAPACITY);
        let mut builder = WasiCtxBuilder::new();
        builder
            .stdin(MemoryInputPipe::new(self.stdin.clone()))
            .stdout(stdout.clone())
            .stderr(stderr.clone())
            .arg(&self.guest.name)
            .args(&self.args)
            .envs(&self.env);
        for (host_dir, guest_path) in &self.preopens {
            builder
                .preopened_dir(host_dir, guest_path, FsPerms::ReadWrite)
                .map_err(anyhow::Error::from)
                .with_context(|| format!("preopening {} as {guest_path}", host_dir.display()))?;
        }
        let mut limits = wasmtime::StoreLimitsBuilder::new();
        if let Some(bytes) = self.max_memory {
            limits = limits.memory_size(bytes);
        }
        let state = State {
            wasi: builder.build_p1(),
            limits: limits.build(),
            calls: Vec::new(),
            stdout,
            stderr,
        };
        let mut store = Store::new(engine(), state);
        store.limiter(|state| &mut state.limits);
        store.set_fuel(self.fuel)?;
        Ok(store)
    }

    /// A linker that provides every import of `module`: the run's [`Run::host_fn`]s first,
    /// then WASI preview1, then (with [`Run::record_unknown_imports`]) recording stubs. Fails
    /// naming every import nothing provides.
    fn link_imports(&self, module: &Module, store: &mut Store<State>) -> Result<Linker<State>> {
        let mut linker: Linker<State> = Linker::new(engine());
        wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |s: &mut State| &mut s.wasi)?;
        linker.allow_shadowing(true);

        let mut missing = Vec::new();
        for import in module.imports() {
            let module_name = import.module();
            let name = import.name();
            let Some(ty) = import.ty().func().cloned() else {
                bail!(
                    "guest {} imports {module_name}.{name}, which is not a function; the harness provides functions only",
                    self.guest.name
                );
            };
            let host_fn = self
                .host_fns
                .iter()
                .rev()
                .find(|(m, n, _)| m == module_name && n == name)
                .map(|(_, _, f)| f.clone());
            if let Some(f) = host_fn {
                define(&mut linker, module_name, name, ty, Some(f))?;
            } else if module_name == WASI_MODULE {
                if linker.get(&mut *store, module_name, name).is_err() {
                    missing.push(describe(module_name, name, &ty));
                }
            } else if self.record_unknown {
                define(&mut linker, module_name, name, ty, None)?;
            } else {
                missing.push(describe(module_name, name, &ty));
            }
        }
        if !missing.is_empty() {
            bail!(
                "guest {} has imports that nothing provides (give them a host_fn, or call record_unknown_imports):\n  {}",
                self.guest.name,
                missing.join("\n  ")
            );
        }
        Ok(linker)
    }

    /// Instantiates `module` and calls the entry export; a trap or an exit, during the start
    /// function or the call, ends the run normally.
    fn call_entry(
        &self,
        linker: &Linker<State>,
        store: &mut Store<State>,
        module: &Module,
    ) -> Result<Ending> {
        let (guest, entry) = (&self.guest, &self.entry);
        let instance = match linker.instantiate(&mut *store, module) {
            Ok(instance) => instance,
            Err(e)
                if e.downcast_ref::<Trap>().is_some() || e.downcast_ref::<I32Exit>().is_some() =>
            {
                let (exit_code, trap) = classify(e);
                return Ok(Ending {
                    exit_code,
                    trap,
                    instance: None,
                });
            }
            Err(e) => {
                return Err(anyhow::Error::from(e))
                    .with_context(|| format!("instantiating guest {}", guest.name));
            }
        };
        let func = instance.get_func(&mut *store, entry).ok_or_else(|| {
            let exports = guest.exports().unwrap_or_default();
            anyhow!(
                "guest {} has no exported function {entry:?}; its exports: {exports:?}",
                guest.name
            )
        })?;
        let func = func
            .typed::<(), ()>(&*store)
            .map_err(anyhow::Error::from)
            .with_context(|| {
                format!("entry {entry:?} of guest {} is not `() -> ()`", guest.name)
            })?;
        let (exit_code, trap) = match func.call(&mut *store, ()) {
            Ok(()) => (0, None),
            Err(e) => classify(e),
        };
        Ok(Ending {
            exit_code,
            trap,
            instance: Some(instance),
        })
    }

    /// What the run did, read from the store after the entry call.
    fn outcome(&self, mut store: Store<State>, ending: Ending) -> Result<Outcome> {
        let remaining = store.get_fuel()?;
        let memory_pages = ending
            .instance
            .and_then(|inst| inst.get_memory(&mut store, "memory"))
            .map_or(0, |memory| memory.size(&store));
        let state = store.data();
        Ok(Outcome {
            stdout: state.stdout.contents().to_vec(),
            stderr: state.stderr.contents().to_vec(),
            exit_code: ending.exit_code,
            trap: ending.trap,
            calls: state.calls.clone(),
            fuel_consumed: self.fuel.saturating_sub(remaining),
            memory_pages,
        })
    }
}

/// How the entry call ended.
struct Ending {
    /// 0, the `proc_exit` code, or [`TRAP_EXIT_CODE`].
    exit_code: i32,
    /// The trap, as [`Outcome::trap`].
    trap: Option<String>,
    /// The instance, unless instantiation itself trapped or exited.
    instance: Option<wasmtime::Instance>,
}

fn describe(module: &str, name: &str, ty: &FuncType) -> String {
    let types = |it: &mut dyn Iterator<Item = wasmtime::ValType>| {
        it.map(|t| t.to_string()).collect::<Vec<_>>().join(", ")
    };
    format!(
        "{module}.{name}: ({}) -> ({})",
        types(&mut ty.params()),
        types(&mut ty.results())
    )
}

/// Turns the error of a call into (exit code, trap).
pub(crate) fn classify(e: wasmtime::Error) -> (i32, Option<String>) {
    if let Some(exit) = e.downcast_ref::<I32Exit>() {
        return (exit.0, None);
    }
    let headline = match e.downcast_ref::<Trap>() {
        Some(trap) => trap.to_string(),
        None => e.root_cause().to_string(),
    };
    (TRAP_EXIT_CODE, Some(format!("{headline}\n{e:?}")))
}

fn define(
    linker: &mut Linker<State>,
    module: &str,
    name: &str,
    ty: FuncType,
    f: Option<HostFn>,
) -> Result<()> {
    let results = ty
        .results()
        .map(|t| NumType::from_wasmtime(&t))
        .collect::<Result<Vec<_>>>()
        .with_context(|| format!("import {module}.{name}"))?;
    let params = ty
        .params()
        .map(|t| NumType::from_wasmtime(&t))
        .collect::<Result<Vec<_>>>()
        .with_context(|| format!("import {module}.{name}"))?;
    let import = FuncImport::new(module, name, &params, &results);
    linker.func_new(module, name, ty, move |mut caller, params, out| {
        let args = params
            .iter()
            .map(Value::from_val)
            .collect::<Result<Vec<_>>>()
            .map_err(wasmtime::Error::from_anyhow)?;
        caller.data_mut().calls.push(HostCall {
            module: import.module.clone(),
            name: import.name.clone(),
            args: args.clone(),
        });
        let values = match &f {
            None => import.results.iter().map(|t| t.zero()).collect(),
            Some(f) => {
                let mut ctx = HostCtx { caller };
                f(&mut ctx, &args)
                    .with_context(|| format!("host function {}.{}", import.module, import.name))
                    .map_err(wasmtime::Error::from_anyhow)?
            }
        };
        let types: Vec<NumType> = values.iter().map(|v| v.ty()).collect();
        if types != import.results {
            return Err(wasmtime::Error::from_anyhow(anyhow!(
                "host function {}.{} returned {values:?}, but the import is {import}",
                import.module,
                import.name
            )));
        }
        for (slot, value) in out.iter_mut().zip(values) {
            *slot = value.to_val();
        }
        Ok(())
    })?;
    Ok(())
}
