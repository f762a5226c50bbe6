//! WASI preview1 (filled in by the WASI issue).
