//! The per-thread allocator state: a bump pointer and the end of its chunk (the fast path), the
//! scope depth (the runtime misuse check), and the chunk list (the slow path).
//!
//! Invariants, kept by every function here:
//! - `ptr` and `end` are multiples of [`MIN_ALIGN`] and `ptr <= end`; both lie in the current
//!   chunk, whose [`Footer`] is at `end`, or both equal [`NO_CHUNK`] (null) when no chunk is
//!   current: then `end - ptr` is 0 and the fast path never hands out the null pointer;
//! - every chunk of the list after the current one holds no live allocation;
//! - `depth` equals the depth stored by the innermost open scope's guard. A guard restores its
//!   entry mark only when the depths match, which proves that every scope opened inside it is
//!   closed; a mismatch means an inner guard was leaked, and then nothing below the current
//!   pointer is reused again (see [`State::exit_slow`]).
//!
//! A new state is all zeros, so that on wasm32 it costs the module no data segment.

use core::cell::Cell;
use core::ptr::{self, NonNull};

use super::error::{AllocError, AllocErrorKind};
use super::source::{self, FOOTER_SIZE, Footer, MAX_PAGES, PAGE_SIZE};
use super::{MAX_ALIGN, MIN_ALIGN};

/// `ptr` and `end` when no chunk is current (before the first one): null, so that a new state
/// is all zeros. The fast path allocates only when `size < end - ptr`, which is never true
/// here, so even a zero-size allocation takes the slow path and gets a real chunk address.
const NO_CHUNK: *mut u8 = ptr::null_mut();

/// Depths carry a generation in their upper half; leaking a scope starts a new generation so
/// that no guard from before the leak ever matches again.
const GENERATION_SHIFT: u32 = 32;

/// What a scope saves on entry and restores on exit.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    bump: [*mut u8; 2],
    pub(crate) depth: u64,
}

pub(crate) struct State {
    /// The bump pointer and the end of its chunk, side by side so that a scope saves and
    /// restores both with one 8-byte load and store on wasm32.
    bump: Cell<[*mut u8; 2]>,
    depth: Cell<u64>,
    head: Cell<*mut Footer>,
    reserved_pages: Cell<usize>,
    /// [`MAX_PAGES`] minus the page limit (so that no limit is 0).
    limit_below_max: Cell<usize>,
    /// The last generation started by a leak (0: none yet).
    generations: Cell<u64>,
    leaked: Cell<bool>,
}

/// The largest chunk that geometric growth asks for, in pages (1 MiB); a larger request gets
/// exactly the pages it needs.
const GROWTH_CAP_PAGES: usize = 16;

