//! `#[derive(ComponentType)]` with `#[component("ns:pkg/iface@version", "name")]`: makes a
//! struct or enum the Rust type of a WIT record, variant, enum or flags. The item is parsed
//! ([`item`]), its WIT type found as `#[wasm_function]` finds interfaces and checked against it
//! ([`validate`]), and the marker (and, for flags, the member constants) generated
//! ([`expand`]).

mod expand;
mod item;
#[cfg(test)]
mod tests;
mod validate;

use proc_macro2::{Span, TokenStream};

use super::resolve::{self, InterfaceName};
use crate::errors::Errors;

/// Expands the derive.
pub(crate) fn derive(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let mut errors = Errors::new();
    let expanded = run(input, &mut errors);
    match (errors.finish(), expanded) {
        (Ok(()), Some(tokens)) => tokens,
        (result, _) => result
            .err()
            .unwrap_or_else(|| syn::Error::new(Span::call_site(), "invalid `ComponentType`"))
            .into_compile_error(),
    }
}

fn run(input: syn::DeriveInput, errors: &mut Errors) -> Option<TokenStream> {
    let item = item::parse(input, errors)?;
    let name = item.args.name.as_ref()?;
    let interface = match InterfaceName::parse(&item.args.module.value()) {
        Ok(interface) => interface,
        Err(message) => {
            errors.spanned(&item.args.module, message);
            return None;
        }
    };
    let source = match super::model::source(&item.args, &interface) {
        Ok(source) => source,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    let found = match resolve::lookup_type(&source.resolve, &interface, &name.value()) {
        Ok(found) => found,
        Err(message) => {
            let at = if message.contains("has no type") || message.contains("not a record") {
                name.span()
            } else {
                item.args.module.span()
            };
            errors.at(at, message);
            return None;
        }
    };
    let def = validate::Def::of(&source.resolve, &found)?;
    let checked = validate::validate(&item, &def, &found, errors)?;
    let mut tokens = expand::expand(&item, &checked);
    tokens.extend(super::expand::depend_on(&source.files));
    Some(tokens)
}
