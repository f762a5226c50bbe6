//! Parses the attribute's arguments: `("module")` or `("module", "name")`.

use proc_macro2::{Span, TokenStream};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Expr, ExprLit, Lit, LitStr, Token};

use crate::errors::Errors;

const USAGE: &str = "write `#[wasm_function(\"module\", \"name\")]`, or `#[wasm_function(\"module\")]` to import the function's own name";

/// The import's module and, when given, its name.
pub(crate) struct ImportArgs {
    pub(crate) module: LitStr,
    pub(crate) name: Option<LitStr>,
    /// `wit = "path"`: where the WIT of an interface module is (for the Component Model).
    pub(crate) wit: Option<LitStr>,
}

/// Parses the arguments, recording every problem in `errors`; `None` when they are unusable.
pub(crate) fn parse(args: TokenStream, errors: &mut Errors) -> Option<ImportArgs> {
    let list = match Punctuated::<Expr, Token![,]>::parse_terminated.parse2(args.clone()) {
        Ok(list) => list,
        Err(error) => {
            errors.push(syn::Error::new(
                error.span(),
                format!("expected string literals: {USAGE}"),
            ));
            return None;
        }
    };
    if list.is_empty() {
        errors.at(
            Span::call_site(),
            format!("missing the import module: {USAGE}"),
        );
        return None;
    }
    let mut slots: [Option<LitStr>; 2] = [None, None];
    let mut wit = None;
    let mut positional = 0;
    for expr in &list {
        // A literal passed through a `macro_rules!` fragment arrives in an invisible group.
        let mut expr = expr;
        while let Expr::Group(group) = expr {
            expr = &group.expr;
        }
        if let Expr::Assign(assign) = expr {
            if let Some(value) = wit_path(assign, errors) {
                if wit.is_some() {
                    errors.spanned(expr, "`wit` is given twice: keep one");
                }
                wit = Some(value);
            }
            continue;
        }
        let index = positional;
        positional += 1;
        let what = if index == 0 { "module" } else { "name" };
        match expr {
            Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) if index < 2 => {
                if lit.value().is_empty() {
                    errors.spanned(lit, format!("the import {what} must not be empty: {USAGE}"));
                } else if !lit.suffix().is_empty() {
                    errors.spanned(
                        lit,
                        format!(
                            "remove the suffix `{}` from the string: {USAGE}",
                            lit.suffix()
                        ),
                    );
                }
                slots[index] = Some(lit.clone());
            }
            _ if index >= 2 => {
                errors.spanned(
                    expr,
                    format!("unexpected argument: the attribute takes at most two, {USAGE}"),
                );
            }
            _ => {
                errors.spanned(
                    expr,
                    format!("expected the import {what} as a string literal: {USAGE}"),
                );
            }
        }
    }
    let [module, name] = slots;
    Some(ImportArgs {
        module: module?,
        name,
        wit,
    })
}

/// `wit = "path"`, or an error when the assignment is something else.
fn wit_path(assign: &syn::ExprAssign, errors: &mut Errors) -> Option<LitStr> {
    let is_wit = matches!(&*assign.left, Expr::Path(path) if path.path.is_ident("wit"));
    if !is_wit {
        errors.spanned(
            &assign.left,
            "unknown option: the only one is `wit = \"path\"`, the WIT directory of an interface module",
        );
        return None;
    }
    match &*assign.right {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) if !lit.value().is_empty() => Some(lit.clone()),
        other => {
            errors.spanned(
                other,
                "expected the WIT directory as a string: `wit = \"wit\"`, relative to the file the attribute is in",
            );
            None
        }
    }
}
