//! The expansion: an ordinary block, so that `?`, `return`, `break` and `continue` in the body
//! act on the enclosing code.
//!
//! ```text
//! {
//!     let mut mem = ::wasm_function::__private::ScopeGuard::enter();   // or enter_child(&mut *(parent))
//!     let mut mem = ::wasm_function::__private::ScopeGuard::handle(&mut mem); // MemoryAllocator<'id>
//!     let mem: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut mem;
//!     /* the statements of the body, its tail expression last */
//! }
//! ```
//!
//! The first `mem` is the guard: its drop closes the scope on every way out. The second is the
//! handle, whose brand `'id` is a mutable borrow of the guard, so it cannot outlive the block;
//! the handle has a (no-op) `Drop`, so the borrow checker keeps `'id` alive to the end of the
//! block: the brand is pinned to exactly this block and, being invariant, differs from every
//! other scope's. The third is what the body sees; it shadows the other two, so the body cannot
//! reach them. The body's own locals are declared later, so they are dropped before the scope
//! closes. With a `_` binder the guard and handle get `mixed_site` names, invisible to the body.

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
    // local of an external macro ("temporary value dropped while borrowed"), so the guard and
    // the handle are named after the binder, with its span, and each is shadowed before the
    // body starts (the body cannot reach them); errors then read "`mem` does not live long
    // enough" with the caret on the user's `mem`. A `_` binder gets hidden names instead.
    let (guard, handle) = match binder {
        Pat::Ident(pat) => (pat.ident.to_token_stream(), pat.ident.to_token_stream()),
        _ => (
            quote_spanned!(hidden=> scope),
            quote_spanned!(hidden=> handle),
        ),
    };
    let enter = match parent {
        None => quote_spanned!(hidden=> ::wasm_function::__private::ScopeGuard::enter()),
        Some(parent) => {
            // Spanned on the parent expression, so that a borrow conflict or a wrong type points
            // at what the user wrote.
            let borrow = quote_spanned!(parent.span()=> &mut *(#parent));
            quote_spanned!(hidden=> ::wasm_function::__private::ScopeGuard::enter_child(#borrow))
        }
    };
    let binder_ty = quote_spanned!(binder.span()=>
        &mut ::wasm_function::__private::MemoryAllocator<'_>
    );
    // The body's statements go straight into the expansion's block: a block as the tail of
    // another would draw `unused_braces` ("remove these braces", which the macro then rejects)
    // and binding its value first would draw `unreachable_code` when the body diverges. Its
    // tail expression, if any, is the expansion's value. A labelled or attributed block stays
    // whole.
    let contents = if body.label.is_none() && body.attrs.is_empty() {
        let statements = &body.block.stmts;
        quote!(#(#statements)*)
    } else {
        quote!(#body)
    };
    let guard_span = binder.span();
    let open = quote_spanned!(guard_span=> let mut #guard = #enter;);
    let brand = quote_spanned!(guard_span=> let mut #handle = ::wasm_function::__private::ScopeGuard::handle(&mut #guard););
    quote! {
        {
            #open
            #brand
            let #binder: #binder_ty = &mut #handle;
            #contents
        }
    }
}
