//! The user's Rust types against the WIT function's: each parameter and the result, checked
//! position by position, giving the [`Checked`] tree the lowering is generated from. A
//! mismatch is an error on the user's type saying what the WIT has and what to write.

use syn::{GenericArgument, PathArguments, Type, TypeReference};

use super::canonical::Wit;

/// Where a string or list comes from or goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A parameter: `&str`, `&[T]`, borrowed for the call.
    Borrowed,
    /// A result in memory from the global allocator: `String`, `Vec<T>`.
    Owned,
    /// A result in the caller's scope memory: `&'s str`, `&'s [T]`.
    Scoped,
}

/// A checked type: the WIT type, and how its Rust side is represented.
pub(crate) struct Checked {
    pub(crate) wit: Wit,
    pub(crate) kind: Kind,
}

pub(crate) enum Kind {
    /// `bool`, an integer, a float or `char`: the Rust primitive of the same meaning.
    Prim,
    /// `string`.
    Str(Mode),
    /// `list<T>`; `direct` when the element's Rust layout is its Canonical ABI layout (integers
    /// and floats), so the list is the Rust slice itself.
    List {
        elem: Box<Checked>,
        mode: Mode,
        direct: bool,
    },
    /// `option<T>`, `result<T, E>` (each `None` payload is `()`), `tuple<…>`.
    Option(Box<Checked>),
    Result(Option<Box<Checked>>, Option<Box<Checked>>),
    Tuple(Vec<Checked>),
    /// `own<R>` or `borrow<R>`: the handle as `u32`.
    Handle,
    /// `own<R>` inside a record or variant a result owns: the field's type, whichever it is
    /// (`u32`, or a `#[wasm_resource]` type, which then owns the handle).
    InferredOwn,
    /// `own<R>` inside a record or variant of a scoped list: `u32` only (scope memory runs no
    /// `Drop`), checked through a trait whose message says so.
    ScopedOwn,
    /// `own<R>` as the Rust resource type `R` (declared with `#[wasm_resource]`), or
    /// `borrow<R>` as `&R`; `path` is `R`.
    Resource {
        path: Box<Type>,
        own: bool,
    },
    /// `flags` of up to 32 members: their bits as `u8`, `u16` or `u32` (bit `i` is member `i`).
    Flags,
    /// `flags` as the user's `#[derive(ComponentType)]` type `path` (through `FlagsBits`), or
    /// `_` inside a record or variant (the field's type, whichever it is).
    FlagsType(Box<Type>),
    /// A WIT record, variant or enum, as the user's Rust type of that name (`path`): fields by
    /// their snake_case names, cases by their UpperCamelCase names, checked by the compiler on
    /// the expansion (each payload's representation follows the context: `String` or `&'s str`).
    Named {
        path: Box<Type>,
        children: Vec<Option<Checked>>,
    },
}

/// What the position allows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Param,
    /// A result; `scoped` when the function takes scope memory.
    Result {
        scoped: bool,
    },
}

/// A rejection: where and what.
pub(crate) struct Mismatch {
    pub(crate) at: proc_macro2::Span,
    pub(crate) message: String,
}

fn strip(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Paren(inner) => ty = &inner.elem,
            Type::Group(inner) => ty = &inner.elem,
            _ => return ty,
        }
    }
}

fn span(ty: &Type) -> proc_macro2::Span {
    syn::spanned::Spanned::span(ty)
}

