//! `wasi_cli_run!(path::to::run)`: makes a component a command without std, by exporting
//! `wasi:cli/run#run` (at the version of the built-in WIT, since export names must match
//! exactly) that calls `run: fn() -> Result<(), ()>`, with the component-type section of a
//! world that exports `wasi:cli/run`. A std bin has this from libstd already.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;

use super::wit_source;

/// Expands the macro; the input is the path of the function to run.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let path: syn::Path = match syn::parse2(input) {
        Ok(path) => path,
        Err(error) => {
            return syn::Error::new(
                error.span(),
                "expected the path of a `fn() -> Result<(), ()>`: `wasi_cli_run!(run);`",
            )
            .into_compile_error();
        }
    };
    let source = wit_source::builtin();
    let resolve = &source.resolve;
    let version = resolve
        .packages
        .iter()
        .find(|(_, pkg)| pkg.name.namespace == "wasi" && pkg.name.name == "cli")
        .and_then(|(_, pkg)| pkg.name.version.clone());
    let Some(version) = version else {
        return syn::Error::new(Span::call_site(), "the built-in WIT has no wasi:cli")
            .into_compile_error();
    };
    let interface = format!("wasi:cli/run@{version}");
    let bytes = match super::section::encode_export(resolve, &interface) {
        Ok(bytes) => bytes,
        Err(message) => return syn::Error::new(Span::call_site(), message).into_compile_error(),
    };
    let export_name = format!("{interface}#run");
    let len = Literal::usize_unsuffixed(bytes.len());
    let bytes = Literal::byte_string(&bytes);
    let section = format!("component-type:wasm-function:run-{version}");
    let export = syn::Ident::new("__wasm_function_run", Span::mixed_site());
    let user = syn::Ident::new("__wasm_function_user_run", Span::mixed_site());
    quote! {
        #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
        const _: () = {
            #[unsafe(link_section = #section)]
            static COMPONENT_TYPE: [u8; #len] = *#bytes;

            #[unsafe(export_name = #export_name)]
            extern "C" fn #export() -> i32 {
                let #user: fn() -> ::core::result::Result<(), ()> = #path;
                match #user() {
                    ::core::result::Result::Ok(()) => 0,
                    ::core::result::Result::Err(()) => 1,
                }
            }
        };
    }
}
