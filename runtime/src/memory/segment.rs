//! [`MemorySegment`]: a bounds-checked view of bytes allocated in a memory scope.

use core::fmt;
use core::marker::PhantomData;
use core::ops::{Bound, RangeBounds};
use core::ptr::{self, NonNull};

use super::error::OutOfBounds;

/// A run of bytes allocated in a memory scope, valid until the scope closes (the lifetime `'s`).
///
/// A segment owns its bytes the way a `&'s mut [u8]` does: it is neither `Copy` nor `Clone`,
/// reads take `&self` and writes take `&mut self`, so the borrow checker keeps writes (and host
/// calls given `&mut` the segment) off the bytes while a view from [`as_bytes`](Self::as_bytes)
/// lives, and every access off them while a view from [`as_bytes_mut`](Self::as_bytes_mut)
/// lives. That is what makes the slice views sound, and lets a segment go to anything that takes
/// `&[u8]` or `&mut [u8]` (a `read` into scope memory, a hash, a parser). Numbers are
/// little-endian at any offset, aligned or not. Every access is bounds-checked with
/// overflow-checked arithmetic: the plain methods panic with the offending offset, the `try_`
/// ones return [`OutOfBounds`]. Disjoint parts of one segment are had with
/// [`split_at`](Self::split_at) or, one at a time, [`slice`](Self::slice).
///
/// Segments are neither `Send` nor `Sync`, like the allocator state they come from.
///
/// ```
/// wasm_function::memory::scope(|mem| {
///     let mut segment = mem.allocate(12);
///     segment.set_u32(0, 0x0102_0304);
///     assert_eq!(segment.get_u8(0), 0x04); // little-endian
///     segment.set_f64(4, -0.0);
///     assert_eq!(segment.get_f64(4).to_bits(), (-0.0f64).to_bits());
///     assert!(segment.try_get_u32(9).is_err()); // 9 + 4 > 12
///     let bytes: &[u8] = segment.as_bytes(); // a view: no writes while it lives
///     assert_eq!(bytes[..4], [4, 3, 2, 1]);
/// });
/// ```
///
/// A view held across a write is a compile error:
///
/// ```compile_fail,E0502
/// wasm_function::memory::scope(|mem| {
///     let mut segment = mem.allocate(4);
///     let view = segment.as_bytes();
///     segment.set_u8(0, 1); // cannot borrow `segment` as mutable: the view still reads it
///     assert_eq!(view[0], 1);
/// });
/// ```
pub struct MemorySegment<'s> {
    ptr: NonNull<u8>,
    len: usize,
    _scope: PhantomData<&'s ()>,
    _not_send_sync: PhantomData<*mut ()>,
}

macro_rules! accessors {
    ($($t:ident $get:ident $try_get:ident $set:ident $try_set:ident;)*) => {$(
        #[doc = concat!("Reads a little-endian `", stringify!($t), "` at `offset` (any alignment).")]
        ///
        /// # Panics
        ///
        /// When the value does not lie entirely inside the segment.
        #[inline]
        #[track_caller]
        pub fn $get(&self, offset: usize) -> $t {
            match self.$try_get(offset) {
                Ok(value) => value,
                Err(error) => out_of_bounds(error),
            }
        }

        #[doc = concat!("Reads a little-endian `", stringify!($t), "` at `offset` (any alignment).")]
        ///
        /// # Errors
        ///
        /// [`OutOfBounds`] when the value does not lie entirely inside the segment.
        #[inline]
        pub fn $try_get(&self, offset: usize) -> Result<$t, OutOfBounds> {
            self.read::<{ size_of::<$t>() }>(offset).map($t::from_le_bytes)
        }

        #[doc = concat!("Writes `value` as a little-endian `", stringify!($t), "` at `offset` (any alignment).")]
        ///
        /// # Panics
        ///
        /// When the value does not lie entirely inside the segment.
        #[inline]
        #[track_caller]
        pub fn $set(&mut self, offset: usize, value: $t) {
            if let Err(error) = self.$try_set(offset, value) {
                out_of_bounds(error)
            }
        }

        #[doc = concat!("Writes `value` as a little-endian `", stringify!($t), "` at `offset` (any alignment).")]
        ///
        /// # Errors
        ///
        /// [`OutOfBounds`] when the value does not lie entirely inside the segment; nothing is
        /// written then.
        #[inline]
        pub fn $try_set(&mut self, offset: usize, value: $t) -> Result<(), OutOfBounds> {
            self.write(offset, value.to_le_bytes())
        }
    )*};
}

