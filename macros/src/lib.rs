//! Implementation detail of the `wasm-function` crate: use the macros through
//! `wasm_function::{wasm_function, with_memory_allocator, WasmType}`, where they are documented.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

mod derive_wasm_type;
mod errors;
mod memory_scope;
mod wasm_function;

/// Replaces the function's body with a call to a WebAssembly import: see the `wasm-function`
/// crate's documentation.
#[proc_macro_attribute]
pub fn wasm_function(args: TokenStream, item: TokenStream) -> TokenStream {
    wasm_function::expand(args.into(), item.into()).into()
}

/// Opens a scope of bump-allocated linear memory: see the `wasm-function` crate's documentation.
#[proc_macro]
pub fn with_memory_allocator(input: TokenStream) -> TokenStream {
    memory_scope::expand(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements `WasmType` for a `#[repr(transparent)]` newtype: see the `wasm-function` crate.
#[proc_macro_derive(WasmType)]
pub fn derive_wasm_type(input: TokenStream) -> TokenStream {
    derive_wasm_type::expand(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
