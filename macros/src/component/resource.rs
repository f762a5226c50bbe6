//! `#[wasm_resource("ns:pkg/iface@version", "name")]` on a unit struct: makes it the Rust type
//! of that WIT resource (checked to exist in WIT), a `u32` handle it owns, whose `Drop` calls
//! the `[resource-drop]name` import. `#[wasm_function]` then takes it for `own<name>` and
//! `&Type` for `borrow<name>`.

use proc_macro2::{Span, TokenStream};
use quote::quote;

use super::canonical::Wit;
use super::resolve::{self, InterfaceName};
use crate::errors::{self, Errors};
use crate::wasm_function::ImportArgs;

/// Expands the attribute.
pub(crate) fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let item_struct: syn::ItemStruct = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(error) => {
            return errors::with_item(
                syn::Error::new(
                    error.span(),
                    "`#[wasm_resource]` goes on a unit struct: `pub struct OutputStream;`",
                ),
                item,
            );
        }
    };
    let mut errors = Errors::new();
    let resource = check(args, &item_struct, &mut errors);
    match (errors.finish(), resource) {
        (Ok(()), Some((module, name, qualified, wit))) => {
            emit(&item_struct, &module, &name, &qualified, wit.as_ref())
        }
        (result, _) => {
            let error = result.err().unwrap_or_else(|| {
                syn::Error::new(Span::call_site(), "invalid `#[wasm_resource]`")
            });
            errors::with_item(error, item)
        }
    }
}

fn check(
    args: TokenStream,
    item: &syn::ItemStruct,
    errors: &mut Errors,
) -> Option<(String, String, String, Option<syn::LitStr>)> {
    if !matches!(item.fields, syn::Fields::Unit) {
        errors.spanned(
            &item.fields,
            "a resource type holds only its handle: declare a unit struct, `pub struct Name;`",
        );
    }
    if !item.generics.params.is_empty() {
        errors.spanned(&item.generics, "a resource type cannot be generic");
    }
    let args: ImportArgs = crate::wasm_function::parse_args(args, errors)?;
    let Some(name) = &args.name else {
        errors.spanned(
            &args.module,
            "name the resource: `#[wasm_resource(\"wasi:io/streams@0.2.0\", \"output-stream\")]`",
        );
        return None;
    };
    let module = args.module.value();
    let interface = match InterfaceName::parse(&module) {
        Ok(interface) => interface,
        Err(message) => {
            errors.spanned(&args.module, message);
            return None;
        }
    };
    let source = match super::model::source(&args, &interface) {
        Ok(source) => source,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    let drop = format!("[resource-drop]{}", name.value());
    let found = match resolve::lookup(&source.resolve, &interface, &drop) {
        Ok(found) => found,
        Err(message) => {
            let message = message
                .replace("no function `[resource-drop]", "no resource `")
                .replace("did you mean `[resource-drop]", "did you mean `");
            errors.spanned(name, message);
            return None;
        }
    };
    let qualified = match found
        .function
        .params
        .first()
        .map(|p| Wit::from_wit(&source.resolve, &p.ty))
    {
        Some(Wit::Own(qualified)) => qualified,
        _ => return None,
    };
    Some((module, name.value(), qualified, args.wit.clone()))
}

/// `wit`, the attribute's `wit = "path"`, is passed on to the drop's import.
fn emit(
    item: &syn::ItemStruct,
    module: &str,
    name: &str,
    qualified: &str,
    wit: Option<&syn::LitStr>,
) -> TokenStream {
    let wit = wit.map(|wit| quote!(, wit = #wit));
    let (attrs, vis, ident) = (&item.attrs, &item.vis, &item.ident);
    let drop_name = format!("[resource-drop]{name}");
    let drop_fn = syn::Ident::new("__wasm_function_resource_drop", Span::mixed_site());
    let trait_ = quote!(::wasm_function::__private::component::Resource);
    let doc =
        format!("The WIT resource `{qualified}`: an owned handle, dropped with `{drop_name}`.");
    quote! {
        #(#attrs)*
        #[doc = #doc]
        #[repr(transparent)]
        #[derive(Debug, PartialEq, Eq)]
        #vis struct #ident {
            handle: u32,
        }

        impl #ident {
            /// The handle, which stays owned by this value.
            #[must_use]
            #vis fn handle(&self) -> u32 {
                self.handle
            }
        }

        // SAFETY: `WIT` is the resource the attribute found in WIT; the handle is owned by the
        // value and given up only by `into_handle`, which does not drop it.
        unsafe impl #trait_ for #ident {
            const WIT: &'static str = #qualified;
            fn handle(&self) -> u32 {
                self.handle
            }
            fn into_handle(self) -> u32 {
                let handle = self.handle;
                ::core::mem::forget(self);
                handle
            }
            unsafe fn from_handle(handle: u32) -> Self {
                Self { handle }
            }
        }

        impl ::core::ops::Drop for #ident {
            fn drop(&mut self) {
                #[::wasm_function::wasm_function(#module, #drop_name #wit)]
                fn #drop_fn(handle: u32);
                #drop_fn(self.handle);
            }
        }
    }
}
