//! The per-thread allocator state: a bump pointer and the end of its chunk (the fast path), the
//! depth of the scope that may allocate (the runtime misuse check), and the chunk list (the slow
//! path).
//!
//! # Scope depths
//!
//! The state keeps `current`, the number of scopes of the thread that are open or were leaked:
//! 0 when none is. Opening a scope adds one and gives the scope that number, its *depth*
//! ([`ScopeId`]); the addition is checked and refuses (panics, changing nothing) rather than
//! wrap. A scope's [`Entry`] keeps its depth and the bump mark. Closing restores the mark and
//! subtracts one **only if `current` is the closing scope's depth**; otherwise (a scope opened
//! after it is still open: leaked with `mem::forget`, suspended in a forgotten future, or another
//! async task's) it changes nothing and the memory stays reserved.
//!
//! Invariants, kept by every function here:
//! - `ptr` and `end` are multiples of [`MIN_ALIGN`] and `ptr <= end`; both lie in the current
//!   chunk, whose [`Footer`] is at `end`, or both equal [`NO_CHUNK`] (null) when no chunk is
//!   current: then `end - ptr` is 0 and the fast path never hands out the null pointer;
//! - every chunk of the list after the current one holds no live allocation;
//! - **no two open scopes have the same depth, and while a scope of depth `d` is open,
//!   `current >= d`.** `current` moves by one: up when a scope opens, down only when the open
//!   scope whose depth is `current` closes. Going below `d` therefore needs the open scope of
//!   depth `d` itself to close; and a second scope can get depth `d` only after `current` went
//!   below `d`, that is after the first one closed.
//!
//! What follows: when `current` is a scope's depth `d`, no scope opened after it is still open.
//! Such a scope would have opened with `current >= d` (the first scope was open), so its depth is
//! above `d`, and `current` would be at least that. So a scope whose depth is `current` owns the
//! top of the bump region: its handle may allocate there, and its close may move the pointer back
//! to its mark, freeing only memory of scopes that are closed. A scope that is never closed keeps
//! `current` at or above its depth forever, so no scope that was open around it frees memory
//! again (they leak it instead), and at thread exit `current` is not 0, so the chunks are not
//! freed (see `Drop for State`). Leaking needs no memory, so a loop of `mem::forget`s (which the
//! optimizer may fold into one addition) can drive `current` to its end: the checked addition
//! makes that a panic, never a wrap that would give an old depth again.
//!
//! # Children
//!
//! A child scope, opened through its parent's handle ([`State::enter_child`]), takes its
//! parent's depth and leaves `current` alone: its guard keeps the parent's handle mutably
//! borrowed for as long as it lives, so the parent cannot allocate or open anything meanwhile,
//! and the child stands in for it. The open scopes of one depth are therefore one parent, its
//! child, that child's child and so on, of which only the last one's handle can be used (the
//! borrow checker holds the others); the invariants above hold for that last one as "the" scope
//! of the depth. A child closes like any scope (only while its depth is `current`) and restores
//! `current` to that same depth. If a child is leaked (`mem::forget` of its guard, or of a future
//! that holds it), the borrow of its parent ends while its memory was never given back: that
//! memory is unreachable (forgetting a guard needs its handle's borrows to have ended, and a
//! forgotten future cannot run again), so the parent goes on allocating above it and frees it
//! when it closes itself. A `Box::leak`ed child keeps its parent borrowed forever instead.
//! Children cost no counter update: entering saves the mark, closing compares and restores it.
//!
//! This check is as strong as giving every scope an identity of its own (what the allocator
//! did before): the closes it accepts are the same, and it needs one 32-bit counter where ids
//! needed a 64-bit counter and the parent's id in every entry.
//!
//! A new state is all zeros, so that on wasm32 it costs the module no data segment.

use core::cell::Cell;
use core::num::NonZeroU32;
use core::ptr::{self, NonNull};

use super::error::{AllocError, AllocErrorKind};
use super::source::{self, FOOTER_SIZE, Footer, MAX_PAGES, PAGE_SIZE};
use super::{MAX_ALIGN, MIN_ALIGN};

