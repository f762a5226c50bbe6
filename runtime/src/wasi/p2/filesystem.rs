//! `wasi:filesystem@0.2.0`.
