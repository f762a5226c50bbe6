//! Components: telling them from core modules, reading their imports back, and running them in
//! the embedded wasmtime's Component Model with WASI 0.2 and the harness world.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use anyhow::{Context as _, Result, anyhow, bail};
use wasmtime::Store;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime_wasi::p2::pipe::{MemoryInputPipe, MemoryOutputPipe};
use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

use crate::harness_host::{self, HostLog};
use crate::module::Guest;
use crate::run::{DEFAULT_FUEL, PIPE_CAPACITY, cache_path, classify, engine};

/// The first eight bytes of a component in the binary format: the magic `\0asm`, then version
/// `0x000d` and layer `0x0001` (a core module has version 1, layer 0: `01 00 00 00`).
pub const COMPONENT_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

/// Whether `bytes` are a component (rather than a core module), by their header.
pub fn is_component(bytes: &[u8]) -> bool {
    bytes.starts_with(&COMPONENT_HEADER)
}

/// An instance a component imports: its name, the functions it holds by the names the
/// component uses (`get-stdout`, `[method]output-stream.blocking-write-and-flush`, …) and the
/// resource types it holds (`output-stream`). A resource's drop is not a function of the
/// instance (the component drops handles with `resource.drop` of the resource type).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ComponentImport {
    /// The import's name, e.g. `wasi:cli/stdout@0.2.0`.
    pub name: String,
    /// The instance's function exports, in the order of its type.
    pub funcs: Vec<String>,
    /// The instance's resource type exports, in the order of its type.
    pub resources: Vec<String>,
}

impl ComponentImport {
    /// An import from its parts, with no resources:
    /// `ComponentImport::new("wasi:cli/stdout@0.2.0", &["get-stdout"])`.
    pub fn new(name: &str, funcs: &[&str]) -> Self {
        ComponentImport {
            name: name.to_owned(),
            funcs: funcs.iter().map(|&f| f.to_owned()).collect(),
            resources: Vec::new(),
        }
    }

    /// The same import holding the resource types `resources`.
    pub fn with_resources(mut self, resources: &[&str]) -> Self {
        self.resources = resources.iter().map(|&r| r.to_owned()).collect();
        self
    }

    /// The same import with its functions and resources sorted by name, for comparisons that
    /// do not depend on the order the linker chose.
    pub fn sorted(mut self) -> Self {
        self.funcs.sort();
        self.resources.sort();
        self
    }
}

/// The instances a component imports, in the order of its import section, each with its
/// function names (types and resources the instance exports are left out). Validates the
/// component with wasmparser, which resolves the type indices; fails on a core module, a
/// malformed component, or an import that is not an instance.
pub fn read_component_imports(bytes: &[u8]) -> Result<Vec<ComponentImport>> {
    if !is_component(bytes) {
        bail!("not a component (its header is not {COMPONENT_HEADER:02x?})");
    }
    let types = wasmparser::Validator::new()
        .validate_all(bytes)
        .context("validating the component")?;
    let mut names = Vec::new();
    // Nested modules and components have their own sections: only the outermost count.
    let mut depth = 0usize;
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload? {
            wasmparser::Payload::ModuleSection { .. }
            | wasmparser::Payload::ComponentSection { .. } => depth += 1,
            wasmparser::Payload::End(_) => depth = depth.saturating_sub(1),
            wasmparser::Payload::ComponentImportSection(section) if depth == 0 => {
                for import in section {
                    names.push(import?.name.name.to_owned());
                }
            }
            _ => {}
        }
    }
    names
        .into_iter()
        .map(|name| {
            let item = types
                .component_item_for_import(&name)
                .with_context(|| format!("import {name} has no type"))?;
            let wasmparser::component_types::ComponentEntityType::Instance(id) = item.ty else {
                bail!("import {name} is not an instance: {:?}", item.ty);
            };
            let mut funcs = Vec::new();
            let mut resources = Vec::new();
            for (export, item) in &types[id].exports {
                use wasmparser::component_types::{ComponentAnyTypeId, ComponentEntityType};
                match item.ty {
                    ComponentEntityType::Func(_) => funcs.push(export.clone()),
                    ComponentEntityType::Type {
                        referenced: ComponentAnyTypeId::Resource(_),
                        ..
                    } => resources.push(export.clone()),
                    _ => {}
                }
            }
            Ok(ComponentImport {
                name,
                funcs,
                resources,
            })
        })
        .collect()
}

