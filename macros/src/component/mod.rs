//! The attribute on `wasm32-wasip2`: when the module names a WIT interface
//! (`"wasi:cli/stdout@0.2.0"`), the import is looked up in WIT ([`wit_source`], [`resolve`]),
//! the Rust signature is checked against the WIT function ([`check`]), lowered through the
//! Canonical ABI ([`canonical`]) and expanded ([`expand`]) with the component-type section
//! the linker needs ([`section`]).

mod canonical;
mod check;
mod expand;
mod hash;
mod lower;
mod model;
mod resolve;
mod resource;
mod run_export;
mod section;
#[cfg(test)]
mod tests;
mod wit_source;

use proc_macro2::TokenStream;

pub(crate) use resolve::is_interface_name;

use crate::errors::Errors;
use crate::wasm_function::{ImportArgs, ImportFn};

/// Checks and expands a Component Model import; `None` (with errors recorded) when rejected.
pub(crate) fn expand(
    args: &ImportArgs,
    func: &ImportFn,
    errors: &mut Errors,
) -> Option<TokenStream> {
    model::ComponentImport::from_syn(args, func, errors).map(|import| expand::expand(&import))
}

/// Expands `wasi_cli_run!`.
pub(crate) fn run_export(input: TokenStream) -> TokenStream {
    run_export::expand(input)
}

/// Expands `#[wasm_resource]`.
pub(crate) fn resource(args: TokenStream, item: TokenStream) -> TokenStream {
    resource::expand(args, item)
}