/// `ptr` and `end` when no chunk is current (before the first one): null, so that a new state
/// is all zeros. The fast path allocates only when `size < end - ptr`, which is never true
/// here, so even a zero-size allocation takes the slow path and gets a real chunk address.
const NO_CHUNK: *mut u8 = ptr::null_mut();

/// The depth of one open scope of one thread, unique among the thread's open scopes (module
/// docs): the only way to make one is [`State::enter`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct ScopeId(NonZeroU32);

/// What a scope saves on entry and restores on exit: 16 bytes on wasm32, which stay in locals
/// when the scope is inlined.
pub(crate) struct Entry {
    bump: [*mut u8; 2],
    pub(crate) id: ScopeId,
    /// What `current` becomes when the scope closes: `id - 1` for a scope opened with
    /// [`State::enter`], `id` itself for a child ([`State::enter_child`]).
    restore: u32,
}

pub(crate) struct State {
    /// The bump pointer and the end of its chunk, side by side so that a scope saves and
    /// restores both with one 8-byte load and store on wasm32.
    bump: Cell<[*mut u8; 2]>,
    /// How many scopes are open or leaked: the depth of the one that may allocate now, 0 when
    /// none may.
    current: Cell<u32>,
    head: Cell<*mut Footer>,
    reserved_pages: Cell<usize>,
    /// [`MAX_PAGES`] minus the page limit (so that no limit is 0).
    limit_below_max: Cell<usize>,
    /// Whether a close was refused on this thread; only for the misuse panic's message.
    refused_close: Cell<bool>,
}

/// The largest chunk that geometric growth asks for, in pages (512 KiB); a larger request gets
/// exactly the pages it needs. Smaller than 1 MiB so that a request of a few pages that does
/// not fit the rest of a chunk wastes less of it (in the random-scopes test of
/// `tests/sizes.rs`, seed `0x9E37_79B9_7F4A_7C15`: 35 pages reserved instead of 42 with 16).
const GROWTH_CAP_PAGES: usize = 8;

impl State {
    const fn new() -> Self {
        Self {
            bump: Cell::new([NO_CHUNK; 2]),
            current: Cell::new(0),
            head: Cell::new(ptr::null_mut()),
            reserved_pages: Cell::new(0),
            limit_below_max: Cell::new(0),
            refused_close: Cell::new(false),
        }
    }

    /// The bump pointer: where the next allocation starts.
    #[inline(always)]
    fn ptr(&self) -> &Cell<*mut u8> {
        let bump: &Cell<[*mut u8]> = &self.bump;
        &bump.as_slice_of_cells()[0]
    }

    /// The end of the bump pointer's chunk, where its footer is.
    #[inline(always)]
    fn end(&self) -> &Cell<*mut u8> {
        let bump: &Cell<[*mut u8]> = &self.bump;
        &bump.as_slice_of_cells()[1]
    }

    /// Opens a scope: its depth, one more than `current`, becomes `current`, and the entry keeps
    /// the mark to restore.
    ///
    /// # Panics
    ///
    /// When 2^32 - 1 scopes of the thread are open or leaked, before anything changes.
    #[inline(always)]
    pub(crate) fn enter(&self) -> Entry {
        let restore = self.current.get();
        let Some(id) = NonZeroU32::MIN.checked_add(restore) else {
            depth_exhausted()
        };
        self.current.set(id.get());
        Entry {
            bump: self.bump.get(),
            id: ScopeId(id),
            restore,
        }
    }

    /// Opens a child scope of the scope `parent`, whose handle the child's guard keeps mutably
    /// borrowed: the child takes the parent's depth and leaves `current` alone (module docs,
    /// "Children"). `Err` (with nothing changed) when `parent` is not `current`, with what
    /// [`State::check`] says.
    #[inline(always)]
    pub(crate) fn enter_child(&self, parent: ScopeId) -> Result<Entry, bool> {
        self.check(parent)?;
        Ok(Entry {
            bump: self.bump.get(),
            id: parent,
            restore: parent.0.get(),
        })
    }

