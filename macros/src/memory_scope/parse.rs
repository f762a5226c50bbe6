//! The grammar: `|binder| body` or `|binder| in parent body`. Parsing is deliberately lenient
//! about what a binder or a body may be ([`super::validate`] says what is wrong with them);
//! it fails only where the input does not have that shape at all.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Expr, Pat, Token, Type};

/// The macro input as written.
pub(super) struct ScopeInput {
    /// The span of `|…|` (or of `||`), for errors about the binder list as a whole.
    pub(super) pipes: Span,
    /// What stands between the pipes, in order.
    pub(super) binders: Vec<Binder>,
    /// The parent handle after `in`, if any.
    pub(super) parent: Option<Expr>,
    /// The body: anything that parses as an expression.
    pub(super) body: Expr,
}

/// One entry of the binder list: a pattern with an optional type.
pub(super) struct Binder {
    pub(super) pat: Pat,
    pub(super) ty: Option<Type>,
}

const USAGE: &str = "write `with_memory_allocator!(|mem| { ... })`";

impl Parse for ScopeInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("expected a binder and a block: {USAGE}"),
            ));
        }
        let (pipes, binders) = if input.peek(Token![||]) {
            let pipes: Token![||] = input.parse()?;
            (pipes.span(), Vec::new())
        } else if input.peek(Token![|]) {
            parse_binders(input)?
        } else if input.peek(syn::token::Brace) {
            return Err(input.error(format!(
                "missing binder: name the scope's handle before the block, {USAGE}"
            )));
        } else {
            return Err(input.error(format!(
                "expected `|mem|`, the name of the scope's handle between pipes: {USAGE}"
            )));
        };
        let parent = if input.peek(Token![in]) {
            let _in: Token![in] = input.parse()?;
            if input.is_empty() {
                return Err(syn::Error::new(
                    _in.span,
                    "expected the parent scope's handle after `in`: write `with_memory_allocator!(|child| in mem { ... })`",
                ));
            }
            Some(Expr::parse_without_eager_brace(input)?)
        } else {
            None
        };
        if input.is_empty() {
            return Err(syn::Error::new(
                pipes,
                format!("missing block: write the scope's body after the binder, {USAGE}"),
            ));
        }
        let body: Expr = input.parse()?;
        if !input.is_empty() {
            return Err(input.error(format!(
                "unexpected tokens after the block: the macro takes one binder and one block, {USAGE}"
            )));
        }
        Ok(Self {
            pipes,
            binders,
            parent,
            body,
        })
    }
}

/// `| pat (: Type)? (, pat (: Type)?)* ,? |`
fn parse_binders(input: ParseStream<'_>) -> syn::Result<(Span, Vec<Binder>)> {
    let open: Token![|] = input.parse()?;
    let mut binders = Vec::new();
    loop {
        if input.peek(Token![|]) {
            break;
        }
        if input.is_empty() {
            return Err(syn::Error::new(
                open.span,
                format!("unclosed binder: add the closing `|`, {USAGE}"),
            ));
        }
        let pat = Pat::parse_single(input)?;
        let ty = if input.peek(Token![:]) {
            let _colon: Token![:] = input.parse()?;
            Some(input.parse::<Type>()?)
        } else {
            None
        };
        binders.push(Binder { pat, ty });
        if input.peek(Token![|]) {
            break;
        }
        if input.is_empty() {
            return Err(syn::Error::new(
                open.span,
                format!("unclosed binder: add the closing `|`, {USAGE}"),
            ));
        }
        let _comma: Token![,] = input.parse()?;
    }
    let close: Token![|] = input.parse()?;
    let pipes = open.span.join(close.span).unwrap_or(open.span);
    Ok((pipes, binders))
}
