//! Builds the model of a Component Model import from the parsed function: the WIT function it
//! names (found through [`wit_source`](super::wit_source) and [`resolve`](super::resolve)), and
//! each Rust parameter and the result checked against it ([`check`](super::check)).

use std::path::PathBuf;
use std::rc::Rc;

use syn::ext::IdentExt as _;
use syn::{FnArg, Pat, ReturnType, Type};

use super::canonical::Wit;
use super::check::{self, Checked, Position};
use super::resolve::{self, InterfaceName};
use super::wit_source::{self, LoadError, WitSource};
use crate::errors::Errors;
use crate::wasm_function::{ImportArgs, ImportFn};

/// A checked Component Model import.
pub(crate) struct ComponentImport<'a> {
    pub(crate) func: &'a ImportFn,
    /// The core import module: the interface as the user wrote it.
    pub(crate) module: String,
    /// The WIT function name.
    pub(crate) name: String,
    /// The scope-memory parameter, when results live in a scope.
    pub(crate) memory: Option<syn::Ident>,
    pub(crate) params: Vec<(syn::Ident, Checked)>,
    pub(crate) result: Option<Checked>,
    /// The encoded component-type world and its section name.
    pub(crate) section: (String, Vec<u8>),
    /// The WIT files read, for the expansion to depend on.
    pub(crate) files: Vec<PathBuf>,
}

fn is_memory_allocator(ty: &Type) -> bool {
    let Type::Reference(reference) = ty else {
        return false;
    };
    matches!(&*reference.elem, Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|s| s.ident == "MemoryAllocator"))
}

/// The WIT to look `name` up in.
pub(crate) fn source(args: &ImportArgs, name: &InterfaceName) -> Result<Rc<WitSource>, syn::Error> {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let (dir, explicit) = match &args.wit {
        Some(lit) => (manifest.join(lit.value()), Some(lit)),
        None => (manifest.join("wit"), None),
    };
    let span = explicit.map_or_else(|| args.module.span(), syn::LitStr::span);
    let builtin = name.namespace == "wasi";
    match wit_source::user(&dir) {
        Ok(user) => {
            let has = !wit_source::packages_named(&user.resolve, &name.namespace, &name.package)
                .is_empty();
            if has || !builtin || explicit.is_some() {
                Ok(user)
            } else {
                Ok(wit_source::builtin())
            }
        }
        Err(LoadError::Missing(_)) if builtin && explicit.is_none() => Ok(wit_source::builtin()),
        Err(LoadError::Missing(path)) => Err(syn::Error::new(
            span,
            format!(
                "no WIT for `{}`: there is no `{}` in the crate root; create it with a `.wit` file declaring `package {}@<version>;` and `interface {}`, or point at yours with `wit = \"path\"` (relative to the crate root); only `wasi:` interfaces are built in",
                name.package_name(),
                path.strip_prefix(&manifest).unwrap_or(&path).display(),
                name.package_name(),
                name.interface
            ),
        )),
        Err(LoadError::Invalid(message)) => {
            // Paths from the crate root, as the user wrote them.
            let root = format!("{}/", manifest.display());
            let message = message.replace(&root, "");
            let shown = dir
                .strip_prefix(&manifest)
                .unwrap_or(&dir)
                .display()
                .to_string();
            Err(syn::Error::new(
                span,
                format!("the WIT in `{shown}` does not parse: {message}"),
            ))
        }
    }
}

