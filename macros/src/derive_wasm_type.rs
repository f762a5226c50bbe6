//! `#[derive(WasmType)]`: the lowering traits for the two shapes of type with a wasm ABI.
//!
//! - A `#[repr(transparent)]` newtype over one field with a lowering gets `WasmType`
//!   (delegating to the field); over a primitive integer or float also `WasmLayout` and
//!   `WasmWritable`, so it can sit in slices and `Result` out-values.
//! - A `#[repr(C)]` record whose fields all have a fixed layout gets `WasmLayout`, and with
//!   `#[wasm_type(writable)]` also `WasmWritable`. Its wasm32 layout is written on it
//!   (`#[wasm_type(size = .., align = ..)]` on the struct, `#[wasm_type(offset = ..)]` on each
//!   field) and asserted at compile time, so the record cannot drift from what the host
//!   expects. Records do not cross the boundary by value, so they get no `WasmType`.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Data, DataStruct, DeriveInput, Fields, LitInt, Member};

use crate::errors::Errors;

pub(crate) fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(input)?;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "`#[derive(WasmType)]` supports only structs: a `#[repr(transparent)]` newtype or a `#[repr(C)]` record; for an enum, write a `#[repr(transparent)]` newtype with associated constants",
        ));
    };
    let repr = Repr::of(&input.attrs);
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "`#[derive(WasmType)]` does not support generic types: implement the traits of `wasm_function::abi` by hand",
        ));
    }
    if repr.c {
        return record(&input, data);
    }
    if !repr.transparent && data.fields.len() > 1 {
        return Err(syn::Error::new(
            input.ident.span(),
            "`#[derive(WasmType)]` needs `#[repr(C)]` on a record (or `#[repr(transparent)]` on a one-field newtype): add it above the struct",
        ));
    }
    newtype(&input, data, repr.transparent)
}

/// The `#[repr(..)]` hints the derive cares about.
struct Repr {
    transparent: bool,
    c: bool,
}

impl Repr {
    fn of(attrs: &[Attribute]) -> Self {
        let mut repr = Self {
            transparent: false,
            c: false,
        };
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("repr")) {
            // Other hints (`align`, `packed`, integer types) are left to rustc and to the
            // layout assertions.
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("transparent") {
                    repr.transparent = true;
                } else if meta.path.is_ident("C") {
                    repr.c = true;
                } else if meta.input.peek(syn::token::Paren) {
                    let _ = meta.input.parse::<TokenStream>();
                }
                Ok(())
            });
        }
        repr
    }
}

