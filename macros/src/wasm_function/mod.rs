//! `#[wasm_function("module", "name")]`: parse ([`args`], [`item`]), check and model
//! ([`validate`] builds an [`Import`](validate::Import): the [`signature`] with each type's
//! shape from [`types`], and its core [`lowering`], checked against [`preview1`] for WASI),
//! expand ([`expand`]).

mod args;
mod expand;
mod item;
mod lowering;
mod preview1;
mod signature;
#[cfg(test)]
mod tests;
mod types;
mod validate;

pub(crate) use args::{ImportArgs, parse as parse_args};
pub(crate) use item::ImportFn;
pub(crate) use preview1::nearest_name;
pub(crate) use validate::check_shape;

use crate::errors::{self, Errors};
use proc_macro2::TokenStream;

/// Expands the attribute. On any error the output is the errors plus the user's function with
/// an unreachable body, so that no "cannot find function" errors follow.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let func = match syn::parse2::<item::ImportFn>(item.clone()) {
        Ok(func) => func,
        Err(error) => {
            let error = syn::Error::new(
                error.span(),
                format!(
                    "{error}: `#[wasm_function]` goes on a function, such as `pub fn name(value: u32) -> u32;`"
                ),
            );
            return errors::with_item(error, item);
        }
    };
    let mut errors = Errors::new();
    let Some(args) = args::parse(args, &mut errors) else {
        let error = errors.finish().err().unwrap_or_else(|| {
            syn::Error::new(proc_macro2::Span::call_site(), "invalid `#[wasm_function]`")
        });
        return errors::with_item(error, func.fallback());
    };
    if crate::component::is_interface_name(&args.module.value()) {
        let expanded = crate::component::expand(&args, &func, &mut errors);
        return match (errors.finish(), expanded) {
            (Ok(()), Some(expanded)) => expanded,
            (result, _) => {
                let error = result.err().unwrap_or_else(|| {
                    syn::Error::new(proc_macro2::Span::call_site(), "invalid `#[wasm_function]`")
                });
                errors::with_item(error, func.fallback())
            }
        };
    }
    if let Some(wit) = &args.wit {
        errors.spanned(
            wit,
            "`wit = \"…\"` applies only to a Component Model import, whose module is an interface such as `\"wasi:cli/stdout@0.2.0\"`: remove it",
        );
    }
    let import = validate::Import::from_syn(&args, &func, &mut errors);
    match (errors.finish(), import) {
        (Ok(()), Some(import)) => expand::expand(&import),
        (result, _) => {
            let error = result.err().unwrap_or_else(|| {
                syn::Error::new(proc_macro2::Span::call_site(), "invalid `#[wasm_function]`")
            });
            errors::with_item(error, func.fallback())
        }
    }
}
