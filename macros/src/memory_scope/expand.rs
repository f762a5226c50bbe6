//! The expansion: ordinary blocks, so that `?`, `return`, `break` and `continue` in the body act
//! on the enclosing code.
//!
//! ```text
//! {
//!     let scope = ::wasm_function::__private::ScopeGuard::enter();   // or enter_child(&mut *(parent))
//!     let value = {
//!         let mut mem = ::wasm_function::__private::ScopeBrand::new();
//!         let mut mem = unsafe { ::wasm_function::__private::ScopeGuard::handle_unchecked(&scope, &mut mem) };
//!         let mem: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut mem;
//!         /* the statements of the body, its tail expression last */
//!     };
//!     #[allow(unreachable_code, clippy::diverging_sub_expression)] // a body that diverges
//!     let value = ::wasm_function::__private::ScopeGuard::close_with(scope, value);
//!     value
//! }
//! ```
//!
//! `scope` is the guard, under a `mixed_site` name the body cannot reach: the normal way out
//! closes it with an inlined call, every other way out (an early return, `?`, `break`, a panic)
//! in its drop. The first `mem` is the brand: the handle's lifetime `'id` is a mutable borrow
//! of it, declared in the inner block, so no segment can outlive that block, which ends before
//! the guard closes on every path (the contract of `handle_unchecked`). The handle has a (no-op)
//! `Drop`, so the borrow checker keeps `'id` alive to the end of the inner block: the brand is
//! pinned to exactly that block and, being invariant, differs from every other scope's. The
//! third `mem` is what the body sees; it shadows the other two. The body's own locals are
//! declared later, so they are dropped before the scope closes. With a `_` binder the brand and
//! handle get `mixed_site` names too.
//!
//! Why not close in the guard's drop alone (the guard as the brand): opt-level "z" keeps
//! `drop_in_place::<ScopeGuard>` out of line, and the guard's entry then goes through the stack
//! for the call, which cost a scope 48 fuel against bump-scope's 12. Closing by moving the guard
//! while the brand is the guard itself would turn the "`mem` does not live long enough" errors
//! for escaping segments into "cannot move out of `mem` because it is borrowed".

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
            quote_spanned!(hidden=> brand),
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
    let scope_guard = quote_spanned!(hidden=> scope);
    let value = quote_spanned!(hidden=> value);
    let open = quote_spanned!(guard_span=> let #scope_guard = #enter;);
    // The brand's borrow is spanned on the binder, where "does not live long enough" points.
    let borrow = quote_spanned!(guard_span=> &mut #guard);
    // The `unsafe` block has the macro's own span, so that `unsafe_code` (which a crate may
    // forbid) treats it as the macro's code, not the user's.
    let handle_unchecked = quote_spanned!(hidden=>
        // SAFETY: the brand is declared in this block, which ends on every way out before the
        // guard (declared outside it, under a name the body cannot reach) closes or drops.
        unsafe { ::wasm_function::__private::ScopeGuard::handle_unchecked(&#scope_guard, #borrow) }
    );
    let brand = quote_spanned!(guard_span=>
        let mut #guard = ::wasm_function::__private::ScopeBrand::new();
        let mut #handle = #handle_unchecked;
    );
    // On the binder, so that a borrow the close conflicts with (a parent used while its child
    // is open) is shown there.
    let close = quote_spanned!(guard_span=>
        ::wasm_function::__private::ScopeGuard::close_with(#scope_guard, #value)
    );
    quote! {
        {
            #open
            let #value = {
                #brand
                let #binder: #binder_ty = &mut #handle;
                #contents
            };
            #[allow(unreachable_code, clippy::diverging_sub_expression)]
            let #value = #close;
            #value
        }
    }
}
