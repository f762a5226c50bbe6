//! What a well-formed input is: one binder that is a plain name (or `_`) without a type, and a
//! body that is a block. Every problem is reported at once, each on the user's tokens.

use syn::spanned::Spanned;
use syn::{Expr, ExprBlock, Pat};

use super::parse::ScopeInput;
use crate::errors::Errors;

/// A validated scope.
pub(super) struct Scope {
    /// `mem` or `_`: an identifier pattern without `mut`, `ref` or sub-pattern, or a wildcard.
    pub(super) binder: Pat,
    pub(super) parent: Option<Expr>,
    pub(super) body: ExprBlock,
}

pub(super) fn validate(input: ScopeInput) -> syn::Result<Scope> {
    let ScopeInput {
        pipes,
        binders,
        parent,
        body,
    } = input;
    let mut errors = Errors::new();
    let mut binders = binders.into_iter();
    let binder = match binders.next() {
        None => {
            errors.at(
                pipes,
                "missing binder: name the scope's handle between the pipes, as in `|mem| { ... }`",
            );
            None
        }
        Some(binder) => {
            if let Some(ty) = &binder.ty {
                errors.spanned(
                    ty,
                    "remove the type: the handle is always a `&mut MemoryAllocator<'_>`",
                );
            }
            check_pattern(&binder.pat, &mut errors).then_some(binder.pat)
        }
    };
    for extra in binders {
        errors.spanned(
            &extra.pat,
            "a memory scope has one handle: remove this binder",
        );
    }
    let body = match body {
        Expr::Block(block) => Some(block),
        other => {
            errors.at(
                other.span(),
                "the body must be a block: wrap it in braces, as in `|mem| { ... }`",
            );
            None
        }
    };
    errors.finish()?;
    match (binder, body) {
        (Some(binder), Some(body)) => Ok(Scope {
            binder,
            parent,
            body,
        }),
        // `finish` returned `Ok`, so nothing was rejected and both are present.
        _ => Err(syn::Error::new(
            pipes,
            "invalid `with_memory_allocator!` input",
        )),
    }
}

/// Whether `pat` is a name or `_`; records why not otherwise.
fn check_pattern(pat: &Pat, errors: &mut Errors) -> bool {
    match pat {
        Pat::Wild(_) => true,
        Pat::Ident(ident) if ident.by_ref.is_none() && ident.subpat.is_none() => {
            if let Some(mutability) = &ident.mutability {
                errors.spanned(
                    mutability,
                    "remove `mut`: the handle is already a `&mut MemoryAllocator<'_>`",
                );
                false
            } else {
                true
            }
        }
        other => {
            errors.spanned(
                other,
                "the binder must be a plain name for the scope's handle, such as `mem`",
            );
            false
        }
    }
}
