//! Static analysis of built modules: section sizes, and whether two exported functions compile
//! to the same instructions (following calls into the module's own functions).

use std::collections::{BTreeMap, HashSet};

use anyhow::{Context as _, Result, bail};
use wasm_function_tests::{read_func_imports, read_func_types};
use wasmparser::{FuncType, Operator, Parser, Payload};

/// One instruction of a function body, as compared: calls keep their target so that two calls
/// of equivalent functions compare equal; everything else is its printed form.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Op {
    Call(u32),
    Other(String),
}

/// A function defined in the module.
struct Func {
    /// Its signature.
    ty: FuncType,
    /// Its locals, as `countxtype`.
    locals: Vec<String>,
    /// Its instructions.
    ops: Vec<Op>,
    /// Bytes of its body in the code section.
    size: usize,
}

/// A guest module read once with wasmparser: its sections' sizes, imports, exports and code,
/// which is what the comparison and the size breakdown need.
pub(crate) struct GuestWasm {
    /// (section name, bytes including its header), in file order; the 8-byte preamble first.
    sections: Vec<(String, usize)>,
    /// `module.name` of each function import, by function index.
    import_names: Vec<String>,
    /// How many functions are imported (function indices below this are imports).
    imported_funcs: u32,
    /// The defined functions, in index order (from `imported_funcs` on).
    funcs: Vec<Func>,
    /// Exported functions: name to function index.
    exports: BTreeMap<String, u32>,
}

impl GuestWasm {
    /// Reads a module's sections (one pass of wasmparser; the type and import sections with
    /// the harness's readers).
    pub(crate) fn parse(bytes: &[u8]) -> Result<Self> {
        let mut sections = Vec::new();
        let mut types = Vec::new();
        let mut import_names = Vec::new();
        let mut func_types = Vec::new();
        let mut bodies = Vec::new();
        let mut exports = BTreeMap::new();
        let mut section_end = 0;
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload?;
            if let Payload::Version { range, .. } = &payload {
                sections.push(("preamble".to_owned(), range.len()));
                section_end = range.end;
            }
            if let Some((id, range)) = payload.as_section() {
                // Sections follow each other: a section's header starts where the last ended.
                sections.push((section_name(id, &payload), range.end - section_end));
                section_end = range.end;
            }
            match payload {
                Payload::TypeSection(section) => types.extend(read_func_types(section)?),
                Payload::ImportSection(section) => {
                    for import in read_func_imports(section, &types)? {
                        import_names.push(format!("{}.{}", import.module, import.name));
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
                Payload::CodeSectionEntry(body) => bodies.push(read_body(&body)?),
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
            .map(|(ty, (locals, ops, size))| {
                let ty = types
                    .get(ty as usize)
                    .with_context(|| format!("type index {ty} out of range"))?
                    .clone()
                    .with_context(|| format!("type {ty} of a function is not a function type"))?;
                Ok(Func {
                    ty,
                    locals,
                    ops,
                    size,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(GuestWasm {
            sections,
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

/// The result of [`GuestWasm::compare`].
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
    /// Where the bytes of the module `bytes` go.
    pub(crate) fn of(bytes: &[u8]) -> Result<Self> {
        let module = GuestWasm::parse(bytes)?;
        let names: BTreeMap<u32, &String> =
            module.exports.iter().map(|(name, &i)| (i, name)).collect();
        let functions = (module.imported_funcs..)
            .zip(&module.funcs)
            .map(|(index, f)| (names.get(&index).map(|s| (*s).clone()), f.size))
            .collect();
        Ok(SizeBreakdown {
            sections: module.sections,
            functions,
        })
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

/// A function body's locals (as `countxtype`), instructions and size in bytes.
fn read_body(body: &wasmparser::FunctionBody<'_>) -> Result<(Vec<String>, Vec<Op>, usize)> {
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
    Ok((locals, ops, body.range().len()))
}

/// A section's name in the breakdown: `type`, `code`, `custom "name"`, …
fn section_name(id: u8, payload: &Payload<'_>) -> String {
    match (id, payload) {
        (_, Payload::CustomSection(custom)) => format!("custom \"{}\"", custom.name()),
        (1, _) => "type".into(),
        (2, _) => "import".into(),
        (3, _) => "function".into(),
        (4, _) => "table".into(),
        (5, _) => "memory".into(),
        (6, _) => "global".into(),
        (7, _) => "export".into(),
        (8, _) => "start".into(),
        (9, _) => "element".into(),
        (10, _) => "code".into(),
        (11, _) => "data".into(),
        (12, _) => "datacount".into(),
        (other, _) => format!("section {other}"),
    }
}

#[cfg(test)]
mod tests {
    use wasm_function_tests::guest_from_wat;

    use super::{GuestWasm, SizeBreakdown};

    const WAT: &str = r#"(module
      (import "m" "f" (func $f (param i32) (result i32)))
      (memory (export "memory") 1)
      (func $double (export "double") (param i32) (result i32)
        (i32.add (local.get 0) (local.get 0)))
      (func (export "call_f_a") (result i32) (call $f (i32.const 1)))
      (func (export "call_f_b") (result i32) (call $f (i32.const 1)))
      (func (export "call_f_2") (result i32) (call $f (i32.const 2)))
      (func (export "call_double") (result i32) (call $double (i32.const 1)))
      (@custom "note" "hello"))
    "#;

    #[test]
    fn sections_add_up_to_the_module_and_are_named() {
        let module = guest_from_wat(WAT).unwrap();
        let breakdown = SizeBreakdown::of(&module.bytes).unwrap();
        let names: Vec<&str> = breakdown.sections.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "preamble",
                "type",
                "import",
                "function",
                "memory",
                "export",
                "code",
                "custom \"note\"",
                "custom \"name\"" // wat writes the `$names`
            ]
        );
        let total: usize = breakdown.sections.iter().map(|(_, size)| size).sum();
        assert_eq!(total, module.size());
        // The custom section: id, size, name length, "note", "hello".
        assert_eq!(breakdown.sections[7].1, 1 + 1 + 1 + 4 + 5);
        let functions: Vec<Option<&str>> = breakdown
            .functions
            .iter()
            .map(|(name, _)| name.as_deref())
            .collect();
        assert_eq!(
            functions,
            [
                Some("double"),
                Some("call_f_a"),
                Some("call_f_b"),
                Some("call_f_2"),
                Some("call_double")
            ]
        );
        assert!(breakdown.summary().starts_with("preamble 8, type "));
    }

    #[test]
    fn compare_follows_calls_and_names_imports() {
        let module = guest_from_wat(WAT).unwrap();
        let parsed = GuestWasm::parse(&module.bytes).unwrap();
        let same = parsed.compare("call_f_a", "call_f_b").unwrap();
        assert!(same.identical && !same.same_function, "{same:?}");
        assert_eq!((same.ops_a, same.ops_b), (3, 3));
        let other = parsed.compare("call_f_a", "call_f_2").unwrap();
        assert!(!other.identical);
        assert_eq!(
            other.differences,
            ["+ I32Const { value: 2 }", "- I32Const { value: 1 }"]
        );
        // A call of a defined function counts that function's instructions too, and differs
        // from a call of the import.
        let inner = parsed.compare("call_f_a", "call_double").unwrap();
        assert!(!inner.identical);
        assert_eq!(inner.ops_b, 3 + 4);
        assert!(
            inner.differences.contains(&"- call m.f".to_owned()),
            "{inner:?}"
        );
        assert!(parsed.compare("double", "missing").is_err());
    }
}
