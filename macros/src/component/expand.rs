//! Turns a checked Component Model import into code: one function whose body lowers the
//! arguments through the Canonical ABI, calls the core import that names the interface and
//! function (declared only on `wasm32-wasip2`; elsewhere a stub that reports the import exists
//! only there, so every target type-checks the same lowering), and lifts the result. On
//! `wasm32-wasip2` the body also carries the component-type section and calls the
//! `#[inline(never)]` anchor that keeps it linked.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;

use super::canonical::{self, Flat, MAX_FLAT_PARAMS, MAX_FLAT_RESULTS};
use super::lower::{self, Lift, Locals};
use super::model::ComponentImport;

const P2: &str = "all(target_arch = \"wasm32\", target_env = \"p2\")";

pub(crate) fn expand(import: &ComponentImport<'_>) -> TokenStream {
    let p2: TokenStream = P2.parse().unwrap_or_default();
    let func = import.func;
    let (attrs, vis, sig) = (&func.attrs, &func.vis, &func.sig);
    let import_fn = syn::Ident::new("__wasm_function_import", Span::mixed_site());
    let mut locals = Locals::with_memory(import.memory.clone());
    let mut prelude = Vec::new();

    // Each resource type must be the one the WIT names: checked while compiling.
    let mut resources = Vec::new();
    for (_, checked) in &import.params {
        lower::resources(checked, &mut resources);
    }
    if let Some(checked) = &import.result {
        lower::resources(checked, &mut resources);
    }
    let mut seen = std::collections::HashSet::new();
    resources.retain(|(ty, wit)| seen.insert((quote!(#ty).to_string(), wit.clone())));
    for (ty, wit) in &resources {
        let (same, trait_) = (helper("same_str"), helper("Resource"));
        let message = format!(
            "this Rust type is not the WIT resource `{wit}`: declare it with `#[wasm_resource(\"{}\", \"{}\")]`",
            wit.split('#').next().unwrap_or_default(),
            super::canonical::resource_name(wit)
        );
        let span = syn::spanned::Spanned::span(ty);
        prelude.push(quote::quote_spanned! {span=>
            const _: () = ::core::assert!(#same(<#ty as #trait_>::WIT, #wit), #message);
        });
    }

    // Each derived flags type must be of the flags the WIT has here.
    let mut flags = Vec::new();
    for (_, checked) in &import.params {
        lower::flags_types(checked, &mut flags);
    }
    if let Some(checked) = &import.result {
        lower::flags_types(checked, &mut flags);
    }
    let mut seen = std::collections::HashSet::new();
    flags.retain(|(ty, wit)| seen.insert((quote!(#ty).to_string(), wit.clone())));
    for (ty, wit) in &flags {
        let (same, trait_) = (helper("same_str"), helper("WitType"));
        let message = format!(
            "this Rust type is not of the WIT flags `{wit}`: derive `ComponentType` for it with `#[component(\"{}\", \"{}\")]`",
            wit.split('#').next().unwrap_or_default(),
            wit.rsplit('#').next().unwrap_or_default()
        );
        let span = syn::spanned::Spanned::span(ty);
        prelude.push(quote::quote_spanned! {span=>
            const _: () = ::core::assert!(#same(<#ty as #trait_>::WIT, #wit), #message);
        });
    }

    // Parameters: flat, or one pointer to them laid out as a tuple in a buffer we own.
    let mut flat_params: Vec<Flat> = Vec::new();
    for (_, checked) in &import.params {
        canonical::flatten(&checked.wit, &mut flat_params);
    }
    let mut core_params: Vec<Flat> = Vec::new();
    let mut args: Vec<TokenStream> = Vec::new();
    if flat_params.len() <= MAX_FLAT_PARAMS {
        for (ident, checked) in &import.params {
            args.extend(lower::lower_flat(
                quote!(#ident),
                false,
                checked,
                &mut locals,
                &mut prelude,
            ));
        }
        core_params.extend(&flat_params);
    } else {
        let wits: Vec<&canonical::Wit> = import.params.iter().map(|(_, c)| &c.wit).collect();
        let offsets = canonical::field_offsets(&wits);
        let tuple = canonical::Wit::Tuple(wits.iter().map(|w| (*w).clone()).collect());
        let words = Literal::usize_unsuffixed((canonical::size(&tuple) as usize).div_ceil(8));
        let (buffer, base) = (locals.next("params"), locals.next("base"));
        let mut stores = Vec::new();
        for ((ident, checked), at) in import.params.iter().zip(offsets) {
            lower::store(
                &base,
                at,
                quote!(#ident),
                false,
                checked,
                &mut locals,
                &mut stores,
            );
        }
        let address = helper("address_of");
        prelude.push(quote! {
            let mut #buffer = ::core::mem::MaybeUninit::<[u64; #words]>::uninit();
            let #base: *mut u8 = #buffer.as_mut_ptr().cast::<u8>();
            // SAFETY: `base` addresses this function's buffer, 8-aligned and as large as the
            // parameter tuple's Canonical ABI layout, at whose offsets each store writes.
            unsafe { #(#stores)* }
        });
        args.push(quote!(#address(#base)));
        core_params.push(Flat::I32);
    }

    // The result: one flat value, or a return area we own that the host writes.
    let flat_result = import
        .result
        .as_ref()
        .map(|c| canonical::flat(&c.wit))
        .unwrap_or_default();
    let lift = Lift {
        memory: import.memory.as_ref(),
    };
    let (core_ret, finish) = match &import.result {
        None => (None, None),
        Some(checked) if flat_result.len() <= MAX_FLAT_RESULTS => {
            let value = syn::Ident::new("__core", Span::mixed_site());
            (
                flat_result.first().copied(),
                Some((value.clone(), lower::lift_flat(quote!(#value), checked))),
            )
        }
        Some(checked) => {
            let words = Literal::usize_unsuffixed(
                (canonical::size(&checked.wit) as usize).div_ceil(8).max(1),
            );
            let (area, base) = (locals.next("ret"), locals.next("ret_base"));
            let address = helper("address_of");
            prelude.push(quote! {
                let mut #area = ::core::mem::MaybeUninit::<[u64; #words]>::uninit();
                let #base: *mut u8 = #area.as_mut_ptr().cast::<u8>();
            });
            args.push(quote!(#address(#base)));
            core_params.push(Flat::I32);
            let read_base = locals.next("read");
            let loaded = lower::load(&read_base, 0, checked, &lift, &mut locals);
            let value = syn::Ident::new("__core", Span::mixed_site());
            (
                None,
                Some((
                    value,
                    quote! {{
                        let #read_base: *const u8 = #base;
                        // SAFETY: the host wrote the result into the return area (8-aligned, as
                        // large as the result's layout) through the pointer derived from
                        // `as_mut_ptr`, in the Canonical ABI layout the loads read.
                        unsafe { #loaded }
                    }},
                )),
            )
        }
    };
    let param_types = lower::flat_types(&core_params);
    let names: Vec<syn::Ident> = (0..param_types.len()).map(|_| locals.next("arg")).collect();
    let ret = core_ret.map(|flat| {
        let ty = &lower::flat_types(&[flat])[0];
        quote!(-> #ty)
    });
    let (module, name) = (&import.module, &import.name);
    let call = quote!(#import_fn(#(#args),*));
    let call = match &import.memory {
        Some(memory) => {
            let scope = helper("with_realloc_scope");
            // SAFETY: the import is declared with the core types its arguments lower to;
            // borrowed data and buffers stay alive and unaliased for the call.
            quote!(#scope(#memory, || unsafe { #call }))
        }
        // SAFETY: as above.
        None => quote!(unsafe { #call }),
    };
    let body = match finish {
        None => quote! {
            #(#prelude)*
            #call
        },
        Some((value, lifted)) if core_ret.is_some() => quote! {
            #(#prelude)*
            let #value = #call;
            #lifted
        },
        Some((_, lifted)) => quote! {
            #(#prelude)*
            #call;
            #lifted
        },
    };
    let (section_name, bytes) = &import.section;
    let len = Literal::usize_unsuffixed(bytes.len());
    let bytes = Literal::byte_string(bytes);
    let section = syn::Ident::new("__WASM_FUNCTION_COMPONENT_TYPE", Span::mixed_site());
    let anchor = syn::Ident::new("__wasm_function_component_type", Span::mixed_site());
    let depends = depend_on(&import.files);
    let not_here = quote!(::wasm_function::__private::not_on_this_target);
    let user_body = func.body.as_ref();
    let lowered = quote! {
        #[cfg(#p2)]
        #[link(wasm_import_module = #module)]
        unsafe extern "C" {
            #[link_name = #name]
            fn #import_fn(#(#names: #param_types),*) #ret;
        }
        #[cfg(not(#p2))]
        unsafe fn #import_fn(#(_: #param_types),*) #ret {
            #not_here(#module, #name)
        }
        #(#depends)*
        #[cfg(#p2)]
        #[unsafe(link_section = #section_name)]
        static #section: [u8; #len] = *#bytes;
        #[cfg(#p2)]
        #[inline(never)]
        fn #anchor() {}
        #[cfg(#p2)]
        #anchor();
        #body
    };
    match user_body {
        None => quote! {
            #(#attrs)*
            #vis #sig {
                #lowered
            }
        },
        Some(user) => {
            let mut checked = sig.clone();
            checked.ident = syn::Ident::new("__wasm_function_lowered", Span::mixed_site());
            quote! {
                #[cfg(#p2)]
                #(#attrs)*
                #vis #sig {
                    #lowered
                }
                #[cfg(not(#p2))]
                #(#attrs)*
                #vis #sig {
                    #[allow(dead_code, unused_variables)]
                    #checked {
                        #lowered
                    }
                    #user
                }
            }
        }
    }
}

fn helper(name: &str) -> TokenStream {
    let name = syn::Ident::new(name, Span::call_site());
    quote!(::wasm_function::__private::component::#name)
}

/// Each WIT file read, as a dependency of the crate, so that cargo rebuilds when it changes;
/// named from the crate root when it is inside it, so the expansion is the same everywhere.
pub(crate) fn depend_on(files: &[std::path::PathBuf]) -> Vec<TokenStream> {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .map(|dir| std::fs::canonicalize(&dir).unwrap_or(dir));
    files
        .iter()
        .filter_map(|file| {
            let relative = manifest
                .as_ref()
                .and_then(|dir| file.strip_prefix(dir).ok())
                .and_then(|rel| rel.to_str());
            match relative {
                Some(rel) => {
                    let rel = format!("/{rel}");
                    Some(quote! {
                        const _: &[u8] = ::core::include_bytes!(::core::concat!(
                            ::core::env!("CARGO_MANIFEST_DIR"),
                            #rel
                        ));
                    })
                }
                None => file.to_str().map(|file| {
                    quote!(
                        const _: &[u8] = ::core::include_bytes!(#file);
                    )
                }),
            }
        })
        .collect()
}
