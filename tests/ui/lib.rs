//! Compile-fail tests of the `wasm-function` macros live in `tests/trybuild.rs`; this crate has no code.
