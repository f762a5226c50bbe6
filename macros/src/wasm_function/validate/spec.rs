//! The preview1 table's word on an import: the name must be one of its functions, the lowered
//! arity and result shape must match, and the extern is then declared with its core types.

use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{ReturnType, Signature};

use super::super::lowering::{CoreResult, LoweredSignature};
use super::super::preview1::{self, SpecFn, SpecResult};
use crate::errors::Errors;

/// The preview1 signature of `name` when `module` is preview1; an error (with the nearest
/// name) when preview1 has no such function.
pub(super) fn lookup(
    module: &str,
    name: &str,
    name_span: Span,
    errors: &mut Errors,
) -> Option<&'static SpecFn> {
    if module != preview1::MODULE {
        return None;
    }
    let spec = preview1::lookup(name);
    if spec.is_none() {
        let hint = preview1::nearest(name).map_or_else(
            || String::from("name one of its 46 functions"),
            |near| format!("did you mean `{near}`?"),
        );
        errors.at(
            name_span,
            format!("`{name}` is not a function of `{module}`: {hint}"),
        );
    }
    spec
}

/// Compares the lowered arity and result with the preview1 signature, then pins the lowered
/// types to the spec's: the compiler checks each parameter's core type, with the error on
/// that parameter.
pub(super) fn check(
    spec: &SpecFn,
    module: &str,
    name: &str,
    sig: &Signature,
    lowered: &mut LoweredSignature<'_>,
    errors: &mut Errors,
) {
    let expected = format!("`{module}.{name}` has the core signature `{spec}`");
    let arity = lowered.arity();
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
    match (lowered.result, spec.result) {
        (CoreResult::Never, SpecResult::NoReturn)
        | (CoreResult::Status | CoreResult::Value(_), SpecResult::Status) => {}
        (_, SpecResult::NoReturn) => errors.at(
            result_span,
            format!("{expected}: it does not return, so declare `-> !`"),
        ),
        (_, SpecResult::Status) => errors.at(
            result_span,
            format!("{expected}: it returns an errno, so declare `-> Result<T, Errno>` (or `-> Result<(), Errno>`)"),
        ),
    }
    lowered.pin(spec.params.iter().map(|&(_, ty)| ty), spec.result.core());
}
