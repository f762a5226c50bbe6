//! Scopes and their handles: [`MemoryAllocator`], the function forms [`scope`] and
//! [`MemoryAllocator::scope`], and the guard the macro expands to ([`ScopeGuard`]).

use core::marker::PhantomData;
use core::mem::ManuallyDrop;

use super::MIN_ALIGN;
use super::error::AllocError;
use super::segment::MemorySegment;
use super::state::{self, Entry, ScopeId};

/// The handle to one open memory scope: allocates [`MemorySegment`]s that live until the scope
/// closes.
///
/// A handle is only ever reached as `&mut MemoryAllocator<'s>`, bound by
/// [`with_memory_allocator!`](crate::with_memory_allocator) or passed to the closure of
/// [`scope`] / [`MemoryAllocator::scope`]. The lifetime `'s` is the scope's brand: it is
/// *invariant* and, in the macro form, pinned to the end of the block, so segments cannot leave
/// the scope and the handles of two scopes cannot be exchanged. Handles are neither `Send` nor
/// `Sync`: the allocator's state belongs to one thread.
///
/// Allocation bumps a per-thread pointer; nothing is freed before the scope closes, and then
/// everything allocated in it is freed at once.
///
/// # Panics
///
/// Every allocating method (and [`MemoryAllocator::scope`]) panics when the handle is not the
/// innermost open scope of its thread: when a scope opened inside it with
/// `with_memory_allocator!` or [`scope`] (rather than through this handle) is still open, or
/// was leaked (see [the module docs](super#leaked-scopes-and-scopes-that-close-out-of-order)).
/// The borrow checker cannot see that nesting; a child opened *through* the handle borrows it
/// and makes the same misuse a compile error.
pub struct MemoryAllocator<'s> {
    id: ScopeId,
    _brand: PhantomData<fn(&'s ()) -> &'s ()>,
    _not_send_sync: PhantomData<*mut ()>,
}