/// The single identifier of a one-segment path type, and its type arguments.
fn path_parts(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(path) = strip(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segment = path.path.segments.last()?;
    let args = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((segment.ident.to_string(), args))
}

/// The Rust spelling of a WIT type, in a position, for "write `…`" advice.
pub(crate) fn rust_for(wit: &Wit, position: Position) -> String {
    let scoped = matches!(position, Position::Result { scoped: true });
    match wit {
        Wit::Bool => "bool".into(),
        Wit::U8 => "u8".into(),
        Wit::U16 => "u16".into(),
        Wit::U32 => "u32".into(),
        Wit::U64 => "u64".into(),
        Wit::S8 => "i8".into(),
        Wit::S16 => "i16".into(),
        Wit::S32 => "i32".into(),
        Wit::S64 => "i64".into(),
        Wit::F32 => "f32".into(),
        Wit::F64 => "f64".into(),
        Wit::Char => "char".into(),
        Wit::String => match position {
            Position::Param => "&str".into(),
            _ if scoped => "&'s str".into(),
            _ => "String".into(),
        },
        Wit::List(elem) => {
            let elem = rust_for(elem, position);
            match position {
                Position::Param => format!("&[{elem}]"),
                _ if scoped => format!("&'s [{elem}]"),
                _ => format!("Vec<{elem}>"),
            }
        }
        Wit::Tuple(elems) => {
            let elems: Vec<String> = elems.iter().map(|e| rust_for(e, position)).collect();
            if elems.len() == 1 {
                format!("({},)", elems[0])
            } else {
                format!("({})", elems.join(", "))
            }
        }
        Wit::Option(inner) => format!("Option<{}>", rust_for(inner, position)),
        Wit::Result(ok, err) => {
            let part = |t: &Option<Box<Wit>>| {
                t.as_ref()
                    .map_or_else(|| "()".to_owned(), |t| rust_for(t, position))
            };
            format!("Result<{}, {}>", part(ok), part(err))
        }
        Wit::Own(_) | Wit::Borrow(_) => "u32".into(),
        Wit::Record { name, .. } | Wit::Variant { name, .. } | Wit::Enum { name, .. } => {
            upper_camel(name)
        }
        Wit::Flags { count, .. } => flags_int(*count).unwrap_or("u32").to_owned(),
        Wit::Unsupported(_) => wit.display(),
    }
}

/// `kebab-case` → `UpperCamelCase`.
pub(crate) fn upper_camel(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// `kebab-case` → `snake_case`.
pub(crate) fn snake(name: &str) -> String {
    name.replace('-', "_")
}

/// The integer that holds `count` flags: `u8`, `u16` or `u32`; `None` beyond 32.
pub(crate) fn flags_int(count: usize) -> Option<&'static str> {
    match count {
        0..=8 => Some("u8"),
        9..=16 => Some("u16"),
        17..=32 => Some("u32"),
        _ => None,
    }
}

fn prim_name(wit: &Wit) -> Option<&'static str> {
    Some(match wit {
        Wit::Bool => "bool",
        Wit::U8 => "u8",
        Wit::U16 => "u16",
        Wit::U32 => "u32",
        Wit::U64 => "u64",
        Wit::S8 => "i8",
        Wit::S16 => "i16",
        Wit::S32 => "i32",
        Wit::S64 => "i64",
        Wit::F32 => "f32",
        Wit::F64 => "f64",
        Wit::Char => "char",
        _ => return None,
    })
}

/// Whether a list of this element is passed as the Rust slice itself.
fn is_direct(wit: &Wit) -> bool {
    matches!(
        wit,
        Wit::U8
            | Wit::U16
            | Wit::U32
            | Wit::U64
            | Wit::S8
            | Wit::S16
            | Wit::S32
            | Wit::S64
            | Wit::F32
            | Wit::F64
    )
}

