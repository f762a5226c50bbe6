//! Guest modules, wasm number types and values, and reading type and import sections back.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::run::Run;

/// A WebAssembly number type (`numtype` in the specification): the only types a
/// `#[wasm_function]` import lowers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumType {
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f32`
    F32,
    /// `f64`
    F64,
}

impl NumType {
    /// The type's name in the WebAssembly text format (`"i32"`, …).
    pub fn name(self) -> &'static str {
        match self {
            NumType::I32 => "i32",
            NumType::I64 => "i64",
            NumType::F32 => "f32",
            NumType::F64 => "f64",
        }
    }

    /// The zero value of this type.
    pub fn zero(self) -> Value {
        match self {
            NumType::I32 => Value::I32(0),
            NumType::I64 => Value::I64(0),
            NumType::F32 => Value::F32(0),
            NumType::F64 => Value::F64(0),
        }
    }

    pub(crate) fn from_wasmparser(ty: wasmparser::ValType) -> Result<Self> {
        Ok(match ty {
            wasmparser::ValType::I32 => NumType::I32,
            wasmparser::ValType::I64 => NumType::I64,
            wasmparser::ValType::F32 => NumType::F32,
            wasmparser::ValType::F64 => NumType::F64,
            other => bail!("value type {other} is not a core number type"),
        })
    }

    pub(crate) fn from_wasmtime(ty: &wasmtime::ValType) -> Result<Self> {
        Ok(match ty {
            wasmtime::ValType::I32 => NumType::I32,
            wasmtime::ValType::I64 => NumType::I64,
            wasmtime::ValType::F32 => NumType::F32,
            wasmtime::ValType::F64 => NumType::F64,
            other => bail!("value type {other} is not a core number type"),
        })
    }
}

impl fmt::Display for NumType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A core WebAssembly value. Floats are kept as their bit patterns, so equality is
/// bit-exact (a NaN equals the same NaN, `0.0` differs from `-0.0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// An `f32`, as its bits (see [`Value::from_f32`]).
    F32(u32),
    /// An `f64`, as its bits (see [`Value::from_f64`]).
    F64(u64),
}

impl Value {
    /// An `f32` value from a float.
    pub fn from_f32(x: f32) -> Self {
        Value::F32(x.to_bits())
    }

    /// An `f64` value from a float.
    pub fn from_f64(x: f64) -> Self {
        Value::F64(x.to_bits())
    }

    /// The value's type.
    pub fn ty(self) -> NumType {
        match self {
            Value::I32(_) => NumType::I32,
            Value::I64(_) => NumType::I64,
            Value::F32(_) => NumType::F32,
            Value::F64(_) => NumType::F64,
        }
    }

    /// The `i32`, if it is one.
    pub fn as_i32(self) -> Option<i32> {
        match self {
            Value::I32(x) => Some(x),
            _ => None,
        }
    }

    /// The `i64`, if it is one.
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Value::I64(x) => Some(x),
            _ => None,
        }
    }

    /// The `f32`, if it is one.
    pub fn as_f32(self) -> Option<f32> {
        match self {
            Value::F32(x) => Some(f32::from_bits(x)),
            _ => None,
        }
    }

    /// The `f64`, if it is one.
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Value::F64(x) => Some(f64::from_bits(x)),
            _ => None,
        }
    }

    pub(crate) fn from_val(val: &wasmtime::Val) -> Result<Self> {
        Ok(match *val {
            wasmtime::Val::I32(x) => Value::I32(x),
            wasmtime::Val::I64(x) => Value::I64(x),
            wasmtime::Val::F32(x) => Value::F32(x),
            wasmtime::Val::F64(x) => Value::F64(x),
            ref other => bail!("value {other:?} is not a core number"),
        })
    }

    pub(crate) fn to_val(self) -> wasmtime::Val {
        match self {
            Value::I32(x) => wasmtime::Val::I32(x),
            Value::I64(x) => wasmtime::Val::I64(x),
            Value::F32(x) => wasmtime::Val::F32(x),
            Value::F64(x) => wasmtime::Val::F64(x),
        }
    }
}

/// `i32 5`, `i64 -1`, `f32 1.5`, `f64 NaN`: the type, then the value.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Value::I32(x) => write!(f, "i32 {x}"),
            Value::I64(x) => write!(f, "i64 {x}"),
            Value::F32(x) => write!(f, "f32 {:?}", f32::from_bits(x)),
            Value::F64(x) => write!(f, "f64 {:?}", f64::from_bits(x)),
        }
    }
}

/// A function import of a module: where it comes from and its core signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncImport {
    /// The import module, e.g. `wasi_snapshot_preview1`.
    pub module: String,
    /// The import name, e.g. `fd_write`.
    pub name: String,
    /// Parameter types, in order.
    pub params: Vec<NumType>,
    /// Result types, in order.
    pub results: Vec<NumType>,
}

impl FuncImport {
    /// An import from its parts: `FuncImport::new("m", "n", &[I32, I64], &[I32])`.
    pub fn new(module: &str, name: &str, params: &[NumType], results: &[NumType]) -> Self {
        FuncImport {
            module: module.to_owned(),
            name: name.to_owned(),
            params: params.to_vec(),
            results: results.to_vec(),
        }
    }
}