impl<'s> MemoryAllocator<'s> {
    /// Allocates `size` bytes aligned to 8 ([`MIN_ALIGN`](super::MIN_ALIGN)).
    ///
    /// The bytes are initialized but their values are unspecified: fresh memory is zero and
    /// reused memory keeps what was last written there. See
    /// [`allocate_zeroed`](Self::allocate_zeroed).
    ///
    /// # Panics
    ///
    /// When memory runs out (see [`try_allocate`](Self::try_allocate) for the `Result`
    /// form), and when the handle is not the innermost open scope.
    #[inline(always)]
    #[track_caller]
    pub fn allocate(&self, size: usize) -> MemorySegment<'s> {
        match self.raw_allocate(size, MIN_ALIGN) {
            Some(segment) => segment,
            None => allocation_failed(size, MIN_ALIGN),
        }
    }

    /// Allocates `size` bytes aligned to 8, or returns why it cannot; a failure changes nothing.
    ///
    /// # Errors
    ///
    /// [`AllocError`] when the memory cannot grow enough (the page limit included) or the size
    /// does not fit a 32-bit memory.
    ///
    /// # Panics
    ///
    /// When the handle is not the innermost open scope: that is a bug, not a condition to handle.
    #[inline]
    #[track_caller]
    pub fn try_allocate(&self, size: usize) -> Result<MemorySegment<'s>, AllocError> {
        self.raw_allocate(size, MIN_ALIGN)
            .ok_or_else(|| state::failure(size, MIN_ALIGN))
    }

    /// Allocates `size` bytes aligned to `align`.
    ///
    /// # Panics
    ///
    /// When the alignment is invalid or memory runs out (see
    /// [`try_allocate_aligned`](Self::try_allocate_aligned)), and when the handle is not the
    /// innermost open scope.
    #[inline]
    #[track_caller]
    pub fn allocate_aligned(&self, size: usize, align: usize) -> MemorySegment<'s> {
        match self.raw_allocate(size, align) {
            Some(segment) => segment,
            None => allocation_failed(size, align),
        }
    }

    /// Allocates `size` bytes aligned to `align`, a power of two no larger than
    /// [`MAX_ALIGN`](super::MAX_ALIGN) (65536); alignments below 8 give 8. A failure changes
    /// nothing.
    ///
    /// # Errors
    ///
    /// [`AllocError`] with [`AllocErrorKind::InvalidAlignment`](super::AllocErrorKind) for 0,
    /// a non-power of two or more than 65536, and as [`try_allocate`](Self::try_allocate).
    ///
    /// # Panics
    ///
    /// When the handle is not the innermost open scope.
    #[inline]
    #[track_caller]
    pub fn try_allocate_aligned(
        &self,
        size: usize,
        align: usize,
    ) -> Result<MemorySegment<'s>, AllocError> {
        self.raw_allocate(size, align)
            .ok_or_else(|| state::failure(size, align))
    }

    /// The allocation behind every method: checks that this is the innermost scope, then
    /// bumps; `None` when the memory cannot provide it (see [`state::failure`]).
    #[inline(always)]
    #[track_caller]
    fn raw_allocate(&self, size: usize, align: usize) -> Option<MemorySegment<'s>> {
        match state::allocate(self.id, size, align) {
            // SAFETY: `check` found this scope's depth `current`, so every scope opened after it
            // has closed (the state module's depth invariant; a child standing in for its parent
            // holds the parent's handle borrowed) and nothing live lies at or above the bump
            // pointer: `ptr..ptr + size`, just bumped past, overlaps no live segment. The bytes
            // are initialized (chunks are zeroed when reserved; reused bytes keep what was
            // written). They stay reserved for all of `'s`, which ends before this scope closes
            // (a borrow of its guard, or of the brand that `handle_unchecked`'s contract confines
            // to before the close): the pointer moves back below them only when this scope
            // closes (a scope opened after this allocation restores a mark above it; a scope
            // around this one has its close refused while this one has not closed).
            Ok(ptr) => ptr.map(|ptr| unsafe { MemorySegment::new(ptr, size) }),
            Err(refused_close) => state::wrong_scope(refused_close),
        }
    }

    /// Whether this handle may allocate now (its scope is the thread's current one).
    #[cfg(test)]
    pub(crate) fn is_current(&self) -> bool {
        state::with(|state| state.check(self.id).is_ok())
    }

    /// Allocates `size` bytes set to zero.
    ///
    /// # Panics
    ///
    /// As [`allocate`](Self::allocate).
    #[track_caller]
    pub fn allocate_zeroed(&self, size: usize) -> MemorySegment<'s> {
        let mut segment = self.allocate(size);
        segment.fill(0);
        segment
    }

    /// Allocates a copy of `bytes`, for example a buffer to hand to a host function.
    ///
    /// # Panics
    ///
    /// As [`allocate`](Self::allocate).
    #[track_caller]
    pub fn allocate_bytes(&self, bytes: &[u8]) -> MemorySegment<'s> {
        let mut segment = self.allocate(bytes.len());
        segment.copy_from_slice(0, bytes);
        segment
    }

    /// Allocates a copy of `bytes`, or returns why it cannot; a failure changes nothing.
    ///
    /// # Errors
    ///
    /// As [`try_allocate`](Self::try_allocate).
    ///
    /// # Panics
    ///
    /// When the handle is not the innermost open scope.
    #[track_caller]
    pub fn try_allocate_bytes(&self, bytes: &[u8]) -> Result<MemorySegment<'s>, AllocError> {
        let mut segment = self.try_allocate(bytes.len())?;
        segment.copy_from_slice(0, bytes);
        Ok(segment)
    }

    /// Allocates a copy of the UTF-8 bytes of `text` (no terminating zero).
    ///
    /// # Panics
    ///
    /// As [`allocate`](Self::allocate).
    #[track_caller]
    pub fn allocate_str(&self, text: &str) -> MemorySegment<'s> {
        self.allocate_bytes(text.as_bytes())
    }

    /// Allocates a copy of the UTF-8 bytes of `text`, or returns why it cannot.
    ///
    /// # Errors
    ///
    /// As [`try_allocate`](Self::try_allocate).
    ///
    /// # Panics
    ///
    /// When the handle is not the innermost open scope.
    #[track_caller]
    pub fn try_allocate_str(&self, text: &str) -> Result<MemorySegment<'s>, AllocError> {
        self.try_allocate_bytes(text.as_bytes())
    }

    /// Allocates `len` copies of `value` as a slice that lives as long as the scope: typed
    /// records laid out for a host call (an array of `Ciovec`s, say), or a buffer to hand to
    /// anything that takes `&mut [T]`.
    ///
    /// ```
    /// use wasm_function::memory;
    ///
    /// memory::scope(|mem| {
    ///     let pairs: &mut [(u32, u32)] = mem.allocate_slice(3, (0, 0));
    ///     pairs[1] = (7, 8);
    ///     assert_eq!(pairs, [(0, 0), (7, 8), (0, 0)]);
    /// });
    /// ```
    ///
    /// # Panics
    ///
    /// As [`allocate`](Self::allocate), and when `len` values of `T` do not fit a 32-bit
    /// memory.
    #[track_caller]
    pub fn allocate_slice<T: Copy + 's>(&self, len: usize, value: T) -> &'s mut [T] {
        match self.try_allocate_slice(len, value) {
            Ok(slice) => slice,
            Err(error) => panic!("memory scope allocation failed: {error}"),
        }
    }

    /// Allocates `len` copies of `value` as a slice that lives as long as the scope, or returns
    /// why it cannot; a failure changes nothing.
    ///
    /// # Errors
    ///
    /// [`AllocError`] as [`try_allocate_aligned`](Self::try_allocate_aligned), with the size
    /// `len * size_of::<T>()` (saturated when that overflows, which is always too large).
    ///
    /// # Panics
    ///
    /// When the handle is not the innermost open scope.
    #[track_caller]
    pub fn try_allocate_slice<T: Copy + 's>(
        &self,
        len: usize,
        value: T,
    ) -> Result<&'s mut [T], AllocError> {
        let size = len.saturating_mul(size_of::<T>());
        let segment = self.try_allocate_aligned(size, align_of::<T>())?;
        let start = segment.into_bytes_mut().as_mut_ptr().cast::<T>();
        for index in 0..len {
            // SAFETY: the segment holds `len * size_of::<T>()` bytes aligned to `T` (at least
            // 8, and `align_of::<T>()` when larger), so element `index` is in bounds and
            // aligned; the bytes were given up by `into_bytes_mut`, so nothing else reaches
            // them. `write` does not read or drop the old bytes.
            unsafe { start.add(index).write(value) };
        }
        // SAFETY: all `len` elements were just written with valid `T`s, the memory is aligned,
        // exclusive (see above) and stays reserved for all of `'s` (the scope's memory is
        // handed out again only after the scope closes); `T: 's` and `T: Copy` (no drop glue
        // to run when the scope frees the memory).
        Ok(unsafe { core::slice::from_raw_parts_mut(start, len) })
    }

    /// Opens a child scope for the duration of `f` and closes it afterwards, on every way out
    /// (an unwinding panic included), freeing what was allocated in it.
    ///
    /// The child borrows this handle mutably, so the parent cannot allocate while the child is
    /// open (a compile error), while the parent's segments stay usable inside. Nothing allocated
    /// in the child can leave `f`: its lifetime is local to the closure.
    ///
    /// ```
    /// use wasm_function::memory;
    ///
    /// memory::scope(|outer| {
    ///     let mut kept = outer.allocate(8);
    ///     kept.set_u64(0, 1);
    ///     let sum = outer.scope(|inner| {
    ///         let mut scratch = inner.allocate(8);
    ///         scratch.set_u64(0, 41);
    ///         scratch.get_u64(0) + kept.get_u64(0)
    ///     });
    ///     assert_eq!(sum, 42);
    /// });
    /// ```
    ///
    /// # Panics
    ///
    /// When this handle is not the innermost open scope; and whatever `f` panics with.
    #[inline]
    #[track_caller]
    pub fn scope<R>(&mut self, f: impl for<'t> FnOnce(&mut MemoryAllocator<'t>) -> R) -> R {
        let mut guard = ScopeGuard::enter_child(self);
        let mut handle = guard.handle();
        let value = f(&mut handle);
        drop(handle);
        guard.close();
        value
    }
}