    /// Closes the scope `entry` opened: when its depth is `current`, restores its mark in O(1),
    /// keeping every chunk for reuse, and makes its parent `current`. One combined test and two
    /// stores; everything unusual is in [`State::exit_slow`].
    #[inline(always)]
    pub(crate) fn exit(&self, entry: &Entry) {
        // `ptr` is `NO_CHUNK` only together with `end` (invariant).
        if self.current.get() == entry.id.0.get() && entry.bump[0] != NO_CHUNK {
            self.current.set(entry.restore);
            self.bump.set(entry.bump);
        } else {
            self.exit_slow(entry);
        }
        self.debug_check_bump();
    }

    /// Checks the bump pair's invariants (module docs) in debug builds: both 8-aligned, `ptr`
    /// at most `end`, and `NO_CHUNK` only together.
    #[inline(always)]
    fn debug_check_bump(&self) {
        let [ptr, end] = self.bump.get();
        debug_assert!(
            ptr.addr() % MIN_ALIGN == 0 && end.addr() % MIN_ALIGN == 0,
            "bump pointer {ptr:p} or chunk end {end:p} is not {MIN_ALIGN}-aligned"
        );
        debug_assert!(
            ptr <= end,
            "bump pointer {ptr:p} is past its chunk's end {end:p}"
        );
        debug_assert!(
            (ptr == NO_CHUNK) == (end == NO_CHUNK),
            "only one of the bump pointer {ptr:p} and the chunk end {end:p} is NO_CHUNK"
        );
    }

    /// Closes the scope `entry` opened when [`State::exit`] cannot just restore its mark.
    ///
    /// - Its depth is `current`, but its mark is [`NO_CHUNK`]: the scope opened before this thread had
    ///   a chunk. Restoring that mark would send the next scope's first allocation down the slow
    ///   path to find the kept chunks again; the start of the first chunk is the same position
    ///   (every allocation since then belongs to this scope or to scopes opened after it, all
    ///   closed: see the module's invariants) and keeps the next scope on the bump path.
    /// - Its depth is not `current`: a scope opened after it is still open (leaked, or suspended
    ///   in another async task) and may still use memory above the mark. The close is refused:
    ///   nothing changes, so the memory stays reserved for the rest of the thread, and `current`
    ///   never comes down to the depths of the enclosing scopes, which leaks them too.
    #[cold]
    #[inline(never)]
    fn exit_slow(&self, entry: &Entry) {
        if self.current.get() == entry.id.0.get() {
            self.current.set(entry.restore);
            let head = self.head.get();
            if !head.is_null() {
                // SAFETY: `head` is the first footer of the chunk list, written by `new_chunk`
                // and valid for as long as the state (chunks are only freed by its drop).
                self.ptr().set(unsafe { (*head).base });
                self.end().set(head.cast());
            }
            // Otherwise `ptr` and `end` stay `NO_CHUNK`: with no chunk, nothing moved them.
        } else {
            self.refused_close.set(true);
        }
    }

    /// Whether the handle of the scope `id` may allocate now (its depth is `current`): one
    /// compare. On
    /// `Err`, whether a close was refused on this thread, for [`wrong_scope`]'s message.
    #[inline(always)]
    pub(crate) fn check(&self, id: ScopeId) -> Result<(), bool> {
        if self.current.get() == id.0.get() {
            Ok(())
        } else {
            Err(self.refused_close.get())
        }
    }

    /// Raises `current` to `depth` as if `depth - current` scopes had opened inside the
    /// innermost one and been leaked (what `mem::forget` of that many guards does), to reach the
    /// end of the depth range in tests without four billion guards.
    #[cfg(test)]
    pub(crate) fn leak_scopes_to(&self, depth: u32) {
        self.current.set(self.current.get().max(depth));
    }

