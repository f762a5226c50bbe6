//! Byte buffers for the safe layer taken from a memory scope.

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
    // SAFETY: the segment is freshly allocated, so its `len` bytes are initialised, valid for
    // reads and writes until the scope `'s` closes, and overlap no other live segment. The
    // segment (a `Copy` pointer) does not escape this function, so the returned slice is the
    // only way to reach the bytes for all of `'s`.
    Ok(unsafe { core::slice::from_raw_parts_mut(segment.as_mut_ptr(), segment.len()) })
}
