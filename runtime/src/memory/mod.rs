//! Scoped linear memory: bump-allocated [`MemorySegment`]s that are freed, all at once, when the
//! scope that allocated them closes.
//!
//! Host functions take pointers into the module's linear memory (an iovec, a buffer to fill, a
//! path). A scope hands out such memory cheaply and takes it back in O(1):
//!
//! ```
//! use wasm_function::with_memory_allocator;
//!
//! fn total_length(parts: &[&str]) -> usize {
//!     with_memory_allocator!(|mem| {
//!         let mut total = 0;
//!         for part in parts {
//!             let copy = mem.allocate_str(part); // e.g. for a host call
//!             total += copy.len();
//!         }
//!         total
//!     }) // every segment is freed here
//! }
//! assert_eq!(total_length(&["hello", ", ", "world"]), 12);
//! ```
//!
//! # Opening a scope
//!
//! - `with_memory_allocator!(|mem| { … })` binds `mem: &mut MemoryAllocator<'_>` for the block.
//!   The block is an ordinary block, not a closure: `?`, `return`, `break` and `continue` in it
//!   act on the enclosing code, and its value is the macro's value. The scope closes on every
//!   way out, unwinding panics included.
//! - `with_memory_allocator!(|child| in mem { … })` opens a child of the scope `mem`, which is
//!   mutably borrowed (frozen) until the block ends.
//! - [`scope(|mem| …)`](scope) and [`mem.scope(|child| …)`](MemoryAllocator::scope) are the
//!   closure forms of the same two.
//!
//! ```
//! # use wasm_function::with_memory_allocator;
//! fn first_byte(text: &str) -> Option<u8> {
//!     with_memory_allocator!(|mem| {
//!         let copy = mem.try_allocate_str(text).ok()?; // `?` leaves `first_byte`
//!         if copy.is_empty() {
//!             return None; // so does `return`; the scope is closed either way
//!         }
//!         let doubled = with_memory_allocator!(|scratch| in mem {
//!             let mut bytes = scratch.allocate(2);
//!             bytes.set_u8(0, copy.get_u8(0)); // the parent's segments stay usable
//!             bytes.set_u8(1, copy.get_u8(0));
//!             bytes.get_u16(0)
//!         });
//!         Some(doubled as u8)
//!     })
//! }
//! assert_eq!(first_byte("hi"), Some(b'h'));
//! assert_eq!(first_byte(""), None);
//! ```
//!
//! # What is checked, and when
//!
//! At compile time, by the borrow checker (each is a ui test of the crate):
//! - a segment cannot outlive its scope: not returned from the block, not stored in a variable
//!   declared outside it, not captured by a closure that outlives it;
//! - while a child scope opened through a handle (`mem.scope(…)`, `… in mem { … }`) is open,
//!   the parent handle cannot allocate or open another child;
//! - a handle cannot leave its scope (returned or stored), and the handles of two scopes cannot
//!   be exchanged (`mem::swap`): each scope's lifetime is an invariant brand pinned to the end
//!   of its block;
//! - handles and segments are neither `Send` nor `Sync`.
//!
//! At run time, with a panic that says so:
//! - allocating from (or opening a child of) a handle while a scope opened *after* it is still
//!   open, e.g. an inner `with_memory_allocator!(|inner| { … })` whose body uses the outer
//!   `mem`. Scopes opened without naming a parent are ambient, so lifetimes cannot see this; a
//!   per-thread check (one compare per allocation: is this handle's scope the thread's current
//!   one?) does. Write `|inner| in mem { … }` to make it a compile error instead;
//! - out of memory, from the panicking methods ([`MemoryAllocator::allocate`]…); the `try_`
//!   methods return [`AllocError`] instead and leave the allocator unchanged;
//! - an access outside a segment, from the panicking accessors; the `try_` accessors return
//!   [`OutOfBounds`].
//!
//! # Leaked scopes, and scopes that close out of order
//!
//! A scope whose guard never runs is *leaked*. Safe code can do that: `mem::forget` or
//! `Box::leak` of a future suspended inside a `with_memory_allocator!` block, or of a scope
//! guard from `scope`-style code (the guard of a `with_memory_allocator!` block itself has a
//! name its body cannot reach). A leak never frees memory that may still be in use, and costs
//! only memory:
//! - every open scope has a depth, the number of its thread's scopes that were open or leaked
//!   when it opened, plus one; no two open scopes share one. A scope closes (moves the bump
//!   pointer back) only while its depth is the thread's count, which proves that every scope
//!   opened after it has closed. Otherwise its close is *refused*: its memory stays reserved
//!   until the thread exits. The count is checked: 2^32 - 1 leaked scopes make the next scope
//!   panic, never wrap;
//! - so after a leak, the scopes that were open around it cannot free their memory any more
//!   (it stays reserved for the thread), and their handles panic if they allocate again
//!   ("can no longer allocate because a scope opened after it never closed…"); scopes opened
//!   later work as usual, on memory above the leaked one;
//! - at thread exit the chunks are freed only if every scope of the thread has closed, so a
//!   `'static` segment of a leaked scope stays valid for the thread-local destructors that run
//!   after the allocator's.
//!
//! Two async tasks on one thread that each hold a scope across an `.await` share the thread's
//! one stack of scopes. That works as long as only the task whose scope opened last allocates;
//! when the other one allocates it panics with the message above (use one scope per task
//! between awaits, or a child scope of the task's own handle). When their scopes close out of
//! order the earlier one's close is refused, so its memory, and that of the scopes around it,
//! stays reserved until the thread exits. Nothing is freed while in use either way.
//!
//! # Memory
//!
//! Allocation bumps a per-thread pointer through *chunks* of whole 64 KiB pages; every
//! allocation is aligned to at least [`MIN_ALIGN`] (8), and none is ever at address 0. Closing a
//! scope moves the pointer back to where it was when the scope opened; chunks are kept and
//! reused, so a loop of scopes does not grow memory.
//!
//! - On wasm32 the pages come from `memory.grow`. No global allocator is needed (a `no_std`
//!   module works), and it coexists with one: the pages are the allocator's alone.
//! - Elsewhere (native tests, Miri) chunks come from the global allocator, capped like wasm32 at
//!   4 GiB in total, and are freed when the thread exits.
//!
//! [`set_page_limit`] caps the pages one thread's allocator may hold, which makes running out of
//! memory testable.