    /// For the handle of the scope `id`: [`State::check`], then [`State::allocate`] or
    /// [`State::allocate_aligned`].
    #[inline(always)]
    pub(crate) fn allocate_for(
        &self,
        id: ScopeId,
        size: usize,
        align: usize,
    ) -> Result<Option<NonNull<u8>>, bool> {
        self.check(id)?;
        Ok(if align == MIN_ALIGN {
            self.allocate(size)
        } else {
            self.allocate_aligned(size, align)
        })
    }

    /// Bump-allocates `size` bytes aligned to [`MIN_ALIGN`]; `None` (with nothing changed)
    /// when that is impossible, for [`failure`] to explain.
    #[inline(always)]
    pub(crate) fn allocate(&self, size: usize) -> Option<NonNull<u8>> {
        let ptr = self.ptr().get();
        let available = self.end().get().addr() - ptr.addr();
        if size < available {
            // `available` is a multiple of 8 below 4 GiB, so rounding `size` up to 8 neither
            // overflows nor passes `end`.
            let rounded = (size + (MIN_ALIGN - 1)) & !(MIN_ALIGN - 1);
            self.ptr().set(ptr.wrapping_add(rounded));
            self.debug_check_bump();
            // SAFETY: `end - ptr > 0`, so a chunk is current (invariant: with none, both are
            // `NO_CHUNK`) and `ptr` is an address in it, never null.
            Some(unsafe { NonNull::new_unchecked(ptr) })
        } else {
            self.allocate_slow(size, MIN_ALIGN)
        }
    }

    /// Bump-allocates `size` bytes aligned to `align`; `None` (with nothing changed) when that
    /// is impossible, for [`failure`] to explain.
    #[inline]
    pub(crate) fn allocate_aligned(&self, size: usize, align: usize) -> Option<NonNull<u8>> {
        if align <= MIN_ALIGN && align.is_power_of_two() {
            self.allocate(size)
        } else {
            self.allocate_slow(size, align)
        }
    }

    /// Everything that is not a plain bump: a checked alignment, a kept chunk, or a new
    /// chunk. On failure nothing has changed. (Returning an `Option` rather than a `Result`
    /// keeps the inlined fast path free of a stack frame on wasm32.)
    #[cold]
    #[inline(never)]
    fn allocate_slow(&self, size: usize, align: usize) -> Option<NonNull<u8>> {
        if !valid_align(align) {
            return None;
        }
        let align = align.max(MIN_ALIGN);
        let end = self.end().get();
        // The chunk after the current one, kept from an earlier scope.
        let next = if end == NO_CHUNK {
            self.head.get()
        } else {
            // SAFETY: `end` is not `NO_CHUNK`, so it points at the current chunk's footer
            // (invariant), written by `new_chunk` and valid until the state is dropped.
            unsafe { (*end.cast::<Footer>()).next }
        };
        let (chunk, found) = if let Some(found) = fit(self.ptr().get(), end, size, align) {
            (end, found)
        } else if let Some((chunk, found)) = self.reuse_kept(end, next, size, align) {
            (chunk.cast(), found)
        } else {
            // A new chunk, linked right after the current one so that later scopes reuse it. A
            // fresh chunk is page-aligned with room for `size` after its base by construction.
            let chunk = self.grow_for(size)?;
            // SAFETY: `chunk` is the footer `new_chunk` just wrote; `end`, unless `NO_CHUNK`, is
            // the current chunk's footer (invariant). Chunks never overlap, so the two do not
            // alias.
            let base = unsafe {
                (*chunk).next = next;
                if end == NO_CHUNK {
                    self.head.set(chunk);
                } else {
                    (*end.cast::<Footer>()).next = chunk;
                }
                (*chunk).base
            };
            // SAFETY: `base` is the start of a fresh chunk, never null.
            (chunk.cast(), unsafe { NonNull::new_unchecked(base) })
        };
        // `fit` (or the size of a fresh chunk) guarantees that the rounded size fits before
        // the chunk's end, which is 8-aligned, so rounding cannot overflow.
        let rounded = (size + (MIN_ALIGN - 1)) & !(MIN_ALIGN - 1);
        self.bump.set([found.as_ptr().wrapping_add(rounded), chunk]);
        self.debug_check_bump();
        debug_assert!(
            found.as_ptr().addr() % align == 0,
            "allocation at {found:p} is not {align}-aligned"
        );
        Some(found)
    }