/// What a component run did.
#[derive(Clone, Debug)]
pub struct ComponentOutcome {
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
    /// 0 if `run` returned `ok`, 1 if it returned `err`, `n` after `wasi:cli/exit` with `n`
    /// (`exit(err)` is 1), 134 after a trap.
    pub exit_code: i32,
    /// The trap, if the guest trapped (or a host function failed, or fuel ran out): the trap
    /// message, then wasmtime's full report with the wasm backtrace.
    pub trap: Option<String>,
    /// Fuel consumed by the run (roughly one unit per executed wasm instruction, the guest's
    /// core code only).
    pub fuel_consumed: u64,
    /// What the host of the harness world (`tests/wit/harness.wit`) received.
    pub host: HostLog,
}

impl ComponentOutcome {
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

    /// Panics with the guest's output if the guest trapped or exited with a code other than
    /// `code`; returns `self` for chaining.
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

/// The store's data of a component run: WASI 0.2, the resource table both WASI and the harness
/// world use, and the harness host's log.
pub(crate) struct ComponentState {
    wasi: WasiCtx,
    pub(crate) table: ResourceTable,
    pub(crate) host: HostLog,
    limits: wasmtime::StoreLimits,
    stdout: MemoryOutputPipe,
    stderr: MemoryOutputPipe,
}

impl WasiView for ComponentState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Compiles a component once per process per distinct bytes, with the machine code cached in
/// `<repo>/target/wasmtime-cache` as for core modules.
fn compile(guest: &Guest) -> Result<Component> {
    static COMPONENTS: OnceLock<Mutex<HashMap<Vec<u8>, Component>>> = OnceLock::new();
    let mut components = COMPONENTS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(component) = components.get(&guest.bytes) {
        return Ok(component.clone());
    }
    let path = cache_path(&guest.bytes);
    let cached = std::fs::read(&path).ok().and_then(|compiled| {
        // SAFETY: the file was written below from `Component::serialize` of these very bytes
        // under these engine settings (its name is their hash), in this repository's own target
        // directory; wasmtime also checks its version and settings, and a mismatch is an error
        // here, which means compiling afresh.
        unsafe { Component::deserialize(engine(), compiled) }.ok()
    });
    let component = match cached {
        Some(component) => component,
        None => {
            let component = Component::from_binary(engine(), &guest.bytes)
                .map_err(anyhow::Error::from)
                .with_context(|| format!("compiling component {}", guest.name))?;
            if let Ok(compiled) = component.serialize() {
                crate::run::write_cache(&path, &compiled);
            }
            component
        }
    };
    components.insert(guest.bytes.clone(), component.clone());
    Ok(component)
}

/// The linker every component run uses: WASI 0.2 (0.2.12, the version wasmtime-wasi 48 ships;
/// imports of earlier 0.2 versions resolve to it) and both interfaces of the harness world.
fn linker() -> Result<&'static Linker<ComponentState>> {
    static LINKER: OnceLock<std::result::Result<Linker<ComponentState>, String>> = OnceLock::new();
    LINKER
        .get_or_init(|| {
            let mut linker = Linker::new(engine());
            wasmtime_wasi::p2::add_to_linker_sync(&mut linker)
                .and_then(|()| harness_host::add_to_linker(&mut linker))
                .map(|()| linker)
                .map_err(|e| format!("{e:?}"))
        })
        .as_ref()
        .map_err(|e| anyhow!("setting up the component linker: {e}"))
}

