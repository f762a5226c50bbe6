//! The preview1 primitives over WASI 0.2.
//!
//! Until every function is implemented here, the rest come from [`raw`](crate::wasi::raw)
//! (through the preview1 adapter the linker adds); an item defined or imported by name below
//! shadows the glob.

pub(crate) use crate::wasi::raw::*;