impl<'a> ComponentImport<'a> {
    pub(crate) fn from_syn(
        args: &ImportArgs,
        func: &'a ImportFn,
        errors: &mut Errors,
    ) -> Option<Self> {
        let sig = &func.sig;
        crate::wasm_function::check_shape(sig, errors);
        let module = args.module.value();
        let interface = match InterfaceName::parse(&module) {
            Ok(name) => name,
            Err(message) => {
                errors.spanned(&args.module, message);
                return None;
            }
        };
        let (name, name_span) = match &args.name {
            Some(lit) => (lit.value(), lit.span()),
            None => (
                sig.ident.unraw().to_string().replace('_', "-"),
                sig.ident.span(),
            ),
        };
        let source = match source(args, &interface) {
            Ok(source) => source,
            Err(error) => {
                errors.push(error);
                return None;
            }
        };
        let found = match resolve::lookup(&source.resolve, &interface, &name) {
            Ok(found) => found,
            Err(message) => {
                let at = if message.contains("function") {
                    name_span
                } else {
                    args.module.span()
                };
                errors.at(at, message);
                return None;
            }
        };
        let interface_id = resolve::interface_id(&source.resolve, found.interface);
        let wit_params: Vec<(String, Wit)> = found
            .function
            .params
            .iter()
            .map(|p| (p.name.clone(), Wit::from_wit(&source.resolve, &p.ty)))
            .collect();
        let wit_result = found
            .function
            .result
            .as_ref()
            .map(|t| Wit::from_wit(&source.resolve, t));

        let mut inputs: Vec<&FnArg> = sig.inputs.iter().collect();
        let mut memory = None;
        if let Some(FnArg::Typed(first)) = inputs.first() {
            if is_memory_allocator(&first.ty) {
                if let Pat::Ident(pat) = &*first.pat {
                    memory = Some(pat.ident.clone());
                }
                inputs.remove(0);
            }
        }
        let signature = || {
            let params: Vec<String> = wit_params
                .iter()
                .map(|(n, t)| format!("{n}: {}", t.display()))
                .collect();
            let result = wit_result
                .as_ref()
                .map_or_else(String::new, |t| format!(" -> {}", t.display()));
            format!("`{name}: func({}){result}`", params.join(", "))
        };
        if inputs.len() != wit_params.len() {
            let rust: Vec<String> = wit_params
                .iter()
                .map(|(n, t)| {
                    format!(
                        "{}: {}",
                        check::snake(n),
                        check::rust_for(t, Position::Param)
                    )
                })
                .collect();
            errors.spanned(
                &sig.inputs,
                format!(
                    "the WIT function has {} parameter{} and this fn {}: the WIT has {}, so write `({})`{}",
                    wit_params.len(),
                    if wit_params.len() == 1 { "" } else { "s" },
                    inputs.len(),
                    signature(),
                    rust.join(", "),
                    if memory.is_some() { " after the memory parameter" } else { "" }
                ),
            );
        }
        let mut params = Vec::new();
        for (input, (_, wit)) in inputs.iter().zip(&wit_params) {
            let FnArg::Typed(typed) = input else {
                errors.spanned(input, "an import takes no `self`: make it a free function");
                continue;
            };
            let Pat::Ident(pat) = &*typed.pat else {
                errors.spanned(&typed.pat, "name the parameter with an identifier");
                continue;
            };
            match check::check(&typed.ty, wit, Position::Param) {
                Ok(checked) => params.push((pat.ident.clone(), checked)),
                Err(mismatch) => errors.at(mismatch.at, mismatch.message),
            }
        }
        let position = Position::Result {
            scoped: memory.is_some(),
        };
        let result = match (&sig.output, &wit_result) {
            (ReturnType::Default, None) => None,
            (ReturnType::Type(_, ty), None) => {
                if !matches!(&**ty, Type::Tuple(t) if t.elems.is_empty()) {
                    errors.spanned(
                        ty,
                        format!(
                            "the WIT function returns nothing ({}): remove the return type",
                            signature()
                        ),
                    );
                }
                None
            }
            (ReturnType::Default, Some(wit)) => {
                errors.spanned(
                    &sig.ident,
                    format!(
                        "the WIT function returns `{}`: add `-> {}`",
                        wit.display(),
                        check::rust_for(wit, position)
                    ),
                );
                None
            }
            (ReturnType::Type(_, ty), Some(wit)) => match check::check(ty, wit, position) {
                Ok(checked) => Some(checked),
                Err(mismatch) => {
                    errors.at(mismatch.at, mismatch.message);
                    None
                }
            },
        };
        let key = Rc::as_ptr(&source) as usize;
        let section_bytes = match super::section::encode(&source.resolve, key, &interface_id) {
            Ok(bytes) => bytes,
            Err(message) => {
                errors.spanned(&args.module, message);
                return None;
            }
        };
        let section_name =
            super::section::section_name(&interface_id, &name, &sig.ident.to_string());
        Some(Self {
            func,
            module,
            name,
            memory,
            params,
            result,
            section: (section_name, section_bytes),
            files: source.files.clone(),
        })
    }
}
