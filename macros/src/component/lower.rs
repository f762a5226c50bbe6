//! Generates the Canonical ABI lowering and lifting of one [`Checked`] value: into flat core
//! values (parameters), into and out of linear memory (parameters beyond 16 flat values,
//! return areas, list elements), and out of one flat core value (a result that fits in one).
//!
//! Every generated statement uses helpers from `::wasm_function::__private::component`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use super::canonical::{self, Flat, Wit};
use super::check::{Checked, Kind, Mode, snake, upper_camel};

/// Fresh local names, unique within one expansion, and the scope memory parameter, if the
/// function takes one (parameter lists that need laying out are then laid out there).
pub(crate) struct Locals(usize, Option<syn::Ident>);

impl Locals {
    pub(crate) fn with_memory(memory: Option<syn::Ident>) -> Self {
        Self(0, memory)
    }

    pub(crate) fn next(&mut self, what: &str) -> syn::Ident {
        self.0 += 1;
        format_ident!("__{}{}", what, self.0, span = Span::mixed_site())
    }
}

fn helper(name: &str) -> TokenStream {
    let name = syn::Ident::new(name, Span::call_site());
    quote!(::wasm_function::__private::component::#name)
}

fn flat_ty(flat: Flat) -> TokenStream {
    let ident = syn::Ident::new(flat.name(), Span::call_site());
    quote!(#ident)
}

pub(crate) fn flat_types(flats: &[Flat]) -> Vec<TokenStream> {
    flats.iter().map(|f| flat_ty(*f)).collect()
}

fn zero(flat: Flat) -> TokenStream {
    match flat {
        Flat::I32 => quote!(0i32),
        Flat::I64 => quote!(0i64),
        Flat::F32 => quote!(0f32),
        Flat::F64 => quote!(0f64),
    }
}

/// The Rust primitive of a scalar WIT type.
fn prim(wit: &Wit) -> TokenStream {
    let name = match wit {
        Wit::Bool => "bool",
        Wit::U8 => "u8",
        Wit::U16 => "u16",
        Wit::U32 | Wit::Own(_) | Wit::Borrow(_) => "u32",
        Wit::U64 => "u64",
        Wit::S8 => "i8",
        Wit::S16 => "i16",
        Wit::S32 => "i32",
        Wit::S64 => "i64",
        Wit::F32 => "f32",
        Wit::F64 => "f64",
        _ => "char",
    };
    let ident = syn::Ident::new(name, Span::call_site());
    quote!(#ident)
}

/// A value moved from one flat type into the joined type of its variant position.
fn coerce(from: Flat, to: Flat, value: TokenStream) -> TokenStream {
    match (from, to) {
        (a, b) if a == b => value,
        (Flat::I32, Flat::I64) => quote!(((#value) as u32 as i64)),
        (Flat::F32, Flat::I32) => quote!((f32::to_bits(#value) as i32)),
        (Flat::F32, Flat::I64) => quote!((f32::to_bits(#value) as i64)),
        (Flat::F64, Flat::I64) => quote!((f64::to_bits(#value) as i64)),
        // Not produced by `join`.
        _ => value,
    }
}

/// Every resource type in `checked` with the qualified WIT name it must have.
pub(crate) fn resources(checked: &Checked, out: &mut Vec<(syn::Type, String)>) {
    match &checked.kind {
        Kind::Resource { path, .. } => {
            if let Wit::Own(name) | Wit::Borrow(name) = &checked.wit {
                out.push(((**path).clone(), name.clone()));
            }
        }
        Kind::List { elem, .. } | Kind::Option(elem) => resources(elem, out),
        Kind::Result(ok, err) => {
            for child in ok.iter().chain(err.iter()) {
                resources(child, out);
            }
        }
        Kind::Tuple(children) => {
            for child in children {
                resources(child, out);
            }
        }
        Kind::Named { children, .. } => {
            for child in children.iter().flatten() {
                resources(child, out);
            }
        }
        Kind::Prim
        | Kind::Str(_)
        | Kind::Handle
        | Kind::InferredOwn
        | Kind::ScopedOwn
        | Kind::Flags
        | Kind::FlagsType(_) => {}
    }
}

/// Every derived flags type in `checked` with the qualified WIT name it must have.
pub(crate) fn flags_types(checked: &Checked, out: &mut Vec<(syn::Type, String)>) {
    match &checked.kind {
        Kind::FlagsType(path) if !matches!(**path, syn::Type::Infer(_)) => {
            if let Wit::Flags { qualified, .. } = &checked.wit {
                out.push(((**path).clone(), qualified.clone()));
            }
        }
        Kind::List { elem, .. } | Kind::Option(elem) => flags_types(elem, out),
        Kind::Result(ok, err) => {
            for child in ok.iter().chain(err.iter()) {
                flags_types(child, out);
            }
        }
        Kind::Tuple(children) => {
            for child in children {
                flags_types(child, out);
            }
        }
        Kind::Named { .. }
        | Kind::FlagsType(_)
        | Kind::Prim
        | Kind::Str(_)
        | Kind::Handle
        | Kind::InferredOwn
        | Kind::ScopedOwn
        | Kind::Flags
        | Kind::Resource { .. } => {}
    }
}

/// A scalar's value: through the reference when `value` is one (a binding of a `match` on a
/// reference), else the place itself.
fn deref(value: TokenStream, is_ref: bool) -> TokenStream {
    if is_ref { quote!((*#value)) } else { value }
}

/// A reference to `value`: the value itself when it already is one. Everything is lowered
/// from a borrow, so the argument outlives the call.
fn by_ref(value: TokenStream, is_ref: bool) -> TokenStream {
    if is_ref { value } else { quote!(&#value) }
}

/// The path of a named type without its generic arguments, for patterns and constructors.
fn ctor_path(ty: &syn::Type) -> TokenStream {
    match ty {
        syn::Type::Path(path) => {
            let leading = path.path.leading_colon;
            let segments = path.path.segments.iter().map(|s| &s.ident);
            quote!(#leading #(#segments)::*)
        }
        other => quote!(#other),
    }
}

/// The pattern and payload of each case of a variant-like value, in case order.
struct Case {
    /// The pattern, binding the payload (if any) to `binding`.
    pattern: TokenStream,
    /// The constructor applied to the payload expression.
    build: Box<dyn Fn(Option<TokenStream>) -> TokenStream>,
}

/// The children of a variant-like node, and how each case is matched and built.
fn cases<'c>(checked: &'c Checked, binding: &syn::Ident) -> Vec<(Case, Option<&'c Checked>)> {
    match &checked.kind {
        Kind::Option(inner) => vec![
            (
                Case {
                    pattern: quote!(::core::option::Option::None),
                    build: Box::new(|_| quote!(::core::option::Option::None)),
                },
                None,
            ),
            (
                Case {
                    pattern: quote!(::core::option::Option::Some(#binding)),
                    build: Box::new(|p| quote!(::core::option::Option::Some(#p))),
                },
                Some(&**inner),
            ),
        ],
        Kind::Result(ok, err) => {
            let arm = |ctor: TokenStream, child: &'c Option<Box<Checked>>| {
                let pattern = if child.is_some() {
                    quote!(#ctor(#binding))
                } else {
                    quote!(#ctor(()))
                };
                let build_ctor = ctor.clone();
                (
                    Case {
                        pattern,
                        build: Box::new(move |p| {
                            let p = p.unwrap_or_else(|| quote!(()));
                            quote!(#build_ctor(#p))
                        }),
                    },
                    child.as_deref(),
                )
            };
            vec![
                arm(quote!(::core::result::Result::Ok), ok),
                arm(quote!(::core::result::Result::Err), err),
            ]
        }
        Kind::Named { path, children } => {
            let path = ctor_path(path);
            let names: Vec<String> = match &checked.wit {
                Wit::Variant { cases, .. } => cases.iter().map(|(n, _)| n.clone()).collect(),
                Wit::Enum { cases, .. } => cases.clone(),
                _ => Vec::new(),
            };
            names
                .iter()
                .zip(children)
                .map(|(name, child)| {
                    let case = syn::Ident::new(&upper_camel(name), Span::call_site());
                    let ctor = quote!(#path::#case);
                    let pattern = if child.is_some() {
                        quote!(#ctor(#binding))
                    } else {
                        quote!(#ctor)
                    };
                    let build_ctor = ctor.clone();
                    (
                        Case {
                            pattern,
                            build: Box::new(move |p| match p {
                                Some(p) => quote!(#build_ctor(#p)),
                                None => quote!(#build_ctor),
                            }),
                        },
                        child.as_ref(),
                    )
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

fn is_variant(checked: &Checked) -> bool {
    matches!(checked.kind, Kind::Option(_) | Kind::Result(..))
        || matches!(
            (&checked.kind, &checked.wit),
            (Kind::Named { .. }, Wit::Variant { .. } | Wit::Enum { .. })
        )
}

/// The fields of a record-like node: how to destructure it, and each field's child.
fn record_fields(checked: &Checked) -> Vec<(TokenStream, &Checked)> {
    match (&checked.kind, &checked.wit) {
        (Kind::Tuple(elems), _) => elems
            .iter()
            .enumerate()
            .map(|(index, child)| {
                let index = syn::Index::from(index);
                (quote!(#index), child)
            })
            .collect(),
        (Kind::Named { children, .. }, Wit::Record { fields, .. }) => fields
            .iter()
            .zip(children)
            .filter_map(|((name, _), child)| {
                // A field named like a keyword (`%type`) is the raw identifier `r#type`.
                let field = snake(name);
                let ident = syn::parse_str::<syn::Ident>(&field)
                    .unwrap_or_else(|_| syn::Ident::new_raw(&field, Span::call_site()));
                child.as_ref().map(|child| (quote!(#ident), child))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Lowers `value` (an expression of the checked Rust type) into flat core values: statements to
/// run first, and one expression per flat value.
fn lower_flat_inner(
    value: TokenStream,
    is_ref: bool,
    checked: &Checked,
    locals: &mut Locals,
    stmts: &mut Vec<TokenStream>,
) -> Vec<TokenStream> {
    match &checked.kind {
        Kind::Resource { path, own } => {
            let trait_ = helper("Resource");
            vec![if *own {
                quote!((<#path as #trait_>::into_handle(#value) as i32))
            } else {
                quote!((<#path as #trait_>::handle(#value) as i32))
            }]
        }
        Kind::FlagsType(path) => {
            let trait_ = helper("FlagsBits");
            let value = by_ref(value, is_ref);
            vec![quote!((<#path as #trait_>::bits(#value) as i32))]
        }
        Kind::InferredOwn | Kind::ScopedOwn => {
            let trait_ = helper("LowerHandle");
            let value = by_ref(value, is_ref);
            vec![quote!((<_ as #trait_>::lower_handle(#value) as i32))]
        }
        Kind::Prim | Kind::Handle | Kind::Flags => {
            let value = deref(value, is_ref);
            vec![match checked.wit {
                Wit::U64 | Wit::S64 => quote!((#value as i64)),
                Wit::F32 | Wit::F64 => value,
                _ => quote!((#value as i32)),
            }]
        }
        Kind::List {
            elem,
            direct: false,
            ..
        } => {
            let (ptr, len) = (locals.next("ptr"), locals.next("len"));
            let value = by_ref(value, is_ref);
            stmts.push(lay_out_list(value, elem, &ptr, &len, locals));
            vec![quote!(#ptr), quote!(#len)]
        }
        Kind::Str(_) | Kind::List { .. } => {
            let (ptr, len) = (locals.next("ptr"), locals.next("len"));
            let parts = helper(if matches!(checked.kind, Kind::Str(_)) {
                "str_parts"
            } else {
                "list_parts"
            });
            let value = by_ref(value, is_ref);
            stmts.push(quote!(let (#ptr, #len) = #parts(#value);));
            vec![quote!(#ptr), quote!(#len)]
        }
        _ if is_variant(checked) => {
            let joined = canonical::flat(&checked.wit);
            let out: Vec<syn::Ident> = (0..joined.len()).map(|_| locals.next("flat")).collect();
            let binding = locals.next("case");
            let mut arms = Vec::new();
            for (index, (case, child)) in cases(checked, &binding).into_iter().enumerate() {
                let disc = i32::try_from(index).unwrap_or(i32::MAX);
                let mut inner = Vec::new();
                let mut values = vec![quote!(#disc)];
                if let Some(child) = child {
                    let flats = canonical::flat(&child.wit);
                    let lowered = lower_flat(quote!(#binding), true, child, locals, &mut inner);
                    for (position, (flat, value)) in flats.iter().zip(lowered).enumerate() {
                        values.push(coerce(*flat, joined[position + 1], value));
                    }
                }
                while values.len() < joined.len() {
                    values.push(zero(joined[values.len()]));
                }
                let pattern = case.pattern;
                arms.push(quote!(#pattern => { #(#inner)* (#(#values),*) }));
            }
            let value = by_ref(value, is_ref);
            stmts.push(quote! {
                let (#(#out),*) = match #value { #(#arms)* };
            });
            out.iter().map(|ident| quote!(#ident)).collect()
        }
        Kind::Tuple(_) | Kind::Named { .. } => {
            let whole = locals.next("value");
            let value = by_ref(value, is_ref);
            stmts.push(quote!(let #whole = #value;));
            let mut out = Vec::new();
            for (field, child) in record_fields(checked) {
                out.extend(lower_flat(
                    quote!(#whole.#field),
                    false,
                    child,
                    locals,
                    stmts,
                ));
            }
            out
        }
        Kind::Option(_) | Kind::Result(..) => Vec::new(),
    }
}

/// A parameter list whose elements are not laid out as in Rust (strings, records, …): the
/// elements are stored in the Canonical ABI layout into a buffer from the function's scope
/// memory when it takes one, else from the global allocator (runtime feature `std`), living
/// until the wrapper returns; binds `ptr` and `len`.
fn lay_out_list(
    list: TokenStream,
    elem: &Checked,
    ptr: &syn::Ident,
    len: &syn::Ident,
    locals: &mut Locals,
) -> TokenStream {
    let size = canonical::size(&elem.wit) as usize;
    let (whole, buffer, base, index, item, at) = (
        locals.next("list"),
        locals.next("buffer"),
        locals.next("base"),
        locals.next("index"),
        locals.next("item"),
        locals.next("at"),
    );
    let mut stores = Vec::new();
    store(&at, 0, quote!(#item), true, elem, locals, &mut stores);
    let address = helper("address_of");
    if let Some(memory) = locals.1.clone() {
        let scoped = helper("scoped_buffer");
        return quote! {
            let (#ptr, #len) = {
                let #whole = #list;
                let #base: *mut u8 = #scoped(#memory, #whole.len(), #size);
                for (#index, #item) in #whole.iter().enumerate() {
                    // SAFETY: element `index` lies inside the scope buffer, 8-aligned and as
                    // large as the whole list's layout; the stores write inside it.
                    unsafe {
                        let #at: *mut u8 = #base.add(#index * #size);
                        #(#stores)*
                    }
                }
                (#address(#base), #whole.len() as i32)
            };
        };
    }
    let vec = helper("Vec");
    quote! {
        let mut #buffer = {
            let #whole = #list;
            // 8-aligned words, enough for the elements' layout (alignment at most 8).
            let mut #buffer = #vec::<u64>::with_capacity((#whole.len() * #size).div_ceil(8));
            let #base: *mut u8 = #buffer.as_mut_ptr().cast::<u8>();
            for (#index, #item) in #whole.iter().enumerate() {
                // SAFETY: element `index` lies inside the buffer's capacity, which is as large
                // as the whole list's layout; the stores write inside it.
                unsafe {
                    let #at: *mut u8 = #base.add(#index * #size);
                    #(#stores)*
                }
            }
            (#buffer, #whole.len())
        };
        let #ptr = #address(#buffer.0.as_mut_ptr().cast::<u8>());
        let #len = #buffer.1 as i32;
    }
}

/// Stores `value` at `base + offset` in the Canonical ABI layout (inside an `unsafe` context
/// whose caller guarantees `base..base + size` is writable and aligned).
fn store_inner(
    base: &syn::Ident,
    offset: u32,
    value: TokenStream,
    is_ref: bool,
    checked: &Checked,
    locals: &mut Locals,
    stmts: &mut Vec<TokenStream>,
) {
    let put = helper("store");
    let offset_lit = offset as usize;
    match &checked.kind {
        Kind::Resource { path, own } => {
            let trait_ = helper("Resource");
            let handle = if *own {
                quote!(<#path as #trait_>::into_handle(#value))
            } else {
                quote!(<#path as #trait_>::handle(#value))
            };
            stmts.push(quote!(#put::<u32>(#base, #offset_lit, #handle);));
        }
        Kind::FlagsType(path) => {
            let trait_ = helper("FlagsBits");
            let value = by_ref(value, is_ref);
            let (ty, _) = flags_mask(&checked.wit);
            stmts.push(
                quote!(#put::<#ty>(#base, #offset_lit, <#path as #trait_>::bits(#value) as #ty);),
            );
        }
        Kind::InferredOwn | Kind::ScopedOwn => {
            let trait_ = helper("LowerHandle");
            let value = by_ref(value, is_ref);
            stmts.push(
                quote!(#put::<u32>(#base, #offset_lit, <_ as #trait_>::lower_handle(#value));),
            );
        }
        Kind::Prim | Kind::Handle | Kind::Flags => {
            let value = deref(value, is_ref);
            let small_flags =
                |n: usize| matches!(checked.wit, Wit::Flags { count, .. } if count <= n);
            let (ty, value) = match checked.wit {
                Wit::Bool | Wit::U8 | Wit::S8 => (quote!(u8), quote!((#value as u8))),
                Wit::Flags { .. } if small_flags(8) => (quote!(u8), quote!((#value as u8))),
                Wit::U16 | Wit::S16 => (quote!(u16), quote!((#value as u16))),
                Wit::Flags { .. } if small_flags(16) => (quote!(u16), quote!((#value as u16))),
                Wit::U64 | Wit::S64 => (quote!(u64), quote!((#value as u64))),
                Wit::F32 => (quote!(f32), value),
                Wit::F64 => (quote!(f64), value),
                _ => (quote!(u32), quote!((#value as u32))),
            };
            stmts.push(quote!(#put::<#ty>(#base, #offset_lit, #value);));
        }
        Kind::Str(_) | Kind::List { .. } => {
            let (ptr, len) = (locals.next("ptr"), locals.next("len"));
            let parts = helper(if matches!(checked.kind, Kind::Str(_)) {
                "str_parts"
            } else {
                "list_parts"
            });
            let second = offset_lit + 4;
            let value = by_ref(value, is_ref);
            stmts.push(quote! {
                let (#ptr, #len) = #parts(#value);
                #put::<u32>(#base, #offset_lit, #ptr as u32);
                #put::<u32>(#base, #second, #len as u32);
            });
        }
        _ if is_variant(checked) => {
            let binding = locals.next("case");
            let all = cases(checked, &binding);
            let kinds: Vec<Option<&Wit>> = all.iter().map(|(_, c)| c.map(|c| &c.wit)).collect();
            let payload_at = offset + canonical::payload_offset(&kinds);
            let disc_ty = disc_type(all.len());
            let mut arms = Vec::new();
            for (index, (case, child)) in all.into_iter().enumerate() {
                let mut inner = Vec::new();
                let disc = proc_macro2::Literal::usize_unsuffixed(index);
                inner.push(quote!(#put::<#disc_ty>(#base, #offset_lit, #disc);));
                if let Some(child) = child {
                    store(
                        base,
                        payload_at,
                        quote!(#binding),
                        true,
                        child,
                        locals,
                        &mut inner,
                    );
                }
                let pattern = case.pattern;
                arms.push(quote!(#pattern => { #(#inner)* }));
            }
            let value = by_ref(value, is_ref);
            stmts.push(quote!(match #value { #(#arms)* }));
        }
        Kind::Tuple(_) | Kind::Named { .. } => {
            let whole = locals.next("value");
            let value = by_ref(value, is_ref);
            stmts.push(quote!(let #whole = #value;));
            let fields = record_fields(checked);
            let wits: Vec<&Wit> = fields.iter().map(|(_, c)| &c.wit).collect();
            let offsets = canonical::field_offsets(&wits);
            for ((field, child), at) in fields.into_iter().zip(offsets) {
                store(
                    base,
                    offset + at,
                    quote!(#whole.#field),
                    false,
                    child,
                    locals,
                    stmts,
                );
            }
        }
        Kind::Option(_) | Kind::Result(..) => {}
    }
}

/// The integer type of a `flags` value and the mask of its members' bits.
fn flags_mask(wit: &Wit) -> (TokenStream, TokenStream) {
    let count = match wit {
        Wit::Flags { count, .. } => *count,
        _ => 32,
    };
    let mask: u64 = (1u64 << count.min(32)) - 1;
    match count {
        0..=8 => {
            let m = proc_macro2::Literal::u8_suffixed(u8::try_from(mask).unwrap_or(u8::MAX));
            (quote!(u8), quote!(#m))
        }
        9..=16 => {
            let m = proc_macro2::Literal::u16_suffixed(u16::try_from(mask).unwrap_or(u16::MAX));
            (quote!(u16), quote!(#m))
        }
        _ => {
            let m = proc_macro2::Literal::u32_suffixed(u32::try_from(mask).unwrap_or(u32::MAX));
            (quote!(u32), quote!(#m))
        }
    }
}

fn disc_type(cases: usize) -> TokenStream {
    match canonical::discriminant_size(cases) {
        1 => quote!(u8),
        2 => quote!(u16),
        _ => quote!(u32),
    }
}

/// What lifting reads its scope memory from, when results live in a scope.
pub(crate) struct Lift<'a> {
    pub(crate) memory: Option<&'a syn::Ident>,
}

/// An expression that loads the checked type from `base + offset` (inside an `unsafe`
/// context whose caller guarantees the bytes were written by the host in that layout).
fn load_inner(
    base: &syn::Ident,
    offset: u32,
    checked: &Checked,
    lift: &Lift<'_>,
    locals: &mut Locals,
) -> TokenStream {
    let get = helper("load");
    let at = offset as usize;
    match &checked.kind {
        Kind::Flags => {
            let (ty, mask) = flags_mask(&checked.wit);
            quote!((#get::<#ty>(#base, #at) & #mask))
        }
        Kind::FlagsType(path) => {
            let trait_ = helper("FlagsBits");
            let (ty, mask) = flags_mask(&checked.wit);
            quote!(<#path as #trait_>::from_bits((#get::<#ty>(#base, #at) & #mask) as u32))
        }
        Kind::Resource { path, .. } => {
            let trait_ = helper("Resource");
            quote!(<#path as #trait_>::from_handle(#get::<u32>(#base, #at)))
        }
        Kind::ScopedOwn => {
            let trait_ = helper("ScopedHandle");
            quote!(<_ as #trait_>::scoped_handle(#get::<u32>(#base, #at)))
        }
        Kind::InferredOwn => {
            let trait_ = helper("LiftHandle");
            let wit = match &checked.wit {
                Wit::Own(name) => name.clone(),
                _ => String::new(),
            };
            quote!(<_ as #trait_>::lift_handle(#get::<u32>(#base, #at), #wit))
        }
        Kind::Prim | Kind::Handle => match checked.wit {
            Wit::Bool => quote!((#get::<u8>(#base, #at) != 0)),
            Wit::U8 => quote!(#get::<u8>(#base, #at)),
            Wit::S8 => quote!((#get::<u8>(#base, #at) as i8)),
            Wit::U16 => quote!(#get::<u16>(#base, #at)),
            Wit::S16 => quote!((#get::<u16>(#base, #at) as i16)),
            Wit::S32 => quote!((#get::<u32>(#base, #at) as i32)),
            Wit::U64 => quote!(#get::<u64>(#base, #at)),
            Wit::S64 => quote!((#get::<u64>(#base, #at) as i64)),
            Wit::F32 => quote!(#get::<f32>(#base, #at)),
            Wit::F64 => quote!(#get::<f64>(#base, #at)),
            Wit::Char => {
                let lift_char = helper("lift_char");
                quote!(#lift_char(#get::<u32>(#base, #at)))
            }
            _ => quote!(#get::<u32>(#base, #at)),
        },
        Kind::Str(mode) | Kind::List { mode, .. } => {
            let second = at + 4;
            let ptr = quote!(#get::<u32>(#base, #at));
            let len = quote!(#get::<u32>(#base, #second));
            lift_sequence(ptr, len, checked, *mode, lift, locals)
        }
        _ if is_variant(checked) => {
            let binding = locals.next("case");
            let all = cases(checked, &binding);
            let kinds: Vec<Option<&Wit>> = all.iter().map(|(_, c)| c.map(|c| &c.wit)).collect();
            let payload_at = offset + canonical::payload_offset(&kinds);
            let disc_ty = disc_type(all.len());
            let invalid = helper("invalid_discriminant");
            let mut arms = Vec::new();
            for (index, (case, child)) in all.into_iter().enumerate() {
                let payload = child.map(|child| load(base, payload_at, child, lift, locals));
                let built = (case.build)(payload);
                let disc = proc_macro2::Literal::usize_unsuffixed(index);
                arms.push(quote!(#disc => #built,));
            }
            quote! {
                match #get::<#disc_ty>(#base, #at) {
                    #(#arms)*
                    _ => #invalid(),
                }
            }
        }
        Kind::Tuple(elems) => {
            let wits: Vec<&Wit> = elems.iter().map(|c| &c.wit).collect();
            let offsets = canonical::field_offsets(&wits);
            let values: Vec<TokenStream> = elems
                .iter()
                .zip(offsets)
                .map(|(child, field_at)| load(base, offset + field_at, child, lift, locals))
                .collect();
            quote!((#(#values,)*))
        }
        Kind::Named { path, .. } => {
            let fields = record_fields(checked);
            let wits: Vec<&Wit> = fields.iter().map(|(_, c)| &c.wit).collect();
            let offsets = canonical::field_offsets(&wits);
            let path = ctor_path(path);
            let inits: Vec<TokenStream> = fields
                .into_iter()
                .zip(offsets)
                .map(|((field, child), field_at)| {
                    let value = load(base, offset + field_at, child, lift, locals);
                    quote!(#field: #value)
                })
                .collect();
            quote!(#path { #(#inits),* })
        }
        Kind::Option(_) | Kind::Result(..) => quote!(::core::unreachable!()),
    }
}

/// A string or list result, from its address and length.
fn lift_sequence(
    ptr: TokenStream,
    len: TokenStream,
    checked: &Checked,
    mode: Mode,
    lift: &Lift<'_>,
    locals: &mut Locals,
) -> TokenStream {
    let memory = lift.memory;
    match (&checked.kind, mode) {
        (Kind::Str(_), Mode::Scoped) => {
            let f = helper("lift_scoped_str");
            quote!(#f(#memory, #ptr, #len))
        }
        (Kind::Str(_), _) => {
            let f = helper("lift_string");
            quote!(#f(#ptr, #len))
        }
        (
            Kind::List {
                elem, direct: true, ..
            },
            Mode::Scoped,
        ) => {
            let f = helper("lift_scoped_slice");
            let ty = prim(&elem.wit);
            quote!(#f::<#ty>(#memory, #ptr, #len))
        }
        (
            Kind::List {
                elem, direct: true, ..
            },
            _,
        ) => {
            let f = helper("lift_vec");
            let ty = prim(&elem.wit);
            quote!(#f::<#ty>(#ptr, #len))
        }
        (Kind::List { elem, .. }, Mode::Scoped) => {
            // Each element lifted into an array of the Rust type in the same scope (the
            // Canonical ABI array itself is scope memory too, from `cabi_realloc`).
            let at = locals.next("at");
            let size = canonical::size(&elem.wit) as usize;
            let element = load(&at, 0, elem, lift, locals);
            let f = helper("lift_scoped_list");
            quote!(#f(#memory, #ptr, #len, #size, |#at: *const u8| #element))
        }
        (Kind::List { elem, .. }, _) => {
            let (start, count, list, index, at) = (
                locals.next("start"),
                locals.next("count"),
                locals.next("list"),
                locals.next("index"),
                locals.next("at"),
            );
            let size = canonical::size(&elem.wit) as usize;
            let align = canonical::alignment(&elem.wit) as usize;
            let element = load(&at, 0, elem, lift, locals);
            let (vec, addr, free) = (helper("Vec"), helper("address"), helper("free"));
            quote!({
                let #start = #ptr as usize;
                let #count = #len as usize;
                let mut #list = #vec::with_capacity(#count);
                for #index in 0..#count {
                    let #at = #addr(#start + #index * #size);
                    #list.push(#element);
                }
                #free(#start, #count * #size, #align);
                #list
            })
        }
        _ => quote!(::core::unreachable!()),
    }
}

/// An expression that lifts the checked type from one flat core value `value`.
fn lift_flat_inner(value: TokenStream, checked: &Checked) -> TokenStream {
    match &checked.kind {
        Kind::Resource { path, .. } => {
            let trait_ = helper("Resource");
            quote! {
                // SAFETY: the host returned a handle it just gave this component (`own<R>`).
                unsafe { <#path as #trait_>::from_handle(#value as u32) }
            }
        }
        Kind::Flags => {
            // Bits beyond the members are ignored, as the Canonical ABI's lifting does.
            let (ty, mask) = flags_mask(&checked.wit);
            quote!(((#value as #ty) & #mask))
        }
        Kind::FlagsType(path) => {
            // Bits beyond the members are ignored, as the Canonical ABI's lifting does.
            let trait_ = helper("FlagsBits");
            let (ty, mask) = flags_mask(&checked.wit);
            quote!(<#path as #trait_>::from_bits(((#value as #ty) & #mask) as u32))
        }
        Kind::Prim | Kind::Handle => match checked.wit {
            Wit::Bool => quote!((#value != 0)),
            Wit::Char => {
                let lift_char = helper("lift_char");
                quote!(#lift_char(#value as u32))
            }
            Wit::F32 | Wit::F64 => value,
            _ => {
                let ty = prim(&checked.wit);
                quote!((#value as #ty))
            }
        },
        _ if is_variant(checked) => {
            // Only payload-free variants fit in one flat value.
            let binding = syn::Ident::new("__unused", Span::mixed_site());
            let invalid = helper("invalid_discriminant");
            let arms =
                cases(checked, &binding)
                    .into_iter()
                    .enumerate()
                    .map(|(index, (case, _))| {
                        let disc = i32::try_from(index).unwrap_or(i32::MAX);
                        let built = (case.build)(None);
                        quote!(#disc => #built,)
                    });
            quote!(match #value { #(#arms)* _ => #invalid(), })
        }
        _ => quote!(::core::unreachable!()),
    }
}

/// Where errors about a named type's code belong: the user's type, when the node is one.
fn named_span(checked: &Checked) -> Option<Span> {
    match &checked.kind {
        Kind::Named { path, .. } => Some(syn::spanned::Spanned::span(&**path)),
        _ => None,
    }
}

/// `tokens` with every span located at `at` (keeping each one's name resolution), so that a
/// compiler error in a named type's code points at the user's type.
fn respan(tokens: TokenStream, at: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), at));
                inner.set_span(group.span().located_at(at));
                tree = proc_macro2::TokenTree::Group(inner);
            } else {
                tree.set_span(tree.span().located_at(at));
            }
            tree
        })
        .collect()
}

/// Lowers `value` (an expression of the checked Rust type) into flat core values: statements
/// to run first, and one expression per flat value. `is_ref` when `value` is a reference to
/// the value (a binding of a `match` on a reference).
pub(crate) fn lower_flat(
    value: TokenStream,
    is_ref: bool,
    checked: &Checked,
    locals: &mut Locals,
    stmts: &mut Vec<TokenStream>,
) -> Vec<TokenStream> {
    let start = stmts.len();
    let out = lower_flat_inner(value, is_ref, checked, locals, stmts);
    let Some(at) = named_span(checked) else {
        return out;
    };
    for stmt in &mut stmts[start..] {
        *stmt = respan(std::mem::take(stmt), at);
    }
    out.into_iter().map(|value| respan(value, at)).collect()
}

/// Stores `value` at `base + offset` in the Canonical ABI layout (inside an `unsafe` context
/// whose caller guarantees `base..base + size` is writable and aligned).
pub(crate) fn store(
    base: &syn::Ident,
    offset: u32,
    value: TokenStream,
    is_ref: bool,
    checked: &Checked,
    locals: &mut Locals,
    stmts: &mut Vec<TokenStream>,
) {
    let start = stmts.len();
    store_inner(base, offset, value, is_ref, checked, locals, stmts);
    if let Some(at) = named_span(checked) {
        for stmt in &mut stmts[start..] {
            *stmt = respan(std::mem::take(stmt), at);
        }
    }
}

/// An expression that loads the checked type from `base + offset` (inside an `unsafe`
/// context whose caller guarantees the bytes were written by the host in that layout).
pub(crate) fn load(
    base: &syn::Ident,
    offset: u32,
    checked: &Checked,
    lift: &Lift<'_>,
    locals: &mut Locals,
) -> TokenStream {
    let loaded = load_inner(base, offset, checked, lift, locals);
    match named_span(checked) {
        Some(at) => respan(loaded, at),
        None => loaded,
    }
}

/// An expression that lifts the checked type from one flat core value `value`.
pub(crate) fn lift_flat(value: TokenStream, checked: &Checked) -> TokenStream {
    let lifted = lift_flat_inner(value, checked);
    match named_span(checked) {
        Some(at) => respan(lifted, at),
        None => lifted,
    }
}
