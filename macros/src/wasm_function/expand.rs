//! Turns a checked import into code. Both arms share one body that lowers the arguments, calls
//! the core import and lifts the result, all read off the [`LoweredSignature`]:
//!
//! - on wasm32 the import is a function-local `extern "C"` block;
//! - elsewhere it is a local function with the same core signature that panics naming the
//!   import (as wit-bindgen's host stubs do), so host builds type-check the real lowering.
//!   When the user wrote a body, that body runs instead, and the lowering is type-checked in
//!   a nested function that is never called.
//!
//! Infallible by construction.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use super::lowering::{self, CoreResult, CoreSource, CoreTy, CoreValType, LoweredSignature};
use super::types::{ParamShape, ReturnShape};
use super::validate::Import;

/// The expansion: without a user body, one function whose import declaration alone depends
/// on the target (half the tokens of two whole arms, for the compiler to parse and strip);
/// with one, a wasm32 arm and a host arm that runs the body.
pub(crate) fn expand(import: &Import<'_>) -> TokenStream {
    let call = CoreCall::new(import);
    let Some(user) = &import.func.body else {
        return one_function(import, &call);
    };
    let wasm = wasm_arm(import, &call);
    let host = host_arm(import, &call, user);
    quote! {
        #wasm
        #host
    }
}

/// The wasm32 import declaration: a function-local `extern "C"` block.
fn extern_block(import: &Import<'_>, call: &CoreCall) -> TokenStream {
    let (module, name) = (&import.module, &import.name);
    let CoreCall {
        import_fn,
        param_types,
        ret,
        ..
    } = call;
    let names: Vec<Ident> = (0..param_types.len())
        .map(|index| local("arg", index))
        .collect();
    quote! {
        #[link(wasm_import_module = #module)]
        unsafe extern "C" {
            #[link_name = #name]
            fn #import_fn(#(#names: #param_types),*) #ret;
        }
    }
}

/// The host stub: the same core signature, reporting that the import exists only on wasm32.
fn host_stub(import: &Import<'_>, call: &CoreCall) -> TokenStream {
    let (module, name) = (&import.module, &import.name);
    let CoreCall {
        import_fn,
        stub_params,
        stub_generics,
        stub_ret,
        ..
    } = call;
    quote! {
        unsafe fn #import_fn #stub_generics(#(_: #stub_params),*) #stub_ret {
            ::wasm_function::__private::not_on_this_target(#module, #name)
        }
    }
}

