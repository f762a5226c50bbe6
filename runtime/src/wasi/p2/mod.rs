//! WASI 0.2 (the Component Model interfaces of `wasm32-wasip2`), declared with
//! [`#[wasm_function]`](macro@crate::wasm_function) and
//! [`#[wasm_resource]`](macro@crate::wasm_resource), so every name and type is checked
//! against WASI 0.2's WIT while compiling.
//!
//! One module per WASI package: [`cli`], [`io`], [`clocks`], [`random`], [`filesystem`].
//! Resources are handle types that drop themselves.
//!
//! On targets other than `wasm32-wasip2` everything compiles, but a call panics.

pub mod cli;
pub mod clocks;
pub mod filesystem;
pub mod io;
pub mod random;
