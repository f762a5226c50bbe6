//! Random bytes from the host (`random_get`), suitable for seeding and for keys.
//!
//! ```no_run
//! use wasm_function::wasi::random;
//!
//! let mut key = [0_u8; 32];
//! random::fill(&mut key)?;
//! let n = random::u64()?;
//! # Ok::<(), wasm_function::wasi::Errno>(())
//! ```

use super::{Errno, sys};

/// Fills `buf` with random bytes.
///
/// # Errors
///
/// What the host returns from `random_get`, such as [`Errno::NOSYS`] if it has no source of
/// randomness.
#[inline]
pub fn fill(buf: &mut [u8]) -> Result<(), Errno> {
    sys::random_get(buf)
}

/// A random `u32`.
///
/// # Errors
///
/// As for [`fill`].
#[inline]
pub fn u32() -> Result<u32, Errno> {
    let mut bytes = [0; 4];
    fill(&mut bytes)?;
    Ok(u32::from_le_bytes(bytes))
}

/// A random `u64`.
///
/// # Errors
///
/// As for [`fill`].
#[inline]
pub fn u64() -> Result<u64, Errno> {
    let mut bytes = [0; 8];
    fill(&mut bytes)?;
    Ok(u64::from_le_bytes(bytes))
}

/// An array of `N` random bytes.
///
/// # Errors
///
/// As for [`fill`].
#[inline]
pub fn bytes<const N: usize>() -> Result<[u8; N], Errno> {
    let mut bytes = [0; N];
    fill(&mut bytes)?;
    Ok(bytes)
}