    /// The first kept chunk after the current one (`end`'s, or none when `end` is `NO_CHUNK`)
    /// in which `size` bytes aligned to `align` fit, moved to right after the current chunk so
    /// that it becomes the current one; and where the allocation starts in it. Every chunk
    /// after the current one is free (invariant), so any of them may be reused, and moving one
    /// forward keeps the others after the current chunk.
    fn reuse_kept(
        &self,
        end: *mut u8,
        next: *mut Footer,
        size: usize,
        align: usize,
    ) -> Option<(*mut Footer, NonNull<u8>)> {
        // Best fit: the smallest kept chunk with room, so large chunks stay for large requests.
        let mut best: Option<(*mut Footer, *mut Footer, NonNull<u8>, usize)> = None;
        let mut previous: *mut Footer = ptr::null_mut();
        let mut candidate = next;
        while !candidate.is_null() {
            // SAFETY: `candidate` is a footer of the chunk list, written by `new_chunk` and
            // valid until the state is dropped; nothing else refers to it now.
            let (base, pages, after) =
                unsafe { ((*candidate).base, (*candidate).pages, (*candidate).next) };
            if let Some(found) = fit(base, candidate.cast(), size, align) {
                if best.is_none_or(|(_, _, _, best_pages)| pages < best_pages) {
                    best = Some((previous, candidate, found, pages));
                }
            }
            previous = candidate;
            candidate = after;
        }
        let (previous, chunk, found, _) = best?;
        if !previous.is_null() {
            // SAFETY: `previous`, `chunk` and (unless `NO_CHUNK`) `end` are distinct footers of
            // the list (chunks never overlap); relinking keeps every chunk in the list exactly
            // once: `chunk` leaves its place after `previous` and goes right after the current
            // chunk, before `next`.
            unsafe {
                (*previous).next = (*chunk).next;
                (*chunk).next = next;
                if end == NO_CHUNK {
                    self.head.set(chunk);
                } else {
                    (*end.cast::<Footer>()).next = chunk;
                }
            }
        }
        Some((chunk, found))
    }

    /// A new chunk with room for `size` bytes. Chunks grow geometrically (each at least as
    /// large as everything reserved so far, up to [`GROWTH_CAP_PAGES`]), so a thread that keeps
    /// allocating calls `memory.grow` a logarithmic number of times; when that much cannot be
    /// had, exactly the pages `size` needs are tried before giving up.
    fn grow_for(&self, size: usize) -> Option<*mut Footer> {
        let needed = pages_for(size)?;
        let mut pages = needed.max(self.reserved_pages.get().min(GROWTH_CAP_PAGES));
        loop {
            if let Some(chunk) = self.new_chunk(pages) {
                return Some(chunk);
            }
            if pages == needed {
                return None;
            }
            pages = needed;
        }
    }

    /// Reserves a chunk of exactly `pages` pages (within the page limit), writes its footer and
    /// returns it; `None` with nothing changed when the memory cannot grow that much.
    fn new_chunk(&self, pages: usize) -> Option<*mut Footer> {
        if pages > self.page_limit().saturating_sub(self.reserved_pages.get()) {
            return None;
        }
        let base = source::reserve(pages)?.as_ptr();
        let footer = base
            .wrapping_add(pages * PAGE_SIZE - FOOTER_SIZE)
            .cast::<Footer>();
        // SAFETY: the chunk spans `pages * PAGE_SIZE` bytes from `base`, is ours alone, and
        // `footer` is its last `FOOTER_SIZE` bytes, aligned because `base` is page-aligned and
        // `FOOTER_SIZE` a multiple of 8.
        unsafe {
            footer.write(Footer {
                next: ptr::null_mut(),
                base,
                pages,
            });
        }
        self.reserved_pages.set(self.reserved_pages.get() + pages);
        Some(footer)
    }

