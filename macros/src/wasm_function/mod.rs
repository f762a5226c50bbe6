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
    let import = args::parse(args, &mut errors)
        .and_then(|args| validate::Import::from_syn(&args, &func, &mut errors));
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
