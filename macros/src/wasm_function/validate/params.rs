//! Checks each parameter (a plain name, a type with a shape, raw pointers only on `unsafe fn`)
//! and the return type.

use syn::{FnArg, Pat, PatType, ReturnType, Signature};

use super::super::signature::Param;
use super::super::types::{self, ParamShape, ReturnShape};
use crate::errors::Errors;

/// The parameters that passed every check; each one that did not is an error in `errors`.
pub(super) fn parse<'a>(sig: &'a Signature, errors: &mut Errors) -> Vec<Param<'a>> {
    sig.inputs
        .iter()
        .filter_map(|input| match input {
            FnArg::Receiver(receiver) => {
                errors.spanned(
                    receiver,
                    "an import cannot take `self`: make it an associated function with an explicit parameter, such as `this: Handle`",
                );
                None
            }
            FnArg::Typed(typed) => parse_one(typed, sig, errors),
        })
        .collect()
}

fn parse_one<'a>(typed: &'a PatType, sig: &Signature, errors: &mut Errors) -> Option<Param<'a>> {
    let ident = match &*typed.pat {
        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => &pat.ident,
        other => {
            errors.spanned(
                other,
                "expected a parameter name: imports take plain `name: Type` parameters; destructure inside a wrapper",
            );
            return None;
        }
    };
    let ty = &*typed.ty;
    match types::classify_param(ty) {
        Ok(shape) => {
            if matches!(shape, ParamShape::Pointer) && sig.unsafety.is_none() {
                errors.spanned(
                    ty,
                    "a raw-pointer parameter needs an `unsafe fn`, because the host dereferences it: write `unsafe fn` and document its `# Safety`, or take `&[T]`/`&mut [T]`",
                );
            }
            Some(Param { ident, ty, shape })
        }
        Err(rejection) => {
            errors.spanned(rejection.at, rejection.message);
            None
        }
    }
}

/// The return type's shape; `None` (and an error) when it has none.
pub(super) fn parse_return<'a>(sig: &'a Signature, errors: &mut Errors) -> Option<ReturnShape<'a>> {
    match &sig.output {
        ReturnType::Default => Some(ReturnShape::Unit),
        ReturnType::Type(_, ty) => match types::classify_return(ty) {
            Ok(ret) => Some(ret),
            Err(rejection) => {
                errors.spanned(rejection.at, rejection.message);
                None
            }
        },
    }
}
