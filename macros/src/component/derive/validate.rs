//! Checks a parsed item against its WIT type: a record's fields (names, count, order and each
//! type, with the checker `#[wasm_function]` uses), a variant's cases and payloads, an enum's
//! cases, and the integer of a flags newtype. Every mismatch is an error on the user's token
//! saying what the WIT has and what to write.

use std::collections::HashSet;

use syn::Type;
use syn::ext::IdentExt as _;
use wit_parser::{Resolve, TypeDefKind};

use super::item::{CaseFields, Item, Shape};
use crate::component::canonical::Wit;
use crate::component::check::{self, Position, snake, upper_camel};
use crate::component::resolve::FoundType;
use crate::errors::Errors;
use crate::wasm_function::nearest_name;

/// What the derive generates from.
pub(crate) struct Validated {
    /// `ns:pkg/iface@version#name`.
    pub(crate) qualified: String,
    /// For flags: the members (kebab-case, bit order) and the integer holding them.
    pub(crate) flags: Option<(Vec<String>, &'static str)>,
}

/// The WIT definition a derive stands for.
pub(crate) enum Def {
    Record(Vec<(String, Wit)>),
    Variant(Vec<(String, Option<Wit>)>),
    Enum(Vec<String>),
    Flags(Vec<String>),
}

impl Def {
    /// The definition of `found` in `resolve`.
    pub(crate) fn of(resolve: &Resolve, found: &FoundType) -> Option<Self> {
        let wit = |ty| Wit::from_wit(resolve, ty);
        Some(match &resolve.types[found.id].kind {
            TypeDefKind::Record(record) => Self::Record(
                record
                    .fields
                    .iter()
                    .map(|f| (f.name.clone(), wit(&f.ty)))
                    .collect(),
            ),
            TypeDefKind::Variant(variant) => Self::Variant(
                variant
                    .cases
                    .iter()
                    .map(|c| (c.name.clone(), c.ty.as_ref().map(wit)))
                    .collect(),
            ),
            TypeDefKind::Enum(e) => Self::Enum(e.cases.iter().map(|c| c.name.clone()).collect()),
            TypeDefKind::Flags(flags) => {
                Self::Flags(flags.flags.iter().map(|f| f.name.clone()).collect())
            }
            _ => return None,
        })
    }
}

/// The Rust spelling of a field or payload type, for "write …" advice: owned forms.
fn rust(wit: &Wit) -> String {
    check::rust_for(wit, Position::Result { scoped: false })
}

/// Checks a field's or payload's Rust type against its WIT type: borrowed forms (`&'a str`,
/// `&'a [T]`) when the type holds a reference, owned forms (`String`, `Vec<T>`) otherwise.
fn check_type(ty: &Type, wit: &Wit, context: &str, errors: &mut Errors) -> bool {
    let borrowed = quote::quote!(#ty).to_string().contains('&');
    let position = if borrowed {
        Position::Param
    } else {
        Position::Result { scoped: false }
    };
    match check::check(ty, wit, position) {
        Ok(_) => true,
        Err(mismatch) => {
            errors.at(mismatch.at, format!("{context}: {}", mismatch.message));
            false
        }
    }
}

/// One name the WIT has, as Rust spells it, with what to write for it when it is missing.
struct Wanted {
    rust: String,
    wit: String,
    write: String,
}

/// Matches the Rust names against the WIT's (count and order included): unknown names get the
/// nearest missing one suggested, missing names are reported on the item's name. Returns
/// whether every name matched, in order.
fn match_names(
    what: &str,
    wanted: &[Wanted],
    have: &[&syn::Ident],
    item: &syn::Ident,
    errors: &mut Errors,
) -> bool {
    let have_names: Vec<String> = have.iter().map(|i| i.unraw().to_string()).collect();
    let wanted_names: Vec<&str> = wanted.iter().map(|w| w.rust.as_str()).collect();
    let missing: Vec<&str> = wanted_names
        .iter()
        .copied()
        .filter(|w| !have_names.iter().any(|h| h == w))
        .collect();
    let mut ok = true;
    let mut suggested = HashSet::new();
    let mut seen = HashSet::new();
    for (ident, name) in have.iter().zip(&have_names) {
        if !seen.insert(name.clone()) {
            continue;
        }
        if wanted_names.contains(&name.as_str()) {
            continue;
        }
        ok = false;
        match nearest_name(name, missing.iter().copied()) {
            Some(near) if suggested.insert(near) => {
                let wit = wanted
                    .iter()
                    .find(|w| w.rust == near)
                    .map_or("", |w| w.wit.as_str());
                errors.spanned(
                    ident,
                    format!("{what} has no `{name}`; did you mean `{near}` (the WIT's `{wit}`)?"),
                );
            }
            _ => {
                let all: Vec<&str> = wanted.iter().map(|w| w.wit.as_str()).collect();
                errors.spanned(
                    ident,
                    format!(
                        "{what} has no `{name}`: remove it (the WIT has {})",
                        all.join(", ")
                    ),
                );
            }
        }
    }
    for want in wanted {
        if !have_names.contains(&want.rust) && !suggested.contains(want.rust.as_str()) {
            ok = false;
            errors.spanned(
                item,
                format!(
                    "{what} has `{}`, which this type lacks: add `{}`",
                    want.wit, want.write
                ),
            );
        }
    }
    if ok && have_names != wanted_names {
        ok = false;
        let first = have
            .iter()
            .zip(have_names.iter().zip(&wanted_names))
            .find(|(_, (h, w))| h != *w)
            .map_or(item, |(ident, _)| *ident);
        errors.spanned(
            first,
            format!(
                "{what} has these in the order {}: write them in that order",
                wanted_names.join(", ")
            ),
        );
    }
    ok
}

/// Checks `item` against `def`; `None` (with errors recorded) when they disagree.
pub(crate) fn validate(
    item: &Item,
    def: &Def,
    found: &FoundType,
    errors: &mut Errors,
) -> Option<Validated> {
    let ident = &item.input.ident;
    let wit_name = found.qualified.rsplit('#').next().unwrap_or_default();
    let camel = upper_camel(wit_name);
    let mut ok = true;
    let mut flags = None;
    match (def, &item.shape) {
        (Def::Record(fields), Shape::Named(have)) => {
            let what = format!("the WIT record `{wit_name}`");
            let wanted: Vec<Wanted> = fields
                .iter()
                .map(|(name, wit)| Wanted {
                    rust: snake(name),
                    wit: format!("{name}: {}", wit.display()),
                    write: format!("{}: {}", snake(name), rust(wit)),
                })
                .collect();
            let idents: Vec<&syn::Ident> = have.iter().map(|f| &f.ident).collect();
            ok &= match_names(&what, &wanted, &idents, ident, errors);
            for field in have {
                let name = field.ident.unraw().to_string();
                if let Some((wit_field, wit)) = fields.iter().find(|(n, _)| snake(n) == name) {
                    let context = format!("field `{wit_field}` of {what}");
                    ok &= check_type(&field.ty, wit, &context, errors);
                }
            }
        }
        (Def::Variant(_) | Def::Enum(_), Shape::Enum(have)) => {
            let (what, cases): (String, Vec<(String, Option<Wit>)>) = match def {
                Def::Variant(cases) => (format!("the WIT variant `{wit_name}`"), cases.clone()),
                Def::Enum(cases) => (
                    format!("the WIT enum `{wit_name}`"),
                    cases.iter().map(|c| (c.clone(), None)).collect(),
                ),
                _ => return None,
            };
            let wanted: Vec<Wanted> = cases
                .iter()
                .map(|(name, payload)| Wanted {
                    rust: upper_camel(name),
                    wit: match payload {
                        Some(wit) => format!("{name}({})", wit.display()),
                        None => name.clone(),
                    },
                    write: match payload {
                        Some(wit) => format!("{}({})", upper_camel(name), rust(wit)),
                        None => upper_camel(name),
                    },
                })
                .collect();
            let idents: Vec<&syn::Ident> = have.iter().map(|c| &c.ident).collect();
            ok &= match_names(&what, &wanted, &idents, ident, errors);
            for case in have {
                let name = case.ident.unraw().to_string();
                let Some((wit_case, payload)) = cases.iter().find(|(n, _)| upper_camel(n) == name)
                else {
                    continue;
                };
                let context = format!("case `{wit_case}` of {what}");
                let at = match &case.fields {
                    CaseFields::Other(span) => *span,
                    CaseFields::One(ty) => syn::spanned::Spanned::span(ty),
                    CaseFields::Unit => case.ident.span(),
                };
                match (payload, &case.fields) {
                    (None, CaseFields::Unit) => {}
                    (Some(wit), CaseFields::One(ty)) => {
                        ok &= check_type(ty, wit, &context, errors);
                    }
                    (None, _) => {
                        ok = false;
                        errors.at(at, format!("{context} carries nothing: write `{name}`"));
                    }
                    (Some(wit), _) => {
                        ok = false;
                        errors.at(
                            at,
                            format!(
                                "{context} carries `{}`: write `{name}({})`",
                                wit.display(),
                                rust(wit)
                            ),
                        );
                    }
                }
            }
        }
        (Def::Flags(members), Shape::Newtype(ty)) => {
            let Some(int) = check::flags_int(members.len()) else {
                errors.spanned(
                    ident,
                    format!(
                        "the WIT flags `{wit_name}` have {} members, more than the 32 components allow",
                        members.len()
                    ),
                );
                return None;
            };
            if !item.input.generics.params.is_empty() {
                ok = false;
                errors.spanned(
                    &item.input.generics,
                    format!("a flags type holds only its bits: remove the generics, `struct {ident}({int});`"),
                );
            }
            let is_int = matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.is_ident(int));
            if !is_int {
                ok = false;
                errors.spanned(
                    ty,
                    format!(
                        "the WIT flags `{wit_name}` have {} members, held as the bits of a `{int}`: write `struct {ident}({int});`",
                        members.len()
                    ),
                );
            }
            flags = Some((members.clone(), int));
        }
        (def, shape) => {
            ok = false;
            let at = match shape {
                Shape::OtherStruct(span) => *span,
                _ => ident.span(),
            };
            let shape = match def {
                Def::Record(fields) => {
                    let fields: Vec<String> = fields
                        .iter()
                        .map(|(n, w)| format!("{}: {}", snake(n), rust(w)))
                        .collect();
                    format!(
                        "record: declare a struct with named fields, `struct {camel} {{ {} }}`",
                        fields.join(", ")
                    )
                }
                Def::Variant(cases) => {
                    let cases: Vec<String> = cases
                        .iter()
                        .map(|(n, p)| match p {
                            Some(w) => format!("{}({})", upper_camel(n), rust(w)),
                            None => upper_camel(n),
                        })
                        .collect();
                    format!("variant: declare `enum {camel} {{ {} }}`", cases.join(", "))
                }
                Def::Enum(cases) => {
                    let cases: Vec<String> = cases.iter().map(|n| upper_camel(n)).collect();
                    format!("enum: declare `enum {camel} {{ {} }}`", cases.join(", "))
                }
                Def::Flags(members) => format!(
                    "flags: declare `struct {camel}({});` (the derive adds a const per member)",
                    check::flags_int(members.len()).unwrap_or("u32")
                ),
            };
            errors.at(at, format!("the WIT `{wit_name}` is a {shape}"));
        }
    }
    ok.then(|| Validated {
        qualified: found.qualified.clone(),
        flags,
    })
}