impl<'s> MemorySegment<'s> {
    /// # Safety
    ///
    /// `ptr..ptr + len` must be memory reserved for the allocator's scope `'s`, valid for reads
    /// and writes and initialized for all of `'s`, and no other live segment or reference may
    /// reach it while the new segment is used: it is either fresh, or a part of a segment that
    /// is borrowed mutably for `'s`.
    #[inline(always)]
    pub(crate) unsafe fn new(ptr: NonNull<u8>, len: usize) -> Self {
        Self {
            ptr,
            len,
            _scope: PhantomData,
            _not_send_sync: PhantomData,
        }
    }

    /// The number of bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether the segment has no bytes. An empty segment still has a non-null, 8-aligned
    /// address (or its parent's address plus the offset, for a sub-segment).
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A pointer to the first byte, valid for reads of [`len`](Self::len) bytes until the scope
    /// closes.
    #[inline]
    pub const fn as_ptr(&self) -> *const u8 {
        self.ptr.as_ptr()
    }

    /// A pointer to the first byte, valid for reads and writes of [`len`](Self::len) bytes until
    /// the scope closes.
    ///
    /// Code that writes through it (directly or through a host function) must write
    /// initialized bytes only, since the segment's safe getters read whatever is there; and
    /// must not keep a Rust reference into the memory while the segment's methods, or a host
    /// function, access it.
    #[inline]
    pub fn as_mut_ptr(&mut self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// The bytes, as a slice: while it lives the segment cannot be written (`&self`).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: the segment's bytes are initialized and valid for reads for all of `'s`
        // (`new`'s contract), and no other segment or reference overlaps them; the shared borrow
        // of `self` keeps every write, through this segment or a part of it, off them for as
        // long as the slice lives.
        unsafe { core::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The bytes, as a mutable slice: while it lives the segment cannot be used otherwise.
    #[inline]
    pub fn as_bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `as_bytes`, and the mutable borrow of `self` makes the slice the only
        // access to the bytes for as long as it lives.
        unsafe { core::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// The bytes, as a mutable slice for the rest of the scope, giving up the segment.
    #[inline]
    pub fn into_bytes_mut(self) -> &'s mut [u8] {
        // SAFETY: as in `as_bytes_mut`; the segment is consumed, so the slice is the only access
        // to the bytes for all of `'s`, for which they stay valid (`new`'s contract).
        unsafe { core::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// The segment's address in linear memory, the pointer a host function expects. Never 0.
    ///
    /// An address carries no borrow: for a host function that writes the bytes, declare the
    /// import with a `&mut MemorySegment` parameter instead, so that no view of them can live
    /// across the call.
    ///
    /// Only on wasm32, where addresses are 32 bits wide; elsewhere use
    /// [`as_ptr`](Self::as_ptr).
    #[cfg(any(target_arch = "wasm32", doc))]
    #[cfg_attr(docsrs, doc(cfg(target_arch = "wasm32")))]
    #[inline]
    pub fn addr(&self) -> u32 {
        // wasm32 addresses are 32 bits wide: the cast is lossless.
        self.ptr.as_ptr().addr() as u32
    }

    accessors! {
        u8 get_u8 try_get_u8 set_u8 try_set_u8;
        i8 get_i8 try_get_i8 set_i8 try_set_i8;
        u16 get_u16 try_get_u16 set_u16 try_set_u16;
        i16 get_i16 try_get_i16 set_i16 try_set_i16;
        u32 get_u32 try_get_u32 set_u32 try_set_u32;
        i32 get_i32 try_get_i32 set_i32 try_set_i32;
        u64 get_u64 try_get_u64 set_u64 try_set_u64;
        i64 get_i64 try_get_i64 set_i64 try_set_i64;
        f32 get_f32 try_get_f32 set_f32 try_set_f32;
        f64 get_f64 try_get_f64 set_f64 try_set_f64;
    }

    /// Copies `source` into the segment, starting at `offset`.
    ///
    /// # Panics
    ///
    /// When `offset + source.len()` exceeds the segment.
    #[inline]
    #[track_caller]
    pub fn copy_from_slice(&mut self, offset: usize, source: &[u8]) {
        if let Err(error) = self.try_copy_from_slice(offset, source) {
            out_of_bounds(error)
        }
    }

    /// Copies `source` into the segment, starting at `offset`.
    ///
    /// # Errors
    ///
    /// [`OutOfBounds`] when `offset + source.len()` exceeds the segment; nothing is copied then.
    #[inline]
    pub fn try_copy_from_slice(&mut self, offset: usize, source: &[u8]) -> Result<(), OutOfBounds> {
        self.check(offset, source.len())?;
        // SAFETY: `check` proved `offset..offset + len` inside the segment, which is valid for
        // writes (`new`'s contract); `&mut self` excludes every view of it, so `source` is not
        // this memory unless unsafe code made it so, and `ptr::copy` tolerates even that.
        unsafe {
            ptr::copy(source.as_ptr(), self.ptr.as_ptr().add(offset), source.len());
        }
        Ok(())
    }

    /// Copies bytes of the segment, starting at `offset`, into all of `destination`.
    ///
    /// # Panics
    ///
    /// When `offset + destination.len()` exceeds the segment.
    #[inline]
    #[track_caller]
    pub fn copy_to_slice(&self, offset: usize, destination: &mut [u8]) {
        if let Err(error) = self.try_copy_to_slice(offset, destination) {
            out_of_bounds(error)
        }
    }

    /// Copies bytes of the segment, starting at `offset`, into all of `destination`.
    ///
    /// # Errors
    ///
    /// [`OutOfBounds`] when `offset + destination.len()` exceeds the segment; `destination` is
    /// untouched then.
    #[inline]
    pub fn try_copy_to_slice(
        &self,
        offset: usize,
        destination: &mut [u8],
    ) -> Result<(), OutOfBounds> {
        self.check(offset, destination.len())?;
        // SAFETY: `check` proved `offset..offset + len` inside the segment, valid for reads and
        // initialized (`new`'s contract); `destination` is valid for writes of its length.
        unsafe {
            ptr::copy(
                self.ptr.as_ptr().add(offset),
                destination.as_mut_ptr(),
                destination.len(),
            );
        }
        Ok(())
    }

    /// Sets every byte of the segment to `byte`.
    #[inline]
    pub fn fill(&mut self, byte: u8) {
        // SAFETY: the whole segment is valid for writes (`new`'s contract).
        unsafe { ptr::write_bytes(self.ptr.as_ptr(), byte, self.len) }
    }

    /// A copy of the segment's bytes.
    #[cfg(feature = "std")]
    pub fn to_vec(&self) -> std::vec::Vec<u8> {
        let mut bytes = std::vec![0; self.len];
        self.copy_to_slice(0, &mut bytes);
        bytes
    }

    /// The sub-segment covering `range` (offsets from this segment's start). It borrows this
    /// segment mutably, so the two are never used at once; see [`split_at`](Self::split_at)
    /// for two parts at once, and [`as_bytes`](Self::as_bytes) for a read-only range.
    ///
    /// # Panics
    ///
    /// When the range is reversed or exceeds the segment.
    #[inline]
    #[track_caller]
    pub fn slice(&mut self, range: impl RangeBounds<usize>) -> MemorySegment<'_> {
        match self.try_slice(range) {
            Ok(segment) => segment,
            Err(error) => out_of_bounds(error),
        }
    }

    /// The sub-segment covering `range` (offsets from this segment's start).
    ///
    /// # Errors
    ///
    /// [`OutOfBounds`] when the range is reversed, exceeds the segment, or its bounds overflow
    /// (`..=usize::MAX`).
    #[inline]
    pub fn try_slice(
        &mut self,
        range: impl RangeBounds<usize>,
    ) -> Result<MemorySegment<'_>, OutOfBounds> {
        let start = match range.start_bound() {
            Bound::Included(&start) => Some(start),
            Bound::Excluded(&start) => start.checked_add(1),
            Bound::Unbounded => Some(0),
        };
        let end = match range.end_bound() {
            Bound::Included(&end) => end.checked_add(1),
            Bound::Excluded(&end) => Some(end),
            Bound::Unbounded => Some(self.len),
        };
        let (Some(start), Some(end)) = (start, end) else {
            return Err(OutOfBounds::new(usize::MAX, usize::MAX, self.len));
        };
        let Some(len) = end.checked_sub(start) else {
            return Err(OutOfBounds::new(start, 0, self.len));
        };
        self.check(start, len)?;
        // SAFETY: `check` proved `start..start + len` inside this segment, so the sub-segment
        // inherits its contract for the borrow of `self`, which is shorter than `'s` and keeps
        // this segment (the only other access to the bytes) unused while it lives.
        Ok(unsafe { MemorySegment::new(self.ptr.add(start), len) })
    }

    /// The two parts of the segment before and after `mid`, usable at the same time (each
    /// borrows this segment's bytes exclusively for as long as the pair lives).
    ///
    /// ```
    /// wasm_function::memory::scope(|mem| {
    ///     let mut iovec_and_text = mem.allocate(8 + 5);
    ///     let (mut iovec, mut text) = iovec_and_text.split_at(8);
    ///     text.copy_from_slice(0, b"hello");
    ///     iovec.set_u32(4, text.len() as u32);
    ///     assert_eq!(iovec_and_text.get_u32(4), 5);
    /// });
    /// ```
    ///
    /// # Panics
    ///
    /// When `mid` exceeds the segment.
    #[inline]
    #[track_caller]
    pub fn split_at(&mut self, mid: usize) -> (MemorySegment<'_>, MemorySegment<'_>) {
        if let Err(error) = self.check(mid, 0) {
            out_of_bounds(error)
        }
        // SAFETY: `check` proved `mid <= len`, so `0..mid` and `mid..len` are disjoint ranges
        // inside this segment; each part inherits its contract for the borrow of `self`, which
        // keeps this segment unused while they live, and neither overlaps the other.
        unsafe {
            (
                MemorySegment::new(self.ptr, mid),
                MemorySegment::new(self.ptr.add(mid), self.len - mid),
            )
        }
    }

    /// Checks that `width` bytes at `offset` lie inside the segment, without overflow.
    #[inline(always)]
    fn check(&self, offset: usize, width: usize) -> Result<(), OutOfBounds> {
        if offset <= self.len && width <= self.len - offset {
            Ok(())
        } else {
            Err(OutOfBounds::new(offset, width, self.len))
        }
    }

    #[inline(always)]
    fn read<const N: usize>(&self, offset: usize) -> Result<[u8; N], OutOfBounds> {
        self.check(offset, N)?;
        // SAFETY: `check` proved the `N` bytes inside the segment, valid for reads and
        // initialized (`new`'s contract); `read_unaligned` needs no alignment.
        Ok(unsafe {
            self.ptr
                .as_ptr()
                .add(offset)
                .cast::<[u8; N]>()
                .read_unaligned()
        })
    }

    #[inline(always)]
    fn write<const N: usize>(&mut self, offset: usize, bytes: [u8; N]) -> Result<(), OutOfBounds> {
        self.check(offset, N)?;
        // SAFETY: `check` proved the `N` bytes inside the segment, valid for writes (`new`'s
        // contract); `write_unaligned` needs no alignment.
        unsafe {
            self.ptr
                .as_ptr()
                .add(offset)
                .cast::<[u8; N]>()
                .write_unaligned(bytes);
        }
        Ok(())
    }
}

impl AsRef<[u8]> for MemorySegment<'_> {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsMut<[u8]> for MemorySegment<'_> {
    fn as_mut(&mut self) -> &mut [u8] {
        self.as_bytes_mut()
    }
}

impl fmt::Debug for MemorySegment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemorySegment")
            .field("ptr", &self.ptr)
            .field("len", &self.len)
            .finish()
    }
}

/// The one place where the panicking accessors fail.
#[cold]
#[inline(never)]
#[track_caller]
fn out_of_bounds(error: OutOfBounds) -> ! {
    panic!("{error}")
}