    pub(crate) fn reserved_pages(&self) -> usize {
        self.reserved_pages.get()
    }

    pub(crate) fn page_limit(&self) -> usize {
        MAX_PAGES - self.limit_below_max.get()
    }

    pub(crate) fn set_page_limit(&self, pages: usize) {
        self.limit_below_max.set(MAX_PAGES - pages.min(MAX_PAGES));
    }
}

/// Frees the thread's chunks when it exits, unless a leaked scope may still point into them.
#[cfg(not(target_arch = "wasm32"))]
impl Drop for State {
    fn drop(&mut self) {
        // A scope that never closed (a leaked guard, perhaps with `'static` segments that
        // another thread-local destructor may still use) keeps `current` at or above its depth,
        // so `current` is 0 only when every scope of the thread has closed, and no segment of
        // any of them is alive (their brands ended with their guards).
        if self.current.get() != 0 {
            return;
        }
        let mut chunk = self.head.get();
        while !chunk.is_null() {
            // SAFETY: `chunk` is a footer of the list; the fields are read before its chunk is
            // released, each chunk exactly once (the list has no cycles: every chunk is linked
            // in once, when it is created). Every scope of the thread has closed (above), and
            // segments cannot cross threads, so nothing uses the memory any more.
            unsafe {
                let Footer { next, base, pages } = chunk.read();
                if let Some(base) = NonNull::new(base) {
                    source::release(base, pages);
                }
                chunk = next;
            }
        }
    }
}

/// Where an allocation of `size` bytes aligned to `align` (a power of two, at least 8) starts
/// in the free range `ptr..end` (both 8-aligned, `ptr <= end`), if it fits there. No arithmetic
/// can overflow: the padding is below `align` and at most `available` when subtracted. Kept
/// out of line: the slow path calls it twice, and size matters more than speed there.
#[inline(never)]
fn fit(ptr: *mut u8, end: *mut u8, size: usize, align: usize) -> Option<NonNull<u8>> {
    let padding = ptr.addr().wrapping_neg() & (align - 1);
    let available = end.addr() - ptr.addr();
    // `available - padding` is a multiple of 8, so the size rounded up to 8 fits as well.
    if padding <= available && size <= available - padding {
        NonNull::new(ptr.wrapping_add(padding))
    } else {
        None
    }
}

/// Why `allocate_aligned(size, align)` returned `None`: the checks of `allocate_slow`, in the
/// same order.
#[cold]
#[inline(never)]
pub(crate) fn failure(size: usize, align: usize) -> AllocError {
    let kind = if !valid_align(align) {
        AllocErrorKind::InvalidAlignment
    } else if pages_for(size).is_none() {
        AllocErrorKind::TooLarge
    } else {
        AllocErrorKind::OutOfMemory
    };
    AllocError::new(size, align, kind)
}

/// Whether `align` is a power of two no larger than [`MAX_ALIGN`].
fn valid_align(align: usize) -> bool {
    align.is_power_of_two() && align <= MAX_ALIGN
}

/// The pages of a chunk with room for `size` bytes and its footer (a fresh chunk is
/// page-aligned, so any valid alignment needs no padding), or `None` beyond 4 GiB. Written
/// without an intermediate `size + FOOTER_SIZE`, which could overflow.
#[inline(always)]
fn pages_for(size: usize) -> Option<usize> {
    let pages = size / PAGE_SIZE + 1 + usize::from(size % PAGE_SIZE > PAGE_SIZE - FOOTER_SIZE);
    (pages <= MAX_PAGES).then_some(pages)
}