/// Runs the handle's drop check: it has no work to do, but its presence makes the borrow
/// checker keep the brand `'s` alive until the handle goes out of scope, which pins a
/// `with_memory_allocator!` block's brand to the end of the block.
impl Drop for MemoryAllocator<'_> {
    #[inline(always)]
    fn drop(&mut self) {}
}

impl core::fmt::Debug for MemoryAllocator<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("MemoryAllocator")
            .field("id", &self.id)
            .finish()
    }
}

/// Opens a memory scope for the duration of `f` and closes it afterwards, on every way out (an
/// unwinding panic included), freeing everything allocated in it.
///
/// The closure form of [`with_memory_allocator!`](crate::with_memory_allocator): `?` and
/// `return` inside `f` leave the closure, not the enclosing function. Nothing allocated in the
/// scope can leave `f`.
///
/// ```
/// let length = wasm_function::memory::scope(|mem| {
///     let greeting = mem.allocate_str("hello");
///     greeting.len()
/// });
/// assert_eq!(length, 5);
/// ```
///
/// Scopes nest: a scope opened inside another one (with this function or the macro) becomes the
/// innermost scope, and until it closes the outer handle panics when it allocates. Prefer
/// [`MemoryAllocator::scope`], which turns that misuse into a compile error.
#[inline]
pub fn scope<R>(f: impl for<'s> FnOnce(&mut MemoryAllocator<'s>) -> R) -> R {
    let mut guard = ScopeGuard::enter();
    let mut handle = guard.handle();
    let value = f(&mut handle);
    drop(handle);
    guard.close();
    value
}

