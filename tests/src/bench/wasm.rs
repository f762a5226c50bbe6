//! Static analysis of built modules: section sizes, and whether two exported functions compile
//! to the same instructions (following calls into the module's own functions).

use std::collections::{BTreeMap, HashSet};

use anyhow::{Context as _, Result, bail};
use wasmparser::{Operator, Parser, Payload};

/// One instruction of a function body, as compared: calls keep their target so that two calls
/// of equivalent functions compare equal; everything else is its printed form.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Op {
    Call(u32),
    Other(String),
}

struct Func {
    ty: String,
    locals: Vec<String>,
    ops: Vec<Op>,
}

/// A parsed module: what the comparison needs.
pub(crate) struct Module {
    imported_funcs: u32,
    import_names: Vec<String>,
    funcs: Vec<Func>,
    exports: BTreeMap<String, u32>,
}

impl Module {
    pub(crate) fn parse(bytes: &[u8]) -> Result<Self> {
        let mut types = Vec::new();
        let mut func_types = Vec::new();
        let mut import_names = Vec::new();
        let mut bodies = Vec::new();
        let mut exports = BTreeMap::new();
        for payload in Parser::new(0).parse_all(bytes) {
            match payload? {
                Payload::TypeSection(section) => {
                    for group in section {
                        for sub in group?.into_types() {
                            types.push(format!("{:?}", sub.composite_type.inner));
                        }
                    }
                }
                Payload::ImportSection(section) => {
                    for import in section.into_imports() {
                        let import = import?;
                        if matches!(
                            import.ty,
                            wasmparser::TypeRef::Func(_) | wasmparser::TypeRef::FuncExact(_)
                        ) {
                            import_names.push(format!("{}.{}", import.module, import.name));
                        }
                    }
                }
                Payload::FunctionSection(section) => {
                    for ty in section {
                        func_types.push(ty?);
                    }
                }
                Payload::ExportSection(section) => {
                    for export in section {
                        let export = export?;
                        if export.kind == wasmparser::ExternalKind::Func {
                            exports.insert(export.name.to_owned(), export.index);
                        }
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let mut locals = Vec::new();
                    for local in body.get_locals_reader()? {
                        let (count, ty) = local?;
                        locals.push(format!("{count}x{ty}"));
                    }
                    let mut ops = Vec::new();
                    let mut reader = body.get_operators_reader()?;
                    while !reader.eof() {
                        ops.push(match reader.read()? {
                            Operator::Call { function_index } => Op::Call(function_index),
                            other => Op::Other(format!("{other:?}")),
                        });
                    }
                    bodies.push((locals, ops));
                }
                _ => {}
            }
        }
        if func_types.len() != bodies.len() {
            bail!(
                "{} function declarations but {} bodies",
                func_types.len(),
                bodies.len()
            );
        }
        let funcs = func_types
            .into_iter()
            .zip(bodies)
            .map(|(ty, (locals, ops))| {
                Ok(Func {
                    ty: types
                        .get(ty as usize)
                        .cloned()
                        .with_context(|| format!("type index {ty} out of range"))?,
                    locals,
                    ops,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Module {
            imported_funcs: u32::try_from(import_names.len())?,
            import_names,
            funcs,
            exports,
        })
    }

    fn export(&self, name: &str) -> Result<u32> {
        self.exports
            .get(name)
            .copied()
            .with_context(|| format!("the module exports no function {name:?}"))
    }

    fn defined(&self, index: u32) -> Option<&Func> {
        index
            .checked_sub(self.imported_funcs)
            .and_then(|i| self.funcs.get(i as usize))
    }

    /// Whether functions `a` and `b` are the same code: same type, locals and instructions,
    /// where a call matches a call of the same import or of an equivalent function
    /// (co-inductively, so recursion compares equal).
    fn equivalent(&self, a: u32, b: u32, assumed: &mut HashSet<(u32, u32)>) -> bool {
        if a == b || !assumed.insert((a, b)) {
            return true;
        }
        let (Some(fa), Some(fb)) = (self.defined(a), self.defined(b)) else {
            return false; // different imports, or an import against a defined function
        };
        fa.ty == fb.ty
            && fa.locals == fb.locals
            && fa.ops.len() == fb.ops.len()
            && fa.ops.iter().zip(&fb.ops).all(|pair| match pair {
                (Op::Call(x), Op::Call(y)) => self.equivalent(*x, *y, assumed),
                (x, y) => x == y,
            })
    }

    /// The instructions executed code can reach from `index`: its body and, once each, the
    /// bodies of the module's functions it calls (imports excluded).
    fn reachable(&self, index: u32) -> Vec<u32> {
        let mut seen = vec![index];
        let mut i = 0;
        while i < seen.len() {
            if let Some(f) = self.defined(seen[i]) {
                for op in &f.ops {
                    if let Op::Call(target) = op {
                        if self.defined(*target).is_some() && !seen.contains(target) {
                            seen.push(*target);
                        }
                    }
                }
            }
            i += 1;
        }
        seen.retain(|&f| self.defined(f).is_some());
        seen
    }

    fn describe(&self, op: &Op) -> String {
        match op {
            Op::Call(target) if *target < self.imported_funcs => {
                format!("call {}", self.import_names[*target as usize])
            }
            Op::Call(target) => format!("call func {target}"),
            Op::Other(text) => text.clone(),
        }
    }

    /// Compares two exported functions.
    pub(crate) fn compare(&self, a: &str, b: &str) -> Result<Comparison> {
        let (ia, ib) = (self.export(a)?, self.export(b)?);
        let identical = self.equivalent(ia, ib, &mut HashSet::new());
        let count = |i: u32| -> usize {
            self.reachable(i)
                .iter()
                .filter_map(|&f| self.defined(f))
                .map(|f| f.ops.len())
                .sum()
        };
        let flatten = |i: u32| -> Vec<String> {
            self.reachable(i)
                .iter()
                .filter_map(|&f| self.defined(f))
                .flat_map(|f| f.ops.iter().map(|op| self.describe(op)))
                .collect()
        };
        let (ops_a, ops_b) = (count(ia), count(ib));
        let differences = if identical {
            Vec::new()
        } else {
            diff(&flatten(ia), &flatten(ib))
        };
        Ok(Comparison {
            a: a.to_owned(),
            b: b.to_owned(),
            identical,
            same_function: ia == ib,
            ops_a,
            ops_b,
            differences,
        })
    }
}

/// The result of [`Module::compare`].
#[derive(Clone, Debug)]
pub(crate) struct Comparison {
    pub(crate) a: String,
    pub(crate) b: String,
    pub(crate) identical: bool,
    pub(crate) same_function: bool,
    /// Instructions of `a` and the module functions it calls (each once), `end`s included.
    pub(crate) ops_a: usize,
    pub(crate) ops_b: usize,
    /// `- op` only in `a`, `+ op` only in `b` (a longest-common-subsequence diff of the
    /// flattened bodies); empty when identical.
    pub(crate) differences: Vec<String>,
}

fn diff(a: &[String], b: &[String]) -> Vec<String> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(format!("+ {}", b[j]));
            j += 1;
        } else {
            out.push(format!("- {}", a[i]));
            i += 1;
        }
    }
    out
}

/// Where a module's bytes go.
#[derive(Clone, Debug, Default)]
pub(crate) struct SizeBreakdown {
    /// (section name, bytes including its header), in file order; the 8-byte preamble first.
    pub(crate) sections: Vec<(String, usize)>,
    /// Body sizes of the defined functions, in index order, with the export name if any.
    pub(crate) functions: Vec<(Option<String>, usize)>,
}

impl SizeBreakdown {
    pub(crate) fn of(bytes: &[u8]) -> Result<Self> {
        let mut out = SizeBreakdown::default();
        if bytes.len() < 8 {
            bail!("not a wasm module: {} bytes", bytes.len());
        }
        out.sections.push(("preamble".to_owned(), 8));
        let mut pos = 8;
        while pos < bytes.len() {
            let start = pos;
            let id = bytes[pos];
            pos += 1;
            let (size, used) = leb_u32(&bytes[pos..])?;
            pos += used;
            let content = pos;
            pos = pos
                .checked_add(size as usize)
                .filter(|&end| end <= bytes.len())
                .context("section runs past the end")?;
            let name = match id {
                0 => {
                    let (len, used) = leb_u32(&bytes[content..])?;
                    let name = bytes
                        .get(content + used..content + used + len as usize)
                        .map(String::from_utf8_lossy)
                        .unwrap_or_default();
                    format!("custom \"{name}\"")
                }
                1 => "type".into(),
                2 => "import".into(),
                3 => "function".into(),
                4 => "table".into(),
                5 => "memory".into(),
                6 => "global".into(),
                7 => "export".into(),
                8 => "start".into(),
                9 => "element".into(),
                10 => "code".into(),
                11 => "data".into(),
                12 => "datacount".into(),
                other => format!("section {other}"),
            };
            out.sections.push((name, pos - start));
        }
        let module = Module::parse(bytes)?;
        let names: BTreeMap<u32, &String> =
            module.exports.iter().map(|(name, &i)| (i, name)).collect();
        let mut index = module.imported_funcs;
        for payload in Parser::new(0).parse_all(bytes) {
            if let Payload::CodeSectionEntry(body) = payload? {
                out.functions
                    .push((names.get(&index).map(|s| (*s).clone()), body.range().len()));
                index += 1;
            }
        }
        Ok(out)
    }

    /// `code 120 (_start 40, 3 others 80), data 30, …`
    pub(crate) fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (name, size) in &self.sections {
            if name == "code" {
                let named: Vec<String> = self
                    .functions
                    .iter()
                    .filter_map(|(n, s)| n.as_ref().map(|n| format!("{n} {s}")))
                    .collect();
                let others: Vec<usize> = self
                    .functions
                    .iter()
                    .filter(|(n, _)| n.is_none())
                    .map(|(_, s)| *s)
                    .collect();
                let mut inner = named;
                if !others.is_empty() {
                    inner.push(format!(
                        "{} other function{} {}",
                        others.len(),
                        if others.len() == 1 { "" } else { "s" },
                        others.iter().sum::<usize>()
                    ));
                }
                parts.push(format!("code {size} ({})", inner.join(", ")));
            } else {
                parts.push(format!("{name} {size}"));
            }
        }
        parts.join(", ")
    }
}

fn leb_u32(bytes: &[u8]) -> Result<(u32, usize)> {
    let mut result = 0u32;
    for (i, &byte) in bytes.iter().enumerate().take(5) {
        result |= u32::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok((result, i + 1));
        }
    }
    bail!("bad LEB128")
}