/// Panics because a handle allocated (or opened a child) while it is not `current`;
/// `refused_close` says whether a close was refused on this thread (a leaked scope, or scopes
/// closed out of order), which the message then mentions as the likelier cause.
#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn wrong_scope(refused_close: bool) -> ! {
    if refused_close {
        panic!(
            "memory scope misuse: this `MemoryAllocator` can no longer allocate because a scope opened after it \
             never closed, or closed out of order (a forgotten scope guard or future, or two async tasks on one thread \
             holding scopes across `.await`); its memory stays reserved until the thread exits"
        )
    } else {
        panic!(
            "memory scope misuse: this `MemoryAllocator` is used while a scope opened after it is still open \
             (or was leaked without closing); \
             allocate from the innermost scope's handle, and open nested scopes as children \
             (`with_memory_allocator!(|inner| in mem {{ ... }})` or `mem.scope(...)`) to have this checked at compile time"
        )
    }
}

/// 2^32 - 1 scopes of the thread are open or leaked: refuse to open more rather than give an
/// old depth again.
#[cold]
#[inline(never)]
#[track_caller]
fn depth_exhausted() -> ! {
    panic!(
        "memory scope misuse: this thread has 2^32 - 1 memory scopes open or leaked (forgotten), the most it can"
    )
}

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
extern crate std;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
struct SingleThreaded(State);

// SAFETY: without the `atomics` target feature a wasm32 module runs on exactly one thread, so
// the state is never reached from two threads.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl Sync for SingleThreaded {}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
static STATE: SingleThreaded = SingleThreaded(State::new());

/// Runs `f` on this thread's state.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[inline(always)]
pub(crate) fn with<R>(f: impl FnOnce(&State) -> R) -> R {
    f(&STATE.0)
}

/// Opens a scope on this thread's state (see [`State::enter`]).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[inline(always)]
pub(crate) fn enter() -> Entry {
    STATE.0.enter()
}

/// Opens a child scope of the scope `parent` on this thread's state (see
/// [`State::enter_child`]).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[inline(always)]
pub(crate) fn enter_child(parent: ScopeId) -> Result<Entry, bool> {
    STATE.0.enter_child(parent)
}

/// Closes the scope `entry` opened on this thread's state (see [`State::exit`]).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[inline(always)]
pub(crate) fn exit(entry: &Entry) {
    STATE.0.exit(entry);
}

/// Allocates for the handle of the scope `id` on this thread's state (see
/// [`State::allocate_for`]). No closure, so that opt-level "z" inlines it whole.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[inline(always)]
pub(crate) fn allocate(
    id: ScopeId,
    size: usize,
    align: usize,
) -> Result<Option<NonNull<u8>>, bool> {
    STATE.0.allocate_for(id, size, align)
}

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
std::thread_local! {
    static STATE: State = const { State::new() };
}

/// Runs `f` on this thread's state.
///
/// # Panics
///
/// When called from a thread-local destructor after the state was destroyed.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
#[inline(always)]
pub(crate) fn with<R>(f: impl FnOnce(&State) -> R) -> R {
    STATE.with(f)
}

/// Opens a scope on this thread's state (see [`State::enter`]).
///
/// # Panics
///
/// When called from a thread-local destructor after the state was destroyed.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
#[inline(always)]
pub(crate) fn enter() -> Entry {
    STATE.with(State::enter)
}

/// Opens a child scope of the scope `parent` on this thread's state (see
/// [`State::enter_child`]).
///
/// # Panics
///
/// When called from a thread-local destructor after the state was destroyed.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
#[inline(always)]
pub(crate) fn enter_child(parent: ScopeId) -> Result<Entry, bool> {
    STATE.with(|state| state.enter_child(parent))
}

/// Closes the scope `entry` opened on this thread's state (see [`State::exit`]), unless the
/// state was already destroyed (in a thread-local destructor that runs after the state's).
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
#[inline(always)]
pub(crate) fn exit(entry: &Entry) {
    let _ = STATE.try_with(|state| state.exit(entry));
}

/// Allocates for the handle of the scope `id` on this thread's state (see
/// [`State::allocate_for`]).
///
/// # Panics
///
/// When called from a thread-local destructor after the state was destroyed.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
#[inline(always)]
pub(crate) fn allocate(
    id: ScopeId,
    size: usize,
    align: usize,
) -> Result<Option<NonNull<u8>>, bool> {
    STATE.with(|state| state.allocate_for(id, size, align))
}
