//! # wasm-function
//!
//! Call what a WebAssembly host provides, with checked and typed signatures, and hand the host
//! scoped linear memory.
//!
//! - [`macro@wasm_function`] replaces a function's body with a call to a WebAssembly import,
//!   lowering Rust types to core wasm types ([`abi`]) and checking `wasi_snapshot_preview1`
//!   imports against the specification at compile time.
//! - [`with_memory_allocator!`] opens a scope of bump-allocated linear memory ([`memory`]).
//! - [`wasi`] declares all of WASI preview1 with the attribute, with a safe layer on top.
#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "std")]
extern crate std;

// The code `#[wasm_function]` and `#[derive(WasmType)]` generate names `::wasm_function::…`;
// this lets the crate use them itself: the attribute for `wasi::raw`, the derive for the WASI
// newtypes and records.
extern crate self as wasm_function;

pub mod abi;
mod component;
mod import_support;
pub mod memory;
pub mod wasi;

#[doc(hidden)]
pub mod __private;

#[doc(inline)]
pub use wasm_function_macros::{
    WasmType, wasi_cli_run, wasm_function, wasm_resource, with_memory_allocator,
};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
