//! The expansion: an ordinary block, so that `?`, `return`, `break` and `continue` in the body
//! act on the enclosing code.
//!
//! ```text
//! {
//!     let mut mem = ::wasm_function::__private::ScopeSlot::enter();   // or enter_child(&mut *(parent))
//!     let mut mem = ::wasm_function::__private::ScopeSlot::handle(&mut mem); // MemoryAllocator<'id>
//!     let mem: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut mem;
//!     let value = { body };
//!     value
//! }
//! ```
//!
//! The first `mem` is the slot: its drop closes the scope on every way out. The second is the
//! handle, whose brand `'id` is a mutable borrow of the slot, so it cannot outlive the block;
//! the handle has a (no-op) `Drop`, so the borrow checker keeps `'id` alive to the end of the
//! block: the brand is pinned to exactly this block and, being invariant, differs from every
//! other scope's. The third is what the body sees; it shadows the other two, so the body cannot
//! reach them. Binding the body's value first drops the body's temporaries before the slot, on
//! every edition. `value` (and the slot and handle of a `_` binder) are `mixed_site` names,
//! invisible to the body.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use quote::{quote, quote_spanned};
use syn::Pat;
use syn::spanned::Spanned;

use super::validate::Scope;

pub(super) fn expand(scope: &Scope) -> TokenStream {
    let Scope {
        binder,
        parent,
        body,
    } = scope;
    let hidden = Span::mixed_site();
    // Borrow errors name the local that a segment or the handle borrows. rustc does not name a
    // local of an external macro ("temporary value dropped while borrowed"), so the slot and
    // the handle are named after the binder, with its span, and each is shadowed before the
    // body starts (the body cannot reach them); errors then read "`mem` does not live long
    // enough" with the caret on the user's `mem`. A `_` binder gets hidden names instead.
    let (slot, handle) = match binder {
        Pat::Ident(pat) => (pat.ident.to_token_stream(), pat.ident.to_token_stream()),
        _ => (
            quote_spanned!(hidden=> scope),
            quote_spanned!(hidden=> handle),
        ),
    };
    let value = quote_spanned!(hidden=> value);
    let enter = match parent {
        None => quote_spanned!(hidden=> ::wasm_function::__private::ScopeSlot::enter()),
        Some(parent) => {
            // Spanned on the parent expression, so that a borrow conflict or a wrong type points
            // at what the user wrote.
            let borrow = quote_spanned!(parent.span()=> &mut *(#parent));
            quote_spanned!(hidden=> ::wasm_function::__private::ScopeSlot::enter_child(#borrow))
        }
    };
    let binder_ty = quote_spanned!(binder.span()=>
        &mut ::wasm_function::__private::MemoryAllocator<'_>
    );
    let slot_span = binder.span();
    let open = quote_spanned!(slot_span=> let mut #slot = #enter;);
    let brand = quote_spanned!(slot_span=> let mut #handle = ::wasm_function::__private::ScopeSlot::handle(&mut #slot););
    quote! {
        {
            #open
            #brand
            let #binder: #binder_ty = &mut #handle;
            let #value = #body;
            #value
        }
    }
}
