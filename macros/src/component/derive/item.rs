//! Parses the item `#[derive(ComponentType)]` is on: its `#[component("ns:pkg/iface@version",
//! "name")]` attribute and its shape (named fields, one unnamed field, or enum cases), without
//! looking at WIT.

use proc_macro2::Span;
use syn::{Data, DeriveInput, Fields, Type};

use crate::errors::Errors;
use crate::wasm_function::ImportArgs;

/// The usage, for messages.
pub(crate) const USAGE: &str = "name the WIT type with `#[component(\"namespace:package/interface@version\", \"type-name\")]`, such as `#[component(\"wasi:clocks/wall-clock@0.2.0\", \"datetime\")]`";

/// A field with a name.
pub(crate) struct NamedField {
    pub(crate) ident: syn::Ident,
    pub(crate) ty: Type,
}

/// An enum case and its fields.
pub(crate) struct Case {
    pub(crate) ident: syn::Ident,
    pub(crate) fields: CaseFields,
}

/// What an enum case carries.
pub(crate) enum CaseFields {
    /// `Case`.
    Unit,
    /// `Case(T)`: one payload.
    One(Box<Type>),
    /// Anything else (several fields, named fields), with where to point.
    Other(Span),
}

/// The shape of the item.
pub(crate) enum Shape {
    /// `struct S { a: A, b: B }`.
    Named(Vec<NamedField>),
    /// `struct S(T);`.
    Newtype(Type),
    /// Another struct: a unit struct or several unnamed fields.
    OtherStruct(Span),
    /// `enum E { … }`.
    Enum(Vec<Case>),
}

/// The parsed item.
pub(crate) struct Item {
    pub(crate) input: DeriveInput,
    pub(crate) args: ImportArgs,
    pub(crate) shape: Shape,
}

/// Parses `input`; `None` (with errors recorded) when it is unusable.
pub(crate) fn parse(input: DeriveInput, errors: &mut Errors) -> Option<Item> {
    let mut args = None;
    for attr in input
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("component"))
    {
        if args.is_some() {
            errors.spanned(attr, "`#[component(..)]` is given twice: keep one");
            continue;
        }
        let tokens = match &attr.meta {
            syn::Meta::List(list) => list.tokens.clone(),
            _ => {
                errors.spanned(attr, USAGE);
                continue;
            }
        };
        args = Some(crate::wasm_function::parse_args(tokens, errors)?);
    }
    let Some(args) = args else {
        errors.spanned(
            &input.ident,
            format!("`ComponentType` needs its WIT type: {USAGE}"),
        );
        return None;
    };
    if args.name.is_none() {
        errors.spanned(
            &args.module,
            format!("the WIT type's name is missing: {USAGE}"),
        );
        return None;
    }
    if let Some(param) = input
        .generics
        .params
        .iter()
        .find(|p| !matches!(p, syn::GenericParam::Lifetime(_)))
    {
        errors.spanned(
            param,
            "a Rust type of a WIT type takes lifetimes only (for `&'a str` fields): remove the type or const parameter",
        );
    }
    let shape = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => Shape::Named(
                fields
                    .named
                    .iter()
                    .filter_map(|f| {
                        f.ident.clone().map(|ident| NamedField {
                            ident,
                            ty: f.ty.clone(),
                        })
                    })
                    .collect(),
            ),
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                Shape::Newtype(fields.unnamed[0].ty.clone())
            }
            other => Shape::OtherStruct(match other {
                Fields::Unit => input.ident.span(),
                _ => syn::spanned::Spanned::span(other),
            }),
        },
        Data::Enum(data) => Shape::Enum(
            data.variants
                .iter()
                .map(|v| Case {
                    ident: v.ident.clone(),
                    fields: match &v.fields {
                        Fields::Unit => CaseFields::Unit,
                        Fields::Unnamed(f) if f.unnamed.len() == 1 => {
                            CaseFields::One(Box::new(f.unnamed[0].ty.clone()))
                        }
                        other => CaseFields::Other(syn::spanned::Spanned::span(other)),
                    },
                })
                .collect(),
        ),
        Data::Union(data) => {
            errors.spanned(
                data.union_token,
                "a WIT type is a struct or an enum, not a union",
            );
            return None;
        }
    };
    Some(Item { input, args, shape })
}
