//! `#[derive(WasmType)]` for `#[repr(transparent)]` newtypes over a type with a lowering.
//!
//! Over a primitive integer or float, the derive also implements `WasmLayout` and
//! `WasmWritable`, so the newtype can sit in slices and `Result` out-values.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

pub(crate) fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(input)?;
    let transparent = input.attrs.iter().any(|attr| {
        attr.path().is_ident("repr")
            && attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|ident| ident == "transparent")
    });
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "`#[derive(WasmType)]` supports only `#[repr(transparent)]` structs with one field; for an enum, implement `wasm_function::abi::WasmType` by hand",
        ));
    };
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
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(
            input.generics.span(),
            "`#[derive(WasmType)]` does not support generic newtypes: implement `wasm_function::abi::WasmType` by hand",
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

/// Whether `ty` is a primitive integer or float, whose newtypes may also be read and written
/// by the host in memory (slices and `Result` out-values).
fn is_primitive_number(ty: &syn::Type) -> bool {
    const NUMBERS: &[&str] = &[
        "u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "usize", "isize", "f32", "f64",
    ];
    matches!(ty, syn::Type::Path(path) if path.qself.is_none()
        && NUMBERS.iter().any(|number| path.path.is_ident(number)))
}
