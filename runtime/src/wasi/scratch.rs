//! Byte buffers for the safe layer taken from a memory scope.
//!
//! Each `…_in(mem)` function of the safe layer (see [`wasi`](crate::wasi#naming-_in-and-_into))
//! does the work of its `…_into(buf)` twin in a buffer from [`bytes_in`]: the `_in` form
//! allocates in the scope, the `_into` form uses the caller's buffer.

use crate::memory::MemoryAllocator;

use super::Errno;

/// Allocates `len` bytes in the scope `mem` as a byte slice that lives as long as the scope.
///
/// # Errors
///
/// [`Errno::NOMEM`] when the scope cannot grow.
///
/// # Panics
///
/// When `mem` is not the innermost open scope of the thread (see [`MemoryAllocator`]).
pub(crate) fn bytes_in<'s>(mem: &MemoryAllocator<'s>, len: usize) -> Result<&'s mut [u8], Errno> {
    let segment = mem.try_allocate(len).map_err(|_| Errno::NOMEM)?;
    Ok(segment.into_bytes_mut())
}
