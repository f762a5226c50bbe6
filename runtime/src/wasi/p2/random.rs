//! `wasi:random@0.2.0`: secure random bytes, insecure (fast) random bytes, and a seed.
//!
//! ```no_run
//! use wasm_function::wasi::p2::random;
//!
//! wasm_function::with_memory_allocator!(|memory| {
//!     let key: &[u8] = random::get_random_bytes_in(&memory, 32);
//!     assert_eq!(key.len(), 32);
//! });
//! let (a, b) = random::insecure_seed();
//! # let _ = (a, b, random::get_random_u64());
//! ```

use crate::memory::MemoryAllocator;
use crate::wasm_function;

/// `wasi:random/random.get-random-bytes`: `len` cryptographically secure random bytes.
/// Hosts may trap on very large `len` (wasmtime refuses more than 64 MiB).
#[cfg(feature = "std")]
#[wasm_function("wasi:random/random@0.2.0", "get-random-bytes")]
pub fn get_random_bytes(len: u64) -> std::vec::Vec<u8>;

/// `get-random-bytes` into a scope.
#[wasm_function("wasi:random/random@0.2.0", "get-random-bytes")]
pub fn get_random_bytes_in<'s>(memory: &MemoryAllocator<'s>, len: u64) -> &'s [u8];

/// `wasi:random/random.get-random-u64`: a cryptographically secure random `u64`.
#[wasm_function("wasi:random/random@0.2.0", "get-random-u64")]
pub fn get_random_u64() -> u64;

/// `wasi:random/insecure.get-insecure-random-bytes`: `len` random bytes, not for secrets.
#[cfg(feature = "std")]
#[wasm_function("wasi:random/insecure@0.2.0", "get-insecure-random-bytes")]
pub fn get_insecure_random_bytes(len: u64) -> std::vec::Vec<u8>;

/// `get-insecure-random-bytes` into a scope.
#[wasm_function("wasi:random/insecure@0.2.0", "get-insecure-random-bytes")]
pub fn get_insecure_random_bytes_in<'s>(memory: &MemoryAllocator<'s>, len: u64) -> &'s [u8];

/// `wasi:random/insecure.get-insecure-random-u64`: a random `u64`, not for secrets.
#[wasm_function("wasi:random/insecure@0.2.0", "get-insecure-random-u64")]
pub fn get_insecure_random_u64() -> u64;

/// `wasi:random/insecure-seed.insecure-seed`: 128 bits to seed a hash map's hasher or the
/// like (the same for the whole run).
#[wasm_function("wasi:random/insecure-seed@0.2.0", "insecure-seed")]
pub fn insecure_seed() -> (u64, u64);
