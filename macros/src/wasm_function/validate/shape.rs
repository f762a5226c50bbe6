//! Checks of the fn itself, before its parameters: what an import cannot be.

use syn::{GenericParam, Signature};

use crate::errors::Errors;

/// Rejects `const`, `async`, an explicit ABI, type and const generics, a `where` clause and
/// variadics.
pub(super) fn check(sig: &Signature, errors: &mut Errors) {
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
}