/// Checks `ty` against `wit` in `position`.
pub(crate) fn check(ty: &Type, wit: &Wit, position: Position) -> Result<Checked, Mismatch> {
    let mismatch = |extra: &str| Mismatch {
        at: span(ty),
        message: format!(
            "the WIT has `{}` here: write `{}`{extra}",
            wit.display(),
            rust_for(wit, position)
        ),
    };
    let done = |kind| {
        Ok(Checked {
            wit: wit.clone(),
            kind,
        })
    };
    let mode = match position {
        Position::Param => Mode::Borrowed,
        Position::Result { scoped: true } => Mode::Scoped,
        Position::Result { scoped: false } => Mode::Owned,
    };
    let ty = strip(ty);
    if let Some(name) = prim_name(wit) {
        return match path_parts(ty) {
            Some((have, args)) if have == name && args.is_empty() => done(Kind::Prim),
            _ => Err(mismatch("")),
        };
    }
    match wit {
        Wit::String => match (position, ty) {
            (Position::Param, Type::Reference(reference)) if is_str(reference) && reference.mutability.is_none() => {
                done(Kind::Str(Mode::Borrowed))
            }
            (Position::Result { scoped: true }, Type::Reference(reference)) if is_str(reference) && reference.mutability.is_none() => {
                done(Kind::Str(Mode::Scoped))
            }
            (Position::Result { scoped: false }, Type::Reference(reference)) if is_str(reference) => {
                Err(Mismatch {
                    at: span(ty),
                    message: "a `&str` result needs memory to live in: return `String` (global allocator, runtime feature `std`), or take `memory: &MemoryAllocator<'s>` as the first parameter and return `&'s str`".to_owned(),
                })
            }
            (Position::Result { .. }, _) if path_parts(ty).is_some_and(|(n, a)| n == "String" && a.is_empty()) => {
                done(Kind::Str(Mode::Owned))
            }
            _ => Err(mismatch("")),
        },
        Wit::List(elem) => {
            let elem_ty: Option<&Type> = match (position, ty) {
                (Position::Param | Position::Result { scoped: true }, Type::Reference(TypeReference { elem: inner, mutability: None, .. })) => match strip(inner) {
                    Type::Slice(slice) => Some(&slice.elem),
                    _ => None,
                },
                (Position::Result { .. }, _) => match path_parts(ty) {
                    Some((name, args)) if name == "Vec" && args.len() == 1 => Some(args[0]),
                    _ => None,
                },
                _ => None,
            };
            let Some(elem_ty) = elem_ty else {
                if position == (Position::Result { scoped: false }) && matches!(ty, Type::Reference(_)) {
                    return Err(Mismatch {
                        at: span(ty),
                        message: format!("a slice result needs memory to live in: return `{}`, or take `memory: &MemoryAllocator<'s>` as the first parameter and return `&'s [{}]`", rust_for(wit, position), rust_for(elem, position)),
                    });
                }
                return Err(mismatch(""));
            };
            let list_mode = match (position, ty) {
                (Position::Param, _) => Mode::Borrowed,
                (_, Type::Reference(_)) => Mode::Scoped,
                _ => Mode::Owned,
            };
            let direct = is_direct(elem);
            let mut elem = check(elem_ty, elem, position)?;
            if list_mode == Mode::Scoped {
                // Inside records and variants of the list, an `own<R>` field is its raw handle.
                raw_handles(&mut elem);
                // Scope memory is freed without running `Drop`: a resource in it would never
                // give its handle back.
                let mut inside = Vec::new();
                super::lower::resources(&elem, &mut inside);
                if let Some((resource, resource_wit)) = inside.first() {
                    return Err(Mismatch {
                        at: span(resource),
                        message: format!(
                            "a `#[wasm_resource]` type inside a scoped list would never be dropped (scope memory runs no `Drop`, so the handle of `{}` would leak): write the handle as `u32` here and wrap it once it is out of the list, or return a `Vec` (runtime feature `std`), whose elements are dropped",
                            super::canonical::resource_name(resource_wit),
                        ),
                    });
                }
            }
            done(Kind::List {
                elem: Box::new(elem),
                mode: list_mode,
                direct,
            })
        }
        Wit::Option(inner) => match path_parts(ty) {
            Some((name, args)) if name == "Option" && args.len() == 1 => {
                done(Kind::Option(Box::new(check(args[0], inner, position)?)))
            }
            _ => Err(mismatch("")),
        },
        Wit::Result(ok, err) => match path_parts(ty) {
            Some((name, args)) if name == "Result" && args.len() == 2 => {
                let part = |rust: &Type, wit: &Option<Box<Wit>>| -> Result<Option<Box<Checked>>, Mismatch> {
                    match wit {
                        None => match strip(rust) {
                            Type::Tuple(tuple) if tuple.elems.is_empty() => Ok(None),
                            _ => Err(Mismatch {
                                at: span(rust),
                                message: format!("the WIT's `{}` has no payload here: write `()`", Wit::Result(ok.clone(), err.clone()).display()),
                            }),
                        },
                        Some(wit) => check(rust, wit, position).map(|c| Some(Box::new(c))),
                    }
                };
                let ok = part(args[0], ok)?;
                let err = part(args[1], err)?;
                done(Kind::Result(ok, err))
            }
            _ => Err(mismatch("")),
        },
        Wit::Tuple(elems) => match ty {
            Type::Tuple(tuple) if tuple.elems.len() == elems.len() && !elems.is_empty() => {
                let checked = tuple
                    .elems
                    .iter()
                    .zip(elems)
                    .map(|(rust, wit)| check(rust, wit, position))
                    .collect::<Result<Vec<_>, _>>()?;
                done(Kind::Tuple(checked))
            }
            _ => Err(mismatch("")),
        },
        Wit::Own(name) | Wit::Borrow(name) => {
            let own = matches!(wit, Wit::Own(_));
            let resource = super::canonical::resource_name(name);
            let camel = upper_camel(resource);
            let raw = path_parts(ty).is_some_and(|(n, a)| n == "u32" && a.is_empty());
            match (own, ty) {
                _ if raw => done(Kind::Handle),
                (false, Type::Reference(reference)) if reference.mutability.is_none() => {
                    done(Kind::Resource {
                        path: Box::new((*reference.elem).clone()),
                        own,
                    })
                }
                (true, Type::Path(path)) if path.qself.is_none() && prim_name_of(ty).is_none() => {
                    done(Kind::Resource {
                        path: Box::new(ty.clone()),
                        own,
                    })
                }
                (true, Type::Reference(_)) => Err(Mismatch {
                    at: span(ty),
                    message: format!(
                        "the WIT has `{}` here, which moves the resource: write `{camel}` (your `#[wasm_resource]` type), not a reference",
                        wit.display()
                    ),
                }),
                (false, _) => Err(Mismatch {
                    at: span(ty),
                    message: format!(
                        "the WIT has `{}` here, which lends the resource for the call: write `&{camel}` (your `#[wasm_resource]` type), or the raw handle as `u32`",
                        wit.display()
                    ),
                }),
                _ => Err(mismatch(&format!(
                    " (the raw handle), or `{camel}`, your `#[wasm_resource]` type"
                ))),
            }
        }        Wit::Record { .. } | Wit::Variant { .. } | Wit::Enum { .. } => match ty {
            Type::Path(path) if path.qself.is_none() && prim_name_of(ty).is_none() => {
                let children = named_children(wit, mode);
                done(Kind::Named {
                    path: Box::new(ty.clone()),
                    children,
                })
            }
            _ => Err(mismatch(&format!(
                " (your Rust type for the WIT {} `{}`)",
                match wit {
                    Wit::Record { .. } => "record",
                    Wit::Variant { .. } => "variant",
                    _ => "enum",
                },
                wit.display()
            ))),
        },
        Wit::Flags { count, .. } => match flags_int(*count) {
            None => Err(Mismatch {
                at: span(ty),
                message: format!(
                    "the WIT has the flags `{}` with {count} members, more than the 32 components allow",
                    wit.display()
                ),
            }),
            Some(int) => match path_parts(ty) {
                Some((have, args)) if have == int && args.is_empty() => done(Kind::Flags),
                _ if matches!(ty, Type::Path(path) if path.qself.is_none()) && prim_name_of(ty).is_none() => {
                    done(Kind::FlagsType(Box::new(ty.clone())))
                }
                _ => Err(mismatch(&format!(
                    " (the {count} flags of `{}` as bits, member i at bit i), or your `#[derive(ComponentType)]` type of them",
                    wit.display()
                ))),
            },
        },
        Wit::Unsupported(name) => Err(Mismatch {
            at: span(ty),
            message: format!("the WIT has `{name}` here, which this crate does not lower"),
        }),
        _ => Err(mismatch("")),
    }
}