fn one_function(import: &Import<'_>, call: &CoreCall) -> TokenStream {
    let func = import.func;
    let (attrs, vis, sig) = (&func.attrs, &func.vis, &func.sig);
    let inline = (!has_inline(attrs)).then(|| quote!(#[cfg_attr(target_arch = "wasm32", inline)]));
    let extern_block = extern_block(import, call);
    let stub = host_stub(import, call);
    let body = &call.body;
    quote! {
        #(#attrs)*
        #inline
        #vis #sig {
            #[cfg(target_arch = "wasm32")]
            #extern_block
            #[cfg(not(target_arch = "wasm32"))]
            #stub
            #body
        }
    }
}

/// The pieces every arm is made of.
struct CoreCall {
    /// The core import's name inside the wrapper.
    import_fn: Ident,
    /// Each core parameter's type.
    param_types: Vec<TokenStream>,
    /// `-> T`, or nothing.
    ret: TokenStream,
    /// The host stub's parameter types: the core types, except that a type only the compiler
    /// knows (`<T as WasmType>::Core`) is `impl CoreType`, since the argument has that type by
    /// construction. Naming the projection again would report a `T` that is not `WasmType`
    /// twice, the second time on the attribute.
    stub_params: Vec<TokenStream>,
    /// The host stub's generics and `-> T`, by the same rule: `-> __R`, inferred from the
    /// lift (unbounded, since a bound would be checked on the attribute).
    stub_generics: TokenStream,
    stub_ret: TokenStream,
    /// The wrapper's body: lower, call the import, lift.
    body: TokenStream,
}

fn exact(ty: CoreValType) -> TokenStream {
    let ident = Ident::new(ty.name(), Span::call_site());
    quote!(#ident)
}

fn core_type(ty: CoreTy<'_>) -> TokenStream {
    match ty {
        CoreTy::Exact(ty) => exact(ty),
        CoreTy::Of(ty) => {
            quote_spanned!(ty.span()=> <#ty as ::wasm_function::__private::WasmType>::Core)
        }
    }
}

fn local(name: &str, index: usize) -> Ident {
    format_ident!("__{}{}", name, index, span = Span::mixed_site())
}

impl CoreCall {
    fn new(import: &Import<'_>) -> Self {
        let import_fn = Ident::new("__wasm_function_import", Span::mixed_site());
        let params = &import.parsed.params;
        let lowered: &LoweredSignature<'_> = &import.lowered;

        let mut prelude = Vec::new();
        let mut param_types = Vec::new();
        let mut stub_params = Vec::new();
        let mut call_args = Vec::new();
        for core in &lowered.params {
            param_types.push(core_type(core.ty));
            stub_params.push(match core.ty {
                CoreTy::Exact(ty) => exact(ty),
                CoreTy::Of(_) => quote!(impl ::wasm_function::__private::CoreType),
            });
            match core.source {
                CoreSource::Value { param } => {
                    let (ident, ty) = (params[param].ident, params[param].ty);
                    call_args.push(match core.ty {
                        CoreTy::Exact(core) => {
                            // The argument on the type too, so that a mismatch points at it.
                            let core = exact(core);
                            let mut arg = ident.clone();
                            arg.set_span(ty.span());
                            quote_spanned! {ty.span()=>
                                ::wasm_function::__private::into_core::<#ty, #core>(#arg)
                            }
                        }
                        CoreTy::Of(_) => quote_spanned! {ty.span()=>
                            <#ty as ::wasm_function::__private::WasmType>::into_core(#ident)
                        },
                    });
                }
                CoreSource::Pointer { param } => {
                    let (ptr, len) = (local("ptr", param), local("len", param));
                    let ident = params[param].ident;
                    let parts = match &params[param].shape {
                        ParamShape::Slice {
                            elem,
                            mutable: true,
                        } => {
                            quote_spanned!(elem.span()=> ::wasm_function::__private::slice_mut_parts::<#elem>(#ident))
                        }
                        ParamShape::Slice {
                            elem,
                            mutable: false,
                        } => {
                            quote_spanned!(elem.span()=> ::wasm_function::__private::slice_parts::<#elem>(#ident))
                        }
                        ParamShape::Segment { mutable: true } => {
                            quote_spanned!(params[param].ty.span()=> ::wasm_function::__private::segment_mut_parts(#ident))
                        }
                        ParamShape::Segment { mutable: false } => {
                            quote_spanned!(params[param].ty.span()=> ::wasm_function::__private::segment_parts(#ident))
                        }
                        _ => quote!(::wasm_function::__private::str_parts(#ident)),
                    };
                    prelude.push(quote!(let (#ptr, #len) = #parts;));
                    call_args.push(quote!(#ptr));
                }
                CoreSource::Length { param } => {
                    let len = local("len", param);
                    call_args.push(quote!(#len));
                }
                CoreSource::OutPointer { ok } => {
                    let slot = local("out", ok);
                    if let ReturnShape::Result { ok: values, .. } = &import.parsed.ret {
                        let ty = values[ok];
                        prelude.push(quote_spanned! {ty.span()=>
                            let mut #slot = ::wasm_function::__private::OutSlot::<#ty>::new();
                        });
                    }
                    call_args.push(quote!(#slot.as_core_ptr()));
                }
            }
        }

        let ret = match lowered.result {
            CoreResult::None => quote!(),
            CoreResult::Never => quote!(-> !),
            CoreResult::Value(ty) => {
                let ty = core_type(ty);
                quote!(-> #ty)
            }
            CoreResult::Status => {
                let ty = exact(lowering::STATUS);
                quote!(-> #ty)
            }
        };
        let (stub_generics, stub_ret) = match lowered.result {
            CoreResult::Value(CoreTy::Of(_)) => {
                let generic = Ident::new("__R", Span::mixed_site());
                (quote!(<#generic>), quote!(-> #generic))
            }
            _ => (TokenStream::new(), ret.clone()),
        };
        let lift = lift(&import.parsed.ret, lowered.result, &import_fn, &call_args);
        Self {
            import_fn,
            param_types,
            ret,
            stub_params,
            stub_generics,
            stub_ret,
            body: quote! {
                #(#prelude)*
                #lift
            },
        }
    }
}

/// The call and what turns its core result into the declared return value.
fn lift(
    ret: &ReturnShape<'_>,
    core: CoreResult<'_>,
    import_fn: &Ident,
    args: &[TokenStream],
) -> TokenStream {
    let status = Ident::new("__status", Span::mixed_site());
    let call = quote!(#import_fn(#(#args),*));
    match ret {
        ReturnShape::Unit => quote! {
            // SAFETY: the import is declared with the core types its arguments lower to;
            // borrowed data stays alive and unaliased for the call.
            unsafe { #call }
        },
        ReturnShape::Never => quote! {
            // SAFETY: as above; the import does not return.
            unsafe { #call }
        },
        ReturnShape::Value(ty) => {
            // The core value is never bound to a local: a local of a type that does not lower
            // would report that type a second time, on the attribute.
            let lift = match core {
                CoreResult::Value(CoreTy::Exact(core)) => {
                    let core = exact(core);
                    quote_spanned!(ty.span()=> ::wasm_function::__private::from_core::<#ty, #core>)
                }
                _ => {
                    quote_spanned!(ty.span()=> <#ty as ::wasm_function::__private::WasmType>::from_core)
                }
            };
            // The call and its `unsafe` block where the type is too: their type is that type's
            // core type, so a type that does not lower is reported there, and once. (An
            // item's name resolves at the call site whatever its span, so the callee is the
            // same function.)
            let callee = Ident::new(&import_fn.to_string(), ty.span());
            let call = quote_spanned!(ty.span()=> #callee(#(#args),*));
            let unsafe_call = quote_spanned!(ty.span()=> unsafe { #call });
            quote! {
                // SAFETY: the import is declared with the core types its arguments lower
                // to; borrowed data stays alive and unaliased for the call.
                #lift(#unsafe_call)
            }
        }
        ReturnShape::Result { ok, err } => {
            let slots: Vec<Ident> = (0..ok.len()).map(|index| local("out", index)).collect();
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
            let error = error_from_status(err, &status);
            quote! {
                // SAFETY: the import is declared with the core types its arguments lower
                // to; borrowed data stays alive and unaliased for the call, and each
                // out-pointer addresses a live, aligned slot of the type the host writes.
                let #status = unsafe { #call };
                if #status == 0 {
                    ::core::result::Result::Ok(#value)
                } else {
                    ::core::result::Result::Err(#error)
                }
            }
        }
    }
}

fn error_from_status(err: &Type, status: &Ident) -> TokenStream {
    quote_spanned! {err.span()=>
        <#err as ::wasm_function::__private::ErrorCode>::from_status(#status)
    }
}

fn wasm_arm(import: &Import<'_>, call: &CoreCall) -> TokenStream {
    let func = import.func;
    let (attrs, vis, sig) = (&func.attrs, &func.vis, &func.sig);
    let inline = (!has_inline(attrs)).then(|| quote!(#[inline]));
    let extern_block = extern_block(import, call);
    let body = &call.body;
    quote! {
        #[cfg(target_arch = "wasm32")]
        #(#attrs)*
        #inline
        #vis #sig {
            #extern_block
            #body
        }
    }
}

fn has_inline(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident("inline"))
}

/// The host arm when the user wrote a body: the body runs, and the lowering is type-checked in
/// a nested function that is never called.
fn host_arm(import: &Import<'_>, call: &CoreCall, user: &syn::Block) -> TokenStream {
    let func = import.func;
    let (attrs, vis, sig) = (&func.attrs, &func.vis, &func.sig);
    let stub = host_stub(import, call);
    let body = &call.body;
    let mut checked = sig.clone();
    checked.ident = Ident::new("__wasm_function_lowered", Span::mixed_site());
    quote! {
        #[cfg(not(target_arch = "wasm32"))]
        #(#attrs)*
        #vis #sig {
            #[allow(dead_code)]
            #checked {
                #stub
                #body
            }
            #user
        }
    }
}