fn write_types(f: &mut fmt::Formatter<'_>, types: &[NumType]) -> fmt::Result {
    f.write_str("(")?;
    for (i, t) in types.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(t.name())?;
    }
    f.write_str(")")
}

/// `wasi_snapshot_preview1.fd_write: (i32, i32, i32, i32) -> (i32)`; no results print as `()`.
impl fmt::Display for FuncImport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}: ", self.module, self.name)?;
        write_types(f, &self.params)?;
        f.write_str(" -> ")?;
        write_types(f, &self.results)
    }
}

/// A WebAssembly module to run: built by [`guest`](crate::guest),
/// [`example`](crate::example) or [`guest_from_wat`](crate::guest_from_wat), or made with
/// [`Guest::from_bytes`] / [`Guest::from_file`].
#[derive(Clone, Debug)]
pub struct Guest {
    /// The guest's name (the crate directory, example or given name); it is also `argv[0]`.
    pub name: String,
    /// Where the `.wasm` file is (empty for modules that never were a file).
    pub path: PathBuf,
    /// The module's bytes.
    pub bytes: Vec<u8>,
}

impl Guest {
    /// A guest from bytes in memory (binary format).
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Self {
        Guest {
            name: name.to_owned(),
            path: PathBuf::new(),
            bytes,
        }
    }

    /// A guest read from a `.wasm` file; its name is the file stem.
    pub fn from_file(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Guest {
            name,
            path: path.to_owned(),
            bytes,
        })
    }

    /// The size of the module in bytes.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// The module's function imports, read from its import section, in section order.
    /// Fails on a malformed module or a non-function import.
    pub fn imports(&self) -> Result<Vec<FuncImport>> {
        read_imports(&self.bytes).with_context(|| format!("reading the imports of {}", self.name))
    }

    /// The names of the module's exports, in section order.
    pub fn exports(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(&self.bytes) {
            if let wasmparser::Payload::ExportSection(section) = payload? {
                for export in section {
                    names.push(export?.name.to_owned());
                }
            }
        }
        Ok(names)
    }

    /// A builder for running this guest: see [`Run`].
    pub fn run(&self) -> Run {
        Run::new(self.clone())
    }

    /// Whether the guest is a component (built for `wasm32-wasip2`) rather than a core module,
    /// by its header: see [`is_component`](crate::is_component).
    pub fn is_component(&self) -> bool {
        crate::component::is_component(&self.bytes)
    }

    /// The instances a component imports, with their function names: see
    /// [`read_component_imports`](crate::read_component_imports).
    pub fn component_imports(&self) -> Result<Vec<crate::ComponentImport>> {
        crate::component::read_component_imports(&self.bytes)
            .with_context(|| format!("reading the component imports of {}", self.name))
    }

    /// A builder for running this guest as a component: see
    /// [`ComponentRun`](crate::ComponentRun).
    pub fn run_component(&self) -> crate::ComponentRun {
        crate::ComponentRun::new(self.clone())
    }
}

fn read_imports(bytes: &[u8]) -> Result<Vec<FuncImport>> {
    let mut types = Vec::new();
    let mut imports = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload? {
            wasmparser::Payload::TypeSection(section) => types.extend(read_func_types(section)?),
            wasmparser::Payload::ImportSection(section) => {
                imports.extend(read_func_imports(section, &types)?);
            }
            wasmparser::Payload::End(_) => break,
            _ => {}
        }
    }
    Ok(imports)
}

/// The types of a type section, by type index: a function type's signature, `None` for a
/// type that is not a function's.
pub fn read_func_types(
    section: wasmparser::TypeSectionReader<'_>,
) -> Result<Vec<Option<wasmparser::FuncType>>> {
    let mut types = Vec::new();
    for group in section {
        for sub in group?.into_types() {
            types.push(match sub.composite_type.inner {
                wasmparser::CompositeInnerType::Func(ty) => Some(ty),
                _ => None,
            });
        }
    }
    Ok(types)
}

/// The imports of an import section, in section order, with their signatures looked up in
/// `types` (as [`read_func_types`] returns them). Fails on a non-function import, a type index
/// that is not a function type's, or a type that is not a number type.
pub fn read_func_imports(
    section: wasmparser::ImportSectionReader<'_>,
    types: &[Option<wasmparser::FuncType>],
) -> Result<Vec<FuncImport>> {
    let num_types = |types: &[wasmparser::ValType]| -> Result<Vec<NumType>> {
        types.iter().map(|t| NumType::from_wasmparser(*t)).collect()
    };
    let mut imports = Vec::new();
    for import in section.into_imports() {
        let import = import?;
        let index = match import.ty {
            wasmparser::TypeRef::Func(i) | wasmparser::TypeRef::FuncExact(i) => i,
            other => bail!(
                "import {}.{} is not a function: {other:?}",
                import.module,
                import.name
            ),
        };
        let Some(Some(ty)) = types.get(index as usize) else {
            bail!(
                "import {}.{} refers to type {index}, which is not a function type",
                import.module,
                import.name
            );
        };
        imports.push(FuncImport {
            module: import.module.to_owned(),
            name: import.name.to_owned(),
            params: num_types(ty.params())
                .with_context(|| format!("import {}.{}", import.module, import.name))?,
            results: num_types(ty.results())
                .with_context(|| format!("import {}.{}", import.module, import.name))?,
        });
    }
    Ok(imports)
}