fn newtype(input: &DeriveInput, data: &DataStruct, transparent: bool) -> syn::Result<TokenStream> {
    let (field_ty, construct, access) = match &data.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
            let ty = &fields.unnamed[0].ty;
            (ty, quote!(Self(inner)), quote!(self.0))
        }
        Fields::Named(fields) if fields.named.len() == 1 => {
            let field = &fields.named[0];
            let name = field.ident.as_ref();
            (&field.ty, quote!(Self { #name: inner }), quote!(self.#name))
        }
        _ => {
            return Err(syn::Error::new(
                data.fields.span(),
                "`#[derive(WasmType)]` needs exactly one field: write `struct Name(u32);`",
            ));
        }
    };
    if !transparent {
        return Err(syn::Error::new(
            input.ident.span(),
            "`#[derive(WasmType)]` needs `#[repr(transparent)]` on the struct: add it above the struct",
        ));
    }
    let stray = input
        .attrs
        .iter()
        .chain(data.fields.iter().flat_map(|field| &field.attrs))
        .find(|attr| attr.path().is_ident("wasm_type"));
    if let Some(attr) = stray {
        return Err(syn::Error::new_spanned(
            attr,
            "a `#[repr(transparent)]` newtype has the layout of its field: remove `#[wasm_type(..)]`, which describes `#[repr(C)]` records",
        ));
    }
    let name = &input.ident;
    let field =
        quote_spanned!(field_ty.span()=> <#field_ty as ::wasm_function::__private::WasmType>);
    let layout = is_primitive_number(field_ty).then(|| {
        quote! {
            // SAFETY: `#[repr(transparent)]` over a primitive number: the same size, alignment
            // and layout, and every bit pattern is a valid value.
            unsafe impl ::wasm_function::__private::WasmLayout for #name {}
            // SAFETY: as above.
            unsafe impl ::wasm_function::__private::WasmWritable for #name {}
        }
    });
    Ok(quote! {
        #layout
        // SAFETY: the newtype is `#[repr(transparent)]` over one field whose own `WasmType`
        // implementation upholds the contract; lowering and lifting delegate to it.
        unsafe impl ::wasm_function::__private::WasmType for #name {
            type Core = #field::Core;
            #[inline(always)]
            fn into_core(self) -> Self::Core {
                #field::into_core(#access)
            }
            #[inline(always)]
            fn from_core(core: Self::Core) -> Self {
                let inner = #field::from_core(core);
                #construct
            }
        }
    })
}

/// What `#[wasm_type(..)]` on a record says.
#[derive(Default)]
struct RecordArgs {
    size: Option<(usize, Span)>,
    align: Option<(usize, Span)>,
    writable: bool,
    malformed: bool,
}

const RECORD_LAYOUT: &str = "a `#[repr(C)]` record needs its wasm32 layout: add `#[wasm_type(size = .., align = ..)]` above the struct";

fn record(input: &DeriveInput, data: &DataStruct) -> syn::Result<TokenStream> {
    let mut errors = Errors::new();
    let args = record_args(&input.attrs, &mut errors);
    let ((size, size_span), (align, align_span)) = match (args.size, args.align) {
        (Some(size), Some(align)) => (size, align),
        _ => {
            // A malformed `#[wasm_type(..)]` was reported already.
            if !args.malformed {
                errors.at(input.ident.span(), RECORD_LAYOUT);
            }
            ((0, Span::call_site()), (0, Span::call_site()))
        }
    };
    if data.fields.is_empty() {
        errors.at(
            input.ident.span(),
            "a `#[repr(C)]` record needs at least one field: the host reads and writes its fields",
        );
    }
    let mut fields = Vec::new();
    for (index, field) in data.fields.iter().enumerate() {
        let member = field
            .ident
            .clone()
            .map_or_else(|| Member::Unnamed(syn::Index::from(index)), Member::Named);
        match field_offset(&field.attrs, &mut errors) {
            Some(offset) => fields.push((member, &field.ty, offset)),
            None => errors.spanned(
                field.ident.as_ref().map_or(&field.ty as &dyn ToTokens, |ident| ident as &dyn ToTokens),
                "each field of a `#[repr(C)]` record needs its wasm32 offset: add `#[wasm_type(offset = ..)]` to the field",
            ),
        }
    }
    errors.finish()?;

    let name = &input.ident;
    // Every field must have a fixed layout; in a writable record, be `WasmWritable` (which
    // implies `WasmLayout`). The check carries the field type's span, so an error points at it.
    let field_trait = if args.writable {
        quote!(::wasm_function::__private::WasmWritable)
    } else {
        quote!(::wasm_function::__private::WasmLayout)
    };
    let field_checks = fields
        .iter()
        .map(|(_, ty, _)| quote_spanned!(ty.span()=> field::<#ty>();));
    let offset_checks = fields.iter().map(|(member, _, (offset, span))| {
        let message = format!(
            "the offset of `{name}.{}` is not {offset}, as its `#[wasm_type(offset = {offset})]` says",
            member.to_token_stream()
        );
        let offset = Literal::usize_unsuffixed(*offset);
        quote_spanned!(*span=> ::core::assert!(::core::mem::offset_of!(#name, #member) == #offset, #message);)
    });
    let size_message =
        format!("`{name}` is not {size} bytes, as `#[wasm_type(size = {size})]` says");
    let align_message =
        format!("`{name}` is not aligned to {align}, as `#[wasm_type(align = {align})]` says");
    let (size, align) = (
        Literal::usize_unsuffixed(size),
        Literal::usize_unsuffixed(align),
    );
    // The assertions carry the span of the number they check, so a failure points at it.
    let size_check = quote_spanned!(size_span=>
        ::core::assert!(::core::mem::size_of::<#name>() == #size, #size_message);
    );
    let align_check = quote_spanned!(align_span=>
        ::core::assert!(::core::mem::align_of::<#name>() == #align, #align_message);
    );
    let writable = args.writable.then(|| {
        quote! {
            // SAFETY: `#[repr(C)]` of fields that are each `WasmWritable` (checked above), so
            // every byte pattern of each field is a valid value; the padding between them is
            // never read as a value.
            unsafe impl ::wasm_function::__private::WasmWritable for #name {}
        }
    });
    Ok(quote! {
        // The layout written on the record, asserted at compile time, and every field a type
        // with a fixed wasm layout (`WasmWritable` too for a writable record).
        const _: () = {
            const fn field<T: #field_trait>() {}
            #(#field_checks)*
            #size_check
            #align_check
            #(#offset_checks)*
        };
        // SAFETY: `#[repr(C)]` with the size, alignment and field offsets asserted above, and
        // every field `WasmLayout`, so each field has the wasm32 layout the host expects and
        // any pointer in it is valid for reads while the record is borrowed.
        unsafe impl ::wasm_function::__private::WasmLayout for #name {}
        #writable
    })
}

/// Parses `#[wasm_type(size = N, align = N, writable)]` on a record.
fn record_args(attrs: &[Attribute], errors: &mut Errors) -> RecordArgs {
    let mut args = RecordArgs::default();
    for attr in attrs
        .iter()
        .filter(|attr| attr.path().is_ident("wasm_type"))
    {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("size") {
                args.size = Some(number(&meta)?);
            } else if meta.path.is_ident("align") {
                args.align = Some(number(&meta)?);
            } else if meta.path.is_ident("writable") {
                args.writable = true;
            } else {
                return Err(meta.error(
                    "unknown `#[wasm_type]` key: write `#[wasm_type(size = .., align = ..)]`, adding `writable` if the host writes the record",
                ));
            }
            Ok(())
        });
        if let Err(error) = parsed {
            args.malformed = true;
            errors.push(error);
        }
    }
    args
}

/// Parses `#[wasm_type(offset = N)]` on a record's field.
fn field_offset(attrs: &[Attribute], errors: &mut Errors) -> Option<(usize, Span)> {
    let mut offset = None;
    for attr in attrs
        .iter()
        .filter(|attr| attr.path().is_ident("wasm_type"))
    {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("offset") {
                offset = Some(number(&meta)?);
                Ok(())
            } else {
                Err(meta.error(
                    "unknown `#[wasm_type]` key on a field: write `#[wasm_type(offset = ..)]`",
                ))
            }
        });
        if let Err(error) = parsed {
            errors.push(error);
            // Reported; do not also ask for the offset.
            offset = offset.or(Some((0, Span::call_site())));
        }
    }
    offset
}

/// The number after `key =`, with its span.
fn number(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<(usize, Span)> {
    let lit = meta.value()?.parse::<LitInt>()?;
    Ok((lit.base10_parse()?, lit.span()))
}

/// Whether `ty` is a primitive integer or float, whose newtypes may also be read and written
/// by the host in memory (slices and `Result` out-values).
/// A type handed over by `macro_rules!` as a `$t:ty` arrives in an invisible group, which is
/// looked through.
fn is_primitive_number(ty: &syn::Type) -> bool {
    const NUMBERS: &[&str] = &[
        "u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "usize", "isize", "f32", "f64",
    ];
    match ty {
        syn::Type::Group(group) => is_primitive_number(&group.elem),
        syn::Type::Paren(paren) => is_primitive_number(&paren.elem),
        syn::Type::Path(path) => {
            path.qself.is_none() && NUMBERS.iter().any(|number| path.path.is_ident(number))
        }
        _ => false,
    }
}

/// Expansion snapshots: each `macros/tests/expand/derive-wasm-type/<case>.rs` holds one item
/// with `#[derive(WasmType)]`; the derive's output for it, pretty-printed with prettyplease,
/// must equal `<case>.expanded.rs` beside it. After an intended change, re-bless them with
/// `WASM_FUNCTION_BLESS=1 cargo test -p wasm-function-macros` and review the diff.
#[cfg(test)]
mod tests {
    #[test]
    fn expansion_snapshots() {
        crate::snapshots::check("derive-wasm-type", 3, |source| {
            let input: proc_macro2::TokenStream = source.parse().expect("the case tokenizes");
            crate::snapshots::pretty(super::expand(input).expect("the case expands without error"))
        });
    }
}
