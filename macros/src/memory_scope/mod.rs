//! `with_memory_allocator!(|mem| { … })` and `with_memory_allocator!(|child| in mem { … })`:
//! parse ([`parse`]), validate ([`validate`]), expand ([`expand`]).

mod expand;
mod parse;
#[cfg(test)]
mod tests;
mod validate;

use proc_macro2::TokenStream;

/// Expands the macro, or returns every error found in its input, each spanned on the user's
/// tokens.
pub(crate) fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input = syn::parse2::<parse::ScopeInput>(input)?;
    let scope = validate::validate(input)?;
    Ok(expand::expand(&scope))
}
