//! The primitives the safe layer is written against: preview1's functions, with preview1's
//! types and semantics, whichever WASI the target has.
//!
//! On `wasm32-wasip1` (and on hosts, where calls panic) they are [`raw`](super::raw)'s
//! functions themselves. On `wasm32-wasip2` they are implemented over the WASI 0.2 interfaces
//! of [`p2`](super::p2), so the safe layer ([`io`](super::io), [`fs`](super::fs),
//! [`env`](mod@super::env), …) builds unchanged for either target and a p2 program imports no
//! `wasi_snapshot_preview1` function.
//!
//! Code calling preview1 functions directly that must build for both targets calls them
//! here, not in [`raw`](super::raw): on `wasm32-wasip2`, `raw` goes through the linker's
//! preview1 adapter, whose descriptors are not these.

#[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
pub use super::raw::*;

#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
mod p2;
#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
pub use p2::*;

// The pure conversions of the wasm32-wasip2 primitives, compiled for host unit tests too.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "p2/convert.rs"]
mod p2_convert;
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "p2/errno.rs"]
mod p2_errno;