mod error;
pub(crate) mod scope;
mod segment;
mod source;
mod state;
#[cfg(all(test, feature = "std", not(target_arch = "wasm32")))]
mod tests;

pub use error::{AllocError, AllocErrorKind, OutOfBounds};
pub use scope::{MemoryAllocator, scope};
pub use segment::MemorySegment;

/// The minimum alignment of every allocation, in bytes: the largest alignment of a WASI
/// preview1 record field.
pub const MIN_ALIGN: usize = 8;

/// The largest alignment [`MemoryAllocator::try_allocate_aligned`] accepts: one wasm page.
pub const MAX_ALIGN: usize = 65536;

/// The size of the pages the allocator reserves memory in: a WebAssembly page, 64 KiB.
pub const PAGE_SIZE: usize = source::PAGE_SIZE;

/// Caps the number of 64 KiB pages this thread's allocator may hold in total; `None` leaves
/// only the platform's cap (4 GiB of pages, on every target).
///
/// Meant for tests: with a limit, running out of memory is reproducible on any machine. Pages
/// already held are kept when the limit is lowered below them; only growth is refused, with an
/// [`AllocError`] of kind [`AllocErrorKind::OutOfMemory`].
///
/// ```
/// use wasm_function::memory;
///
/// memory::set_page_limit(Some(memory::reserved_pages() + 1));
/// memory::scope(|mem| {
///     assert!(mem.try_allocate(2 * memory::PAGE_SIZE).is_err());
///     assert!(mem.try_allocate(100).is_ok());
/// });
/// memory::set_page_limit(None);
/// ```
pub fn set_page_limit(pages: Option<usize>) {
    state::with(|state| state.set_page_limit(pages.unwrap_or(usize::MAX)));
}

/// The page limit in effect on this thread (see [`set_page_limit`]): the platform's cap of
/// 65536 pages when none was set.
pub fn page_limit() -> usize {
    state::with(state::State::page_limit)
}

/// How many 64 KiB pages this thread's allocator holds (in use or kept for reuse).
pub fn reserved_pages() -> usize {
    state::with(state::State::reserved_pages)
}
