//! Where the allocator's memory comes from: whole 64 KiB pages, grown with `memory.grow` on
//! wasm32 and taken from the global allocator elsewhere, each page group (a *chunk*) ending in a
//! [`Footer`] that links it to the next chunk.

use core::ptr::NonNull;

/// The WebAssembly page size; chunks are whole pages and start at a page boundary.
pub(crate) const PAGE_SIZE: usize = 65536;

/// The most pages the allocator may ever hold: a 32-bit linear memory's 4 GiB. The host build
/// keeps the same cap so that it behaves like wasm32.
pub(crate) const MAX_PAGES: usize = 65536;

/// Bookkeeping at the end of every chunk (the allocator's `end` pointer points at it).
#[repr(C)]
pub(crate) struct Footer {
    /// The next chunk, reused after the current one fills up; null at the end of the list.
    pub(crate) next: *mut Footer,
    /// The chunk's first byte, page-aligned.
    pub(crate) base: *mut u8,
    /// The chunk's size in pages.
    pub(crate) pages: usize,
}

/// The bytes a chunk gives to its footer, a multiple of the minimum alignment so that the
/// usable end stays 8-aligned.
pub(crate) const FOOTER_SIZE: usize = size_of::<Footer>().next_multiple_of(8);

/// Takes `pages` fresh pages (zeroed, page-aligned, never at address 0), or `None` when the
/// memory cannot grow. `pages` is at least 1.
#[cfg(target_arch = "wasm32")]
pub(crate) fn reserve(pages: usize) -> Option<NonNull<u8>> {
    use core::arch::wasm32::memory_grow;
    // Refuse before growing when the size is not even representable (4 GiB on wasm32).
    pages.checked_mul(PAGE_SIZE)?;
    let mut previous = memory_grow(0, pages);
    if previous == 0 {
        // The memory was empty, so the new pages start at address 0, which must never be handed
        // out: leave them unused and grow again. (Rust modules always have a stack in memory,
        // so this does not happen in practice.)
        previous = memory_grow(0, pages);
    }
    if previous == usize::MAX {
        return None;
    }
    let address = previous.checked_mul(PAGE_SIZE)?;
    NonNull::new(core::ptr::with_exposed_provenance_mut(address))
}

/// Takes `pages` fresh pages (zeroed, page-aligned, never at address 0), or `None` when the
/// global allocator refuses. `pages` is at least 1.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn reserve(pages: usize) -> Option<NonNull<u8>> {
    let layout = chunk_layout(pages)?;
    // SAFETY: the layout's size is at least one page, never zero. Zeroed memory keeps every byte
    // of a chunk initialized, so reading a segment that was never written is defined.
    NonNull::new(unsafe { std::alloc::alloc_zeroed(layout) })
}

/// Gives back a chunk taken with [`reserve`].
///
/// # Safety
///
/// `base` and `pages` must come from one earlier call `reserve(pages)` that returned `base`,
/// the chunk must not have been released already, and nothing may use its memory afterwards.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) unsafe fn release(base: NonNull<u8>, pages: usize) {
    if let Some(layout) = chunk_layout(pages) {
        // SAFETY: the caller promises that `base` came from `alloc_zeroed` with this same
        // layout (`chunk_layout(pages)` is deterministic) and is released once.
        unsafe { std::alloc::dealloc(base.as_ptr(), layout) }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn chunk_layout(pages: usize) -> Option<std::alloc::Layout> {
    std::alloc::Layout::from_size_align(pages.checked_mul(PAGE_SIZE)?, PAGE_SIZE).ok()
}

#[cfg(not(target_arch = "wasm32"))]
extern crate std;
