//! Collects independent errors so that one invocation reports all of them at once.

use std::fmt::Display;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};

/// An accumulator of spanned errors. Call [`Errors::finish`] before dropping it.
#[derive(Default)]
pub(crate) struct Errors {
    combined: Option<syn::Error>,
    finished: bool,
}

impl Errors {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Records an error whose caret spans `tokens`.
    pub(crate) fn spanned(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error at `span`.
    pub(crate) fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Records an error.
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    /// `Ok` when nothing was recorded; otherwise every recorded error, combined.
    pub(crate) fn finish(mut self) -> syn::Result<()> {
        self.finished = true;
        self.combined.take().map_or(Ok(()), Err)
    }
}

impl Drop for Errors {
    fn drop(&mut self) {
        debug_assert!(
            self.finished || std::thread::panicking(),
            "errors were collected but never reported"
        );
    }
}

/// The one place errors become tokens: `compile_error!`s, then `item` (the user's code, kept
/// so that no "cannot find" errors follow).
pub(crate) fn with_item(error: syn::Error, item: impl ToTokens) -> TokenStream {
    let error = error.into_compile_error();
    quote!(#error #item)
}
