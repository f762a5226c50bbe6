//! Checks the annotated function and builds the model that `expand` turns into code.

use syn::spanned::Spanned;
use syn::{FnArg, GenericParam, Ident, Pat, ReturnType, Type};

use super::args::ImportArgs;
use super::item::ImportFn;
use super::preview1::{self, SpecFn, SpecResult};
use super::types::{self, ParamLowering, ReturnLowering};
use crate::errors::Errors;

/// A checked import declaration.
pub(crate) struct Import<'a> {
    pub(crate) module: String,
    pub(crate) name: String,
    pub(crate) func: &'a ImportFn,
    pub(crate) params: Vec<Param<'a>>,
    pub(crate) ret: ReturnLowering<'a>,
    /// The preview1 signature, when the module is `wasi_snapshot_preview1`.
    pub(crate) spec: Option<&'static SpecFn>,
}

/// A checked parameter.
pub(crate) struct Param<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    pub(crate) lowering: ParamLowering<'a>,
}

impl Import<'_> {
    /// The number of core parameters: the lowered parameters, then the out-pointers.
    pub(crate) fn core_arity(&self) -> usize {
        let outs = match &self.ret {
            ReturnLowering::Result { ok, .. } => ok.len(),
            _ => 0,
        };
        self.params
            .iter()
            .map(|p| p.lowering.width())
            .sum::<usize>()
            + outs
    }
}

/// Checks `func` against everything the attribute supports, recording each problem.
pub(crate) fn validate<'a>(
    args: ImportArgs,
    func: &'a ImportFn,
    errors: &mut Errors,
) -> Option<Import<'a>> {
    let sig = &func.sig;
    if let Some(token) = &sig.constness {
        errors.spanned(token, "an import cannot be a `const fn`: remove `const`");
    }
    if let Some(token) = &sig.asyncness {
        errors.spanned(
            token,
            "an import cannot be `async`: remove `async`; preview1 imports are synchronous",
        );
    }
    if let Some(abi) = &sig.abi {
        errors.spanned(
            abi,
            "remove the ABI: `#[wasm_function]` declares the import with the C ABI itself",
        );
    }
    for param in &sig.generics.params {
        match param {
            GenericParam::Lifetime(_) => {}
            GenericParam::Type(_) | GenericParam::Const(_) => errors.spanned(
                param,
                "an import cannot be generic: declare one function per concrete type",
            ),
        }
    }
    if let Some(clause) = &sig.generics.where_clause {
        errors.spanned(
            clause,
            "an import cannot have a `where` clause: declare it with concrete types",
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.spanned(
            variadic,
            "an import cannot be variadic: declare every parameter, or take a slice `&[T]`",
        );
    }

    let mut params = Vec::new();
    for input in &sig.inputs {
        let typed = match input {
            FnArg::Receiver(receiver) => {
                errors.spanned(
                    receiver,
                    "an import cannot take `self`: make it an associated function with an explicit parameter, such as `this: Handle`",
                );
                continue;
            }
            FnArg::Typed(typed) => typed,
        };
        let ident = match &*typed.pat {
            Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => &pat.ident,
            other => {
                errors.spanned(
                    other,
                    "expected a parameter name: imports take plain `name: Type` parameters; destructure inside a wrapper",
                );
                continue;
            }
        };
        let ty = &*typed.ty;
        match types::classify_param(ty) {
            Ok(lowering) => {
                if matches!(lowering, ParamLowering::Pointer) && sig.unsafety.is_none() {
                    errors.spanned(
                        ty,
                        "a raw-pointer parameter needs an `unsafe fn`, because the host dereferences it: write `unsafe fn` and document its `# Safety`, or take `&[T]`/`&mut [T]`",
                    );
                }
                params.push(Param {
                    ident,
                    ty,
                    lowering,
                });
            }
            Err(rejection) => errors.spanned(rejection.at, rejection.message),
        }
    }

    let ret = match &sig.output {
        ReturnType::Default => Some(ReturnLowering::Unit),
        ReturnType::Type(_, ty) => match types::classify_return(ty) {
            Ok(ret) => Some(ret),
            Err(rejection) => {
                errors.spanned(rejection.at, rejection.message);
                None
            }
        },
    };

    let module = args.module.value();
    let (name, name_span) = match &args.name {
        Some(lit) => (lit.value(), lit.span()),
        None => (sig.ident.to_string(), sig.ident.span()),
    };
    let name = name
        .strip_prefix("r#")
        .map_or_else(|| name.clone(), str::to_owned);
    let spec = if module == preview1::MODULE {
        match preview1::lookup(&name) {
            Some(spec) => Some(spec),
            None => {
                let hint = preview1::nearest(&name).map_or_else(
                    || String::from("name one of its 46 functions"),
                    |near| format!("did you mean `{near}`?"),
                );
                errors.at(
                    name_span,
                    format!("`{name}` is not a function of `{module}`: {hint}"),
                );
                None
            }
        }
    } else {
        None
    };

    let import = Import {
        module,
        name,
        func,
        params,
        ret: ret?,
        spec,
    };
    if let Some(spec) = import.spec {
        check_against_spec(&import, spec, errors);
    }
    Some(import)
}

/// Compares the lowered arity and result with the preview1 signature. Per-parameter core types
/// are checked by the compiler: the extern is declared with the spec's types.
fn check_against_spec(import: &Import<'_>, spec: &SpecFn, errors: &mut Errors) {
    let sig = &import.func.sig;
    let expected = format!(
        "`{}.{}` has the core signature `{spec}`",
        import.module, import.name
    );
    let arity = import.core_arity();
    if arity != spec.params.len() {
        let span = sig.paren_token.span.join();
        errors.at(
            span,
            format!(
                "{expected}, but these parameters lower to {arity} core value{} ({} expected): each scalar is one value, `&str` and slices are two (pointer, length), and each `Ok` value of a `Result` adds one out-pointer",
                if arity == 1 { "" } else { "s" },
                spec.params.len()
            ),
        );
    }
    let result_span = match &sig.output {
        ReturnType::Default => sig.ident.span(),
        ReturnType::Type(_, ty) => ty.span(),
    };
    match (&import.ret, spec.result) {
        (ReturnLowering::Never, SpecResult::NoReturn)
        | (ReturnLowering::Result { .. } | ReturnLowering::Value(_), SpecResult::Status) => {}
        (_, SpecResult::NoReturn) => errors.at(
            result_span,
            format!("{expected}: it does not return, so declare `-> !`"),
        ),
        (_, SpecResult::Status) => errors.at(
            result_span,
            format!("{expected}: it returns an errno, so declare `-> Result<T, Errno>` (or `-> Result<(), Errno>`)"),
        ),
    }
}
