//! `wasi:random@0.2.0`.