fn prim_name_of(ty: &Type) -> Option<String> {
    let (name, args) = path_parts(ty)?;
    let known = [
        "bool", "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "f32", "f64", "char",
        "String", "Vec", "Option", "Result", "str", "usize", "isize", "u128", "i128",
    ];
    (args.is_empty() && known.contains(&name.as_str())
        || ["Vec", "Option", "Result", "String"].contains(&name.as_str()))
    .then_some(name)
}

fn is_str(reference: &TypeReference) -> bool {
    matches!(strip(&reference.elem), Type::Path(path) if path.qself.is_none() && path.path.is_ident("str"))
}

/// Every `own<R>` field of a record or variant in `checked` as its raw handle, `u32`: what a
/// scoped list holds, since scope memory runs no `Drop`.
fn raw_handles(checked: &mut Checked) {
    match &mut checked.kind {
        Kind::InferredOwn => checked.kind = Kind::ScopedOwn,
        Kind::List { elem, .. } | Kind::Option(elem) => raw_handles(elem),
        Kind::Result(ok, err) => {
            for child in ok.iter_mut().chain(err.iter_mut()) {
                raw_handles(child);
            }
        }
        Kind::Tuple(children) => children.iter_mut().for_each(raw_handles),
        Kind::Named { children, .. } => children.iter_mut().flatten().for_each(raw_handles),
        _ => {}
    }
}

