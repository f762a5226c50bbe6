//! Turns a checked import into code: a wasm32 function that calls the import, and a host
//! function that runs the user's fallback body or panics. Infallible by construction.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use super::preview1::Core;
use super::types::{ParamLowering, ReturnLowering};
use super::validate::Import;

/// Both arms of the expansion.
pub(crate) fn expand(import: &Import<'_>) -> TokenStream {
    let wasm = wasm_arm(import);
    let host = host_arm(import);
    quote! {
        #wasm
        #host
    }
}

fn core_type(core: Core) -> TokenStream {
    match core {
        Core::I32 => quote!(i32),
        Core::I64 => quote!(i64),
    }
}

fn local(name: &str, index: usize) -> Ident {
    format_ident!("__{}{}", name, index, span = Span::mixed_site())
}

/// The core type of the next lowered value: the spec's when the module has one, otherwise
/// whatever `ty` lowers to.
fn next_core(spec: &mut Option<impl Iterator<Item = Core>>, ty: &Type) -> TokenStream {
    match spec.as_mut().and_then(Iterator::next) {
        Some(core) => core_type(core),
        None => quote_spanned!(ty.span()=> <#ty as ::wasm_function::__private::WasmType>::Core),
    }
}

fn next_i32(spec: &mut Option<impl Iterator<Item = Core>>) -> TokenStream {
    match spec.as_mut().and_then(Iterator::next) {
        Some(core) => core_type(core),
        None => quote!(i32),
    }
}

fn wasm_arm(import: &Import<'_>) -> TokenStream {
    let func = import.func;
    let attrs = &func.attrs;
    let vis = &func.vis;
    let sig = &func.sig;
    let module = &import.module;
    let name = &import.name;
    let extern_fn = Ident::new("__wasm_function_import", Span::mixed_site());
    let mut spec = import
        .spec
        .map(|spec| spec.params.iter().map(|&(_, core)| core));

    let mut prelude = Vec::new();
    let mut core_params = Vec::new();
    let mut call_args = Vec::new();
    for (index, param) in import.params.iter().enumerate() {
        let ident = param.ident;
        let ty = param.ty;
        match &param.lowering {
            ParamLowering::Value | ParamLowering::Pointer => {
                core_params.push(next_core(&mut spec, ty));
                call_args.push(quote_spanned! {ty.span()=>
                    <#ty as ::wasm_function::__private::WasmType>::into_core(#ident)
                });
            }
            ParamLowering::Str | ParamLowering::Slice { .. } => {
                let (ptr, len) = (local("ptr", index), local("len", index));
                let parts = match &param.lowering {
                    ParamLowering::Slice {
                        elem,
                        mutable: true,
                    } => {
                        quote_spanned!(elem.span()=> ::wasm_function::__private::slice_mut_parts::<#elem>(#ident))
                    }
                    ParamLowering::Slice {
                        elem,
                        mutable: false,
                    } => {
                        quote_spanned!(elem.span()=> ::wasm_function::__private::slice_parts::<#elem>(#ident))
                    }
                    _ => quote!(::wasm_function::__private::str_parts(#ident)),
                };
                prelude.push(quote!(let (#ptr, #len) = #parts;));
                core_params.push(next_i32(&mut spec));
                core_params.push(next_i32(&mut spec));
                call_args.push(quote!(#ptr));
                call_args.push(quote!(#len));
            }
        }
    }

    let status = Ident::new("__status", Span::mixed_site());
    let (extern_ret, body) = match &import.ret {
        ReturnLowering::Unit => (
            quote!(),
            quote! {
                // SAFETY: the import is declared with the core types its arguments lower to;
                // borrowed data stays alive and unaliased for the call.
                unsafe { #extern_fn(#(#call_args),*) }
            },
        ),
        ReturnLowering::Never => (
            quote!(-> !),
            quote! {
                // SAFETY: as above; the import does not return.
                unsafe { #extern_fn(#(#call_args),*) }
            },
        ),
        ReturnLowering::Value(ty) => {
            let core = match import.spec {
                Some(_) => quote!(i32),
                None => {
                    quote_spanned!(ty.span()=> <#ty as ::wasm_function::__private::WasmType>::Core)
                }
            };
            (
                quote!(-> #core),
                quote! {
                    // SAFETY: the import is declared with the core types its arguments lower
                    // to; borrowed data stays alive and unaliased for the call.
                    let #status = unsafe { #extern_fn(#(#call_args),*) };
                    <#ty as ::wasm_function::__private::WasmType>::from_core(#status)
                },
            )
        }
        ReturnLowering::Result { ok, err } => {
            let slots: Vec<Ident> = (0..ok.len()).map(|index| local("out", index)).collect();
            for (slot, ty) in slots.iter().zip(ok) {
                prelude.push(quote_spanned! {ty.span()=>
                    let mut #slot = ::wasm_function::__private::OutSlot::<#ty>::new();
                });
                core_params.push(next_i32(&mut spec));
                call_args.push(quote!(#slot.as_core_ptr()));
            }
            let value = match slots.as_slice() {
                [] => quote!(()),
                [single] => quote! {
                    // SAFETY: a host that reports success has written every out-value (the
                    // `ErrorCode` contract).
                    unsafe { #single.assume_written() }
                },
                many => quote! {
                    // SAFETY: as above.
                    unsafe { (#(#many.assume_written()),*) }
                },
            };
            let error = quote_spanned! {err.span()=>
                <#err as ::wasm_function::__private::ErrorCode>::from_status(#status)
            };
            (
                quote!(-> i32),
                quote! {
                    // SAFETY: the import is declared with the core types its arguments lower
                    // to; borrowed data stays alive and unaliased for the call, and each
                    // out-pointer addresses a live, aligned slot of the type the host writes.
                    let #status = unsafe { #extern_fn(#(#call_args),*) };
                    if #status == 0 {
                        ::core::result::Result::Ok(#value)
                    } else {
                        ::core::result::Result::Err(#error)
                    }
                },
            )
        }
    };

    let core_param_names: Vec<Ident> = (0..core_params.len())
        .map(|index| local("arg", index))
        .collect();
    let inline = has_inline(attrs)
        .then(TokenStream::new)
        .unwrap_or_else(|| quote!(#[inline]));
    quote! {
        #[cfg(target_arch = "wasm32")]
        #(#attrs)*
        #inline
        #vis #sig {
            #[link(wasm_import_module = #module)]
            unsafe extern "C" {
                #[link_name = #name]
                fn #extern_fn(#(#core_param_names: #core_params),*) #extern_ret;
            }
            #(#prelude)*
            #body
        }
    }
}

fn has_inline(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident("inline"))
}

/// Statements that make the host build reject what the wasm32 build would: every type must
/// lower, and for preview1 lower to the spec's core type.
fn host_checks(import: &Import<'_>) -> Vec<TokenStream> {
    let mut spec = import
        .spec
        .map(|spec| spec.params.iter().map(|&(_, core)| core));
    let mut checks = Vec::new();
    for param in &import.params {
        let ty = param.ty;
        match &param.lowering {
            ParamLowering::Value | ParamLowering::Pointer => {
                checks.push(match spec.as_mut().and_then(Iterator::next) {
                    Some(core) => {
                        let core = core_type(core);
                        quote_spanned!(ty.span()=> ::wasm_function::__private::assert_core::<#ty, #core>();)
                    }
                    None => quote_spanned!(ty.span()=> ::wasm_function::__private::assert_wasm_type::<#ty>();),
                });
            }
            ParamLowering::Slice { elem, mutable } => {
                skip_pointer_and_length(&mut spec);
                let check = if *mutable {
                    quote!(assert_writable)
                } else {
                    quote!(assert_layout)
                };
                checks.push(
                    quote_spanned!(elem.span()=> ::wasm_function::__private::#check::<#elem>();),
                );
            }
            ParamLowering::Str => skip_pointer_and_length(&mut spec),
        }
    }
    match &import.ret {
        ReturnLowering::Unit | ReturnLowering::Never => {}
        ReturnLowering::Value(ty) => checks.push(match import.spec {
            Some(_) => {
                quote_spanned!(ty.span()=> ::wasm_function::__private::assert_core::<#ty, i32>();)
            }
            None => {
                quote_spanned!(ty.span()=> ::wasm_function::__private::assert_wasm_type::<#ty>();)
            }
        }),
        ReturnLowering::Result { ok, err } => {
            for ty in ok {
                checks.push(quote_spanned!(ty.span()=> ::wasm_function::__private::assert_writable::<#ty>();));
            }
            checks.push(quote_spanned!(err.span()=> ::wasm_function::__private::assert_error_code::<#err>();));
        }
    }
    checks
}

/// A `&str` or slice takes two core parameters (pointer, length), both `i32`.
fn skip_pointer_and_length(spec: &mut Option<impl Iterator<Item = Core>>) {
    if let Some(spec) = spec.as_mut() {
        spec.nth(1);
    }
}

fn host_arm(import: &Import<'_>) -> TokenStream {
    let func = import.func;
    let attrs = &func.attrs;
    let vis = &func.vis;
    let sig = &func.sig;
    let checks = host_checks(import);
    let body = match &func.body {
        Some(body) => quote!(#body),
        None => {
            let module = &import.module;
            let name = &import.name;
            let idents = import.params.iter().map(|param| param.ident);
            quote! {
                let _ = (#(&#idents,)*);
                ::wasm_function::__private::not_on_this_target(#module, #name)
            }
        }
    };
    quote! {
        #[cfg(not(target_arch = "wasm32"))]
        #(#attrs)*
        #vis #sig {
            #(#checks)*
            #body
        }
    }
}
