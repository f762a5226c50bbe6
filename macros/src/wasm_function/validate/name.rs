//! The import name: the attribute's second argument as written, or the fn's own name.

use proc_macro2::Span;
use syn::Signature;
use syn::ext::IdentExt as _;

use super::super::args::ImportArgs;

/// The name to import, and where to point at it. A string is taken exactly as written (so
/// `"r#x"` imports `r#x`); only the identifier loses its raw prefix (`fn r#type` imports
/// `type`).
pub(super) fn import_name(args: &ImportArgs, sig: &Signature) -> (String, Span) {
    match &args.name {
        Some(lit) => (lit.value(), lit.span()),
        None => (sig.ident.unraw().to_string(), sig.ident.span()),
    }
}