/// The representation of a named type's fields or payloads: inferred from WIT and `mode`.
fn named_children(wit: &Wit, mode: Mode) -> Vec<Option<Checked>> {
    let types: Vec<Option<&Wit>> = match wit {
        Wit::Record { fields, .. } => fields.iter().map(|(_, t)| Some(t)).collect(),
        _ => wit.cases().unwrap_or_default(),
    };
    types
        .into_iter()
        .map(|t| t.map(|t| infer(t, mode)))
        .collect()
}

/// The representation a WIT type takes inside a named type.
pub(crate) fn infer(wit: &Wit, mode: Mode) -> Checked {
    let kind = match wit {
        Wit::String => Kind::Str(mode),
        Wit::List(elem) => Kind::List {
            elem: Box::new(infer(elem, mode)),
            mode,
            direct: is_direct(elem),
        },
        Wit::Option(inner) => Kind::Option(Box::new(infer(inner, mode))),
        Wit::Result(ok, err) => Kind::Result(
            ok.as_ref().map(|t| Box::new(infer(t, mode))),
            err.as_ref().map(|t| Box::new(infer(t, mode))),
        ),
        Wit::Tuple(elems) => Kind::Tuple(elems.iter().map(|t| infer(t, mode)).collect()),
        Wit::Own(_) => Kind::InferredOwn,
        Wit::Borrow(_) => Kind::Handle,
        // `u8`/`u16`/`u32` or a derived flags type, whichever the field is.
        Wit::Flags { .. } => Kind::FlagsType(Box::new(syn::parse_quote!(_))),
        Wit::Record { name, .. } | Wit::Variant { name, .. } | Wit::Enum { name, .. } => {
            let ident = syn::Ident::new(&upper_camel(name), proc_macro2::Span::call_site());
            Kind::Named {
                path: Box::new(syn::parse_quote!(#ident)),
                children: named_children(wit, mode),
            }
        }
        _ => Kind::Prim,
    };
    Checked {
        wit: wit.clone(),
        kind,
    }
}
