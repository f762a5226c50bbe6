//! Parses the annotated function: attributes, visibility, signature, then `;` or a body.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Block, Signature, Token, Visibility};

/// A function declared with `#[wasm_function]`, as the user wrote it.
pub(crate) struct ImportFn {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
    pub(crate) sig: Signature,
    /// The host fallback body, if one was given instead of `;`.
    pub(crate) body: Option<Block>,
}

impl Parse for ImportFn {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        let sig: Signature = input.parse()?;
        let body = if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
            None
        } else {
            Some(input.parse()?)
        };
        Ok(Self {
            attrs,
            vis,
            sig,
            body,
        })
    }
}

impl ImportFn {
    /// The function as the user wrote it, with a body that can never run if it had none: what
    /// is emitted beside a compile error, so that callers see no second error.
    pub(crate) fn fallback(&self) -> TokenStream {
        let Self {
            attrs, vis, body, ..
        } = self;
        let mut sig = self.sig.clone();
        sig.variadic = None;
        let body = body.as_ref().map_or_else(
            || quote!({ ::core::unreachable!() }),
            ToTokens::to_token_stream,
        );
        quote! {
            #(#attrs)*
            #[allow(unused_variables, clippy::unused_self)]
            #vis #sig #body
        }
    }
}
