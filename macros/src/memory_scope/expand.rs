//! The expansion: an ordinary block, so that `?`, `return`, `break` and `continue` in the body
//! act on the enclosing code.
//!
//! ```text
//! {
//!     let mut scope = ::wasm_function::__private::ScopeSlot::enter();   // or enter_child(&mut *parent)
//!     let mut handle = scope.handle();          // MemoryAllocator<'id>, 'id = borrow of `scope`
//!     let mem: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut handle;
//!     let value = { body };
//!     value
//! }
//! ```
//!
//! `scope`'s drop closes the scope on every way out. `handle` has a (no-op) `Drop`, so the
//! borrow checker keeps `'id` alive to the end of the block; `'id` is also a borrow of `scope`,
//! so it cannot outlive the block: the brand is pinned to exactly this block, and (being
//! invariant) differs from every other scope's. Binding the body's value first drops the
//! body's temporaries before `scope` on every edition. The hidden names are `mixed_site`, so
//! they neither clash with nor are visible to the body.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::validate::Scope;

pub(super) fn expand(scope: &Scope) -> TokenStream {
    let Scope {
        binder,
        parent,
        body,
    } = scope;
    let hidden = Span::mixed_site();
    let slot = quote_spanned!(hidden=> scope);
    let handle = quote_spanned!(hidden=> handle);
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
    quote! {
        {
            let mut #slot = #enter;
            let mut #handle = #slot.handle();
            let #binder: #binder_ty = &mut #handle;
            let #value = #body;
            #value
        }
    }
}
