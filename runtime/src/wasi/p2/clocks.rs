//! `wasi:clocks@0.2.0`.