impl State {
    const fn new() -> Self {
        Self {
            bump: Cell::new([NO_CHUNK; 2]),
            depth: Cell::new(0),
            head: Cell::new(ptr::null_mut()),
            reserved_pages: Cell::new(0),
            limit_below_max: Cell::new(0),
            generations: Cell::new(0),
            leaked: Cell::new(false),
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

    /// Opens a scope: one more level of depth, and the mark to restore.
    #[inline(always)]
    pub(crate) fn enter(&self) -> Entry {
        let depth = self.depth.get().wrapping_add(1);
        self.depth.set(depth);
        Entry {
            bump: self.bump.get(),
            depth,
        }
    }

    /// Closes the scope `entry` opened: restores its mark in O(1), keeping every chunk for reuse.
    /// Two compares and two stores; everything unusual is in [`State::exit_slow`].
    #[inline(always)]
    pub(crate) fn exit(&self, entry: &Entry) {
        // `ptr` is `NO_CHUNK` only together with `end` (invariant).
        if self.depth.get() == entry.depth && entry.bump[0] != NO_CHUNK {
            self.depth.set(entry.depth.wrapping_sub(1));
            self.bump.set(entry.bump);
        } else {
            self.exit_slow(entry.depth);
        }
    }

    /// Closes a scope whose depth is `depth` when [`State::exit`] cannot just restore its mark.
    ///
    /// - The depths match but the mark is [`NO_CHUNK`]: the scope opened before this thread had
    ///   a chunk. Restoring that mark would send the next scope's first allocation down the slow
    ///   path to find the kept chunks again; the start of the first chunk is the same position
    ///   (with no chunk current, every chunk is free, by the invariant) and keeps the next scope
    ///   on the bump path.
    /// - The depths differ: the scope is not the innermost one. Either a scope opened inside it
    ///   was leaked (its guard will never run; `mem::forget` of a future suspended inside a
    ///   `with_memory_allocator!` block does that) and its segments may still be reachable, or
    ///   this guard itself belongs to a generation that ended in such a leak. In both cases the
    ///   memory above the mark may still be in use, so the mark is **not** restored: the memory
    ///   stays allocated for the rest of the thread. A new generation starts, so that no guard
    ///   or handle opened before the leak matches again; scopes opened later work as usual.
    #[cold]
    #[inline(never)]
    fn exit_slow(&self, depth: u64) {
        let current = self.depth.get();
        if current == depth {
            self.depth.set(depth.wrapping_sub(1));
            let head = self.head.get();
            if !head.is_null() {
                // SAFETY: `head` is the first footer of the chunk list, written by `new_chunk`.
                self.ptr().set(unsafe { (*head).base });
                self.end().set(head.cast());
            }
            // Otherwise `ptr` and `end` stay `NO_CHUNK`: with no chunk, nothing moved them.
        } else if generation(current) == generation(depth) {
            self.leaked.set(true);
            let next = self.generations.get() + 1;
            if next >= 1 << GENERATION_SHIFT {
                fatal();
            }
            self.generations.set(next);
            self.depth.set(next << GENERATION_SHIFT);
        }
    }

    /// Whether the handle whose scope has `depth` may allocate now (it is the innermost open
    /// scope): one compare. On `Err`, the current depth, for [`wrong_scope`].
    #[inline(always)]
    pub(crate) fn check(&self, depth: u64) -> Result<(), u64> {
        let current = self.depth.get();
        if current == depth {
            Ok(())
        } else {
            Err(current)
        }
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

    /// Everything that is not a plain bump: a checked alignment, the next kept chunk, or a new
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
        } else if let Some(found) = (!next.is_null())
            // SAFETY: `next` is a footer of the chunk list, written by `new_chunk`.
            .then(|| unsafe { (*next).base })
            .and_then(|base| fit(base, next.cast(), size, align))
        {
            (next.cast(), found)
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
        Some(found)
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
        // A scope still open when the thread exits was leaked (scopes are lexical), perhaps
        // with a `'static` segment that another thread-local destructor may still use.
        if self.leaked.get() || self.depth.get() & DEPTH_MASK != 0 {
            return;
        }
        let mut chunk = self.head.get();
        while !chunk.is_null() {
            // SAFETY: `chunk` is a footer of the list; the fields are read before its chunk is
            // released, each chunk exactly once (the list has no cycles: every chunk is linked
            // in once, when it is created). No scope is open on an exiting thread's state, and
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

/// The part of a depth that counts open scopes.
#[cfg(not(target_arch = "wasm32"))]
const DEPTH_MASK: u64 = (1 << GENERATION_SHIFT) - 1;

const fn generation(depth: u64) -> u64 {
    depth >> GENERATION_SHIFT
}

/// Panics because a handle allocated (or opened a child) while it is not the innermost scope.
#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn wrong_scope(current: u64, handle: u64) -> ! {
    if generation(current) == generation(handle) {
        panic!(
            "memory scope misuse: this `MemoryAllocator` is used while a scope opened inside it is still open; \
             allocate from the innermost scope's handle, and open nested scopes as children \
             (`with_memory_allocator!(|inner| in mem {{ ... }})` or `mem.scope(...)`) to have this checked at compile time"
        )
    } else {
        panic!(
            "memory scope misuse: this `MemoryAllocator` can no longer allocate because a scope opened inside it \
             was leaked without closing (was a future suspended inside `with_memory_allocator!` forgotten?)"
        )
    }
}

/// Four billion leaked scopes: give up rather than risk reusing a generation.
#[cold]
fn fatal() -> ! {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::abort();
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

/// Closes the scope `entry` opened on this thread's state (see [`State::exit`]).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[inline(always)]
pub(crate) fn exit(entry: &Entry) {
    STATE.0.exit(entry);
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

/// Closes the scope `entry` opened on this thread's state (see [`State::exit`]), unless the
/// state was already destroyed (in a thread-local destructor that runs after the state's).
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
#[inline(always)]
pub(crate) fn exit(entry: &Entry) {
    let _ = STATE.try_with(|state| state.exit(entry));
}
