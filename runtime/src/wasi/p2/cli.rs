//! `wasi:cli@0.2.0`.
