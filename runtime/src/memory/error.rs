//! The errors of the scoped allocator and of [`MemorySegment`](super::MemorySegment) accesses.

use core::fmt;

/// Why an allocation failed: returned by the `try_` allocation methods of
/// [`MemoryAllocator`](super::MemoryAllocator).
///
/// A failed allocation leaves the allocator exactly as it was, so a smaller request may still
/// succeed afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AllocError {
    size: usize,
    align: usize,
    kind: AllocErrorKind,
}

/// The reason an [`AllocError`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AllocErrorKind {
    /// The memory could not grow: `memory.grow` failed on wasm32, the global allocator
    /// refused elsewhere, or the page limit ([`set_page_limit`](super::set_page_limit)) is
    /// reached.
    OutOfMemory,
    /// The request cannot fit a 32-bit linear memory (4 GiB) at all, whatever the limit.
    TooLarge,
    /// The alignment is not a power of two no larger than [`MAX_ALIGN`](super::MAX_ALIGN).
    InvalidAlignment,
}

impl AllocError {
    pub(crate) const fn new(size: usize, align: usize, kind: AllocErrorKind) -> Self {
        Self { size, align, kind }
    }

    /// The number of bytes that was asked for.
    pub const fn size(&self) -> usize {
        self.size
    }

    /// The alignment that was asked for.
    pub const fn align(&self) -> usize {
        self.align
    }

    /// Why the allocation failed.
    pub const fn kind(&self) -> AllocErrorKind {
        self.kind
    }
}

impl fmt::Display for AllocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (size, align) = (self.size, self.align);
        match self.kind {
            AllocErrorKind::OutOfMemory => write!(
                f,
                "out of linear memory: cannot allocate {size} bytes aligned to {align} (memory cannot grow further or the page limit is reached)"
            ),
            AllocErrorKind::TooLarge => write!(
                f,
                "cannot allocate {size} bytes aligned to {align}: larger than a 32-bit linear memory"
            ),
            AllocErrorKind::InvalidAlignment => write!(
                f,
                "invalid alignment {align} for an allocation of {size} bytes: use a power of two no larger than 65536"
            ),
        }
    }
}

impl core::error::Error for AllocError {}

/// An access outside a [`MemorySegment`](super::MemorySegment): returned by its `try_`
/// methods; the panicking methods print the same message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OutOfBounds {
    offset: usize,
    width: usize,
    len: usize,
}

impl OutOfBounds {
    pub(crate) const fn new(offset: usize, width: usize, len: usize) -> Self {
        Self { offset, width, len }
    }

    /// The offset of the access, in bytes from the segment's start.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// How many bytes the access covers (for a range, its length, saturated on overflow).
    pub const fn width(&self) -> usize {
        self.width
    }

    /// The segment's length.
    pub const fn segment_len(&self) -> usize {
        self.len
    }
}

impl fmt::Display for OutOfBounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "memory segment access out of bounds: {} bytes at offset {} of a segment of {} bytes",
            self.width, self.offset, self.len
        )
    }
}

impl core::error::Error for OutOfBounds {}