/// An open scope: closes it when dropped. What `with_memory_allocator!` expands to; reachable
/// only as `__private::ScopeGuard`, not a public API.
///
/// Safe to use in any way, because no rule of the allocator's soundness depends on a guard
/// being dropped, dropped in order, or dropped at all:
/// - a handle borrows its guard mutably for the brand `'id`, so the guard (whose drop frees the
///   memory) cannot be dropped, moved or swapped while a segment of the scope is alive;
/// - every guard has a [`ScopeId`] of its own, never reused on its thread, and its close
///   restores its mark only while it is the thread's `current` scope, which proves that every
///   scope opened after it is closed (see the state module);
/// - a guard that is leaked (`mem::forget`, `Box::leak`, a forgotten future) therefore only
///   leaks memory: the scopes around it refuse to close (their memory stays reserved) and their
///   handles panic when they allocate, and the thread's chunks are kept at thread exit.
#[doc(hidden)]
pub struct ScopeGuard<'parent> {
    entry: Entry,
    _parent: PhantomData<&'parent mut ()>,
    _not_send_sync: PhantomData<*mut ()>,
}

impl ScopeGuard<'static> {
    /// Opens a scope on this thread's allocator.
    ///
    /// # Panics
    ///
    /// When 2^32 - 1 scopes of the thread are open or leaked (nothing is changed then).
    #[inline(always)]
    #[track_caller]
    pub fn enter() -> Self {
        Self {
            entry: state::enter(),
            _parent: PhantomData,
            _not_send_sync: PhantomData,
        }
    }
}

impl<'parent> ScopeGuard<'parent> {
    /// Opens a child scope of `parent`, which stays mutably borrowed until the guard is dropped.
    ///
    /// # Panics
    ///
    /// When `parent` is not the innermost open scope.
    #[inline(always)]
    #[track_caller]
    pub fn enter_child(parent: &'parent mut MemoryAllocator<'_>) -> Self {
        Self {
            entry: match state::enter_child(parent.id) {
                Ok(entry) => entry,
                Err(refused_close) => state::wrong_scope(refused_close),
            },
            _parent: PhantomData,
            _not_send_sync: PhantomData,
        }
    }

    /// The scope's handle, branded with the borrow of this guard.
    #[inline(always)]
    pub fn handle(&mut self) -> MemoryAllocator<'_> {
        MemoryAllocator {
            id: self.entry.id,
            _brand: PhantomData,
            _not_send_sync: PhantomData,
        }
    }

    /// The scope's handle, branded with the borrow of `brand` instead of the guard, so that the
    /// guard stays free to be closed with [`ScopeGuard::close`] (a move, which the borrow
    /// checker would refuse while the guard is borrowed). What `with_memory_allocator!` uses:
    /// a segment that escapes its block is then reported as "`mem` does not live long enough"
    /// (the brand's local), and the normal way out closes the scope inline instead of through
    /// the guard's drop glue, which opt-level "z" keeps out of line.
    ///
    /// # Safety
    ///
    /// The guard must not be closed or dropped while the lifetime `'b` is alive: nothing may
    /// close the scope while a segment of it can still be used. `with_memory_allocator!` makes
    /// sure of it by declaring `brand` inside a block that ends, on every way out, before the
    /// guard (declared outside that block, under a name the body cannot reach) is closed or
    /// dropped.
    #[inline(always)]
    pub unsafe fn handle_unchecked<'b>(&self, brand: &'b mut ScopeBrand) -> MemoryAllocator<'b> {
        let _ = brand;
        MemoryAllocator {
            id: self.entry.id,
            _brand: PhantomData,
            _not_send_sync: PhantomData,
        }
    }
}

impl ScopeGuard<'_> {
    /// Closes the scope on the normal way out, inlined; every other way out (an early return,
    /// `?`, `break`, an unwinding panic) closes it in the guard's drop. Safe: a handle from
    /// [`ScopeGuard::handle`] borrows the guard, so it cannot be alive here.
    #[inline(always)]
    pub fn close(self) {
        let guard = ManuallyDrop::new(self);
        state::exit(&guard.entry);
    }

    /// [`close`](Self::close), then `value`: the end of a `with_memory_allocator!` block, one
    /// expression so that a body that diverges draws one (allowed) `unreachable_code` lint.
    #[inline(always)]
    pub fn close_with<R>(self, value: R) -> R {
        self.close();
        value
    }
}

/// A local whose mutable borrow brands a handle made by [`ScopeGuard::handle_unchecked`]: it
/// holds nothing. Reachable only as `__private::ScopeBrand`, not a public API.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct ScopeBrand(());

impl ScopeBrand {
    /// A brand for one block.
    #[inline(always)]
    pub const fn new() -> Self {
        Self(())
    }
}

impl Drop for ScopeGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        state::exit(&self.entry);
    }
}

/// The one place where the panicking allocation methods fail.
#[cold]
#[inline(never)]
#[track_caller]
fn allocation_failed(size: usize, align: usize) -> ! {
    panic!(
        "memory scope allocation failed: {}",
        state::failure(size, align)
    )
}