/// How to run a component: a builder from [`Guest::run_component`], ended by
/// [`ComponentRun::execute`].
///
/// Every run gets a fresh store: WASI 0.2 with stdout and stderr captured, stdin from
/// [`ComponentRun::stdin`] (empty by default), `argv[0]` = the guest's name, then the
/// [`ComponentRun::arg`]s, the [`ComponentRun::env`] variables only, the
/// [`ComponentRun::preopen`]ed directories only, and the harness world's host with an empty log.
/// [`ComponentRun::fuel`] and [`ComponentRun::max_memory`] limit the run as for core modules.
/// The component's `wasi:cli/run@0.2.*` export is called.
#[must_use = "a ComponentRun does nothing until `execute` is called"]
pub struct ComponentRun {
    guest: Guest,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Vec<u8>,
    preopens: Vec<(PathBuf, String)>,
    fuel: u64,
    max_memory: Option<usize>,
}

impl ComponentRun {
    pub(crate) fn new(guest: Guest) -> Self {
        ComponentRun {
            guest,
            args: Vec::new(),
            env: Vec::new(),
            stdin: Vec::new(),
            preopens: Vec::new(),
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

    /// The fuel the run starts with (default 2^36); running out is a trap.
    pub fn fuel(mut self, fuel: u64) -> Self {
        self.fuel = fuel;
        self
    }

    /// Caps each linear memory of the component at `bytes`: a `memory.grow` beyond it fails
    /// (returns -1) as it would on a host with little memory. Unlimited by default.
    pub fn max_memory(mut self, bytes: usize) -> Self {
        self.max_memory = Some(bytes);
        self
    }

    /// Instantiates the component and calls its `wasi:cli/run` export.
    ///
    /// `Err` only for failures of the harness or the setup: bytes that are not a component or
    /// do not compile, an import neither WASI 0.2 nor the harness world provides, no
    /// `wasi:cli/run@0.2.*` export, an unusable preopen. A trap or an exit is a
    /// [`ComponentOutcome`].
    pub fn execute(self) -> Result<ComponentOutcome> {
        let name = &self.guest.name;
        if !self.guest.is_component() {
            bail!("guest {name} is a core module, not a component: run it with `Guest::run`");
        }
        let component = compile(&self.guest)?;
        let linker = linker()?;
        let mut store = self.store()?;
        let run_export = component
            .component_type()
            .exports(engine())
            .map(|(export, _)| export)
            .find(|export| export.starts_with("wasi:cli/run@0.2."))
            .map(str::to_owned)
            .with_context(|| format!("component {name} exports no `wasi:cli/run@0.2.*`"))?;
        let (exit_code, trap) = match linker.instantiate(&mut store, &component) {
            Ok(instance) => {
                let run = instance
                    .get_export_index(&mut store, None, &run_export)
                    .and_then(|iface| instance.get_export_index(&mut store, Some(&iface), "run"))
                    .with_context(|| format!("component {name} has no `{run_export}#run`"))?;
                let run = instance
                    .get_typed_func::<(), (Result<(), ()>,)>(&mut store, &run)
                    .map_err(anyhow::Error::from)
                    .with_context(|| format!("`{run_export}#run` of {name}"))?;
                match run.call(&mut store, ()) {
                    Ok((Ok(()),)) => (0, None),
                    Ok((Err(()),)) => (1, None),
                    Err(e) => classify(e),
                }
            }
            Err(e) if e.downcast_ref::<wasmtime::Trap>().is_some() => classify(e),
            Err(e) => {
                return Err(anyhow::Error::from(e))
                    .with_context(|| format!("instantiating component {name}"));
            }
        };
        let remaining = store.get_fuel()?;
        let state = store.into_data();
        Ok(ComponentOutcome {
            stdout: state.stdout.contents().to_vec(),
            stderr: state.stderr.contents().to_vec(),
            exit_code,
            trap,
            fuel_consumed: self.fuel.saturating_sub(remaining),
            host: state.host,
        })
    }

    fn store(&self) -> Result<Store<ComponentState>> {
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
        let state = ComponentState {
            wasi: builder.build(),
            table: ResourceTable::new(),
            host: HostLog::default(),
            limits: limits.build(),
            stdout,
            stderr,
        };
        let mut store = Store::new(engine(), state);
        store.limiter(|state| &mut state.limits);
        store.set_fuel(self.fuel)?;
        Ok(store)
    }
}
