//! `cabi_realloc`: where the host puts the strings and lists an import returns.
//!
//! While a wrapper whose results live in a scope (`memory: &MemoryAllocator<'s>` as its first
//! parameter) runs its import inside [`with_realloc_scope`], every call allocates from that
//! scope (a grow allocates anew and copies: bump memory is not resized in place). Otherwise it
//! behaves exactly like the global allocator: with the runtime's `std` feature it calls
//! `std::alloc::{alloc, realloc, dealloc}` with the layout it is given (so std, wasi-libc and
//! `String`/`Vec` results share one allocator); without `std` it returns null, which makes the
//! host trap instead of writing anywhere.
//!
//! The exported symbol exists only on `wasm32-wasip2`, where it replaces the one wasi-libc
//! provides; the logic ([`realloc`]) is an ordinary function, tested on the host.

use core::cell::Cell;
use core::ptr;

use crate::memory::MemoryAllocator;

/// The scope `cabi_realloc` allocates from, type-erased (the lifetime is the scope's).
type Active = Option<ptr::NonNull<MemoryAllocator<'static>>>;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
struct SingleThreaded(Cell<Active>);

// SAFETY: without the `atomics` target feature a wasm32 module runs on one thread, so the cell
// is never reached from two threads.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl Sync for SingleThreaded {}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
static ACTIVE: SingleThreaded = SingleThreaded(Cell::new(None));

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
fn with_active<R>(f: impl FnOnce(&Cell<Active>) -> R) -> R {
    f(&ACTIVE.0)
}

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
extern crate std;

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
std::thread_local! {
    static ACTIVE: Cell<Active> = const { Cell::new(None) };
}

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
fn with_active<R>(f: impl FnOnce(&Cell<Active>) -> R) -> R {
    ACTIVE.with(f)
}

/// Runs `f` (a wrapper's import call) with `cabi_realloc` serving allocations from `memory`'s
/// scope; the previous scope, if any, is restored afterwards, also on unwinding.
#[inline(always)]
pub fn with_realloc_scope<'s, R>(memory: &MemoryAllocator<'s>, f: impl FnOnce() -> R) -> R {
    struct Restore(Active);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0;
            with_active(|cell| cell.set(previous));
        }
    }
    let erased = ptr::NonNull::from(memory).cast::<MemoryAllocator<'static>>();
    let _restore = Restore(with_active(|cell| cell.replace(Some(erased))));
    f()
}

/// What `cabi_realloc(old_ptr, old_size, align, new_size)` returns: a block of `new_size`
/// bytes aligned to `align` holding the first `min(old_size, new_size)` bytes of `old_ptr`'s,
/// or null when there is no memory to give (the host then traps).
///
/// # Safety
///
/// `old_ptr` is null, or a block this function returned with `old_size` and `align` that
/// nothing uses any more.
#[cfg_attr(
    not(all(target_arch = "wasm32", target_env = "p2")),
    allow(
        dead_code,
        reason = "exported only on wasm32-wasip2; tested on the host"
    )
)]
#[must_use]
pub(crate) unsafe fn realloc(
    old_ptr: *mut u8,
    old_size: usize,
    align: usize,
    new_size: usize,
) -> *mut u8 {
    if let Some(memory) = with_active(Cell::get) {
        // SAFETY: the pointer was made from a `&MemoryAllocator` in `with_realloc_scope`, which
        // is still running (it clears the cell before it returns), so the handle is alive.
        let memory = unsafe { memory.as_ref() };
        let Ok(segment) = memory.try_allocate_aligned(new_size, align) else {
            return ptr::null_mut();
        };
        let new = segment.into_bytes_mut().as_mut_ptr();
        if !old_ptr.is_null() {
            // SAFETY: the caller guarantees `old_ptr` holds `old_size` bytes; the new block is
            // fresh scope memory, so the two do not overlap.
            unsafe { ptr::copy_nonoverlapping(old_ptr, new, old_size.min(new_size)) };
        }
        return new;
    }
    // SAFETY: forwarded from the caller.
    unsafe { global(old_ptr, old_size, align, new_size) }
}

#[cfg_attr(
    not(all(target_arch = "wasm32", target_env = "p2")),
    allow(
        dead_code,
        reason = "exported only on wasm32-wasip2; tested on the host"
    )
)]
#[cfg(feature = "std")]
unsafe fn global(old_ptr: *mut u8, old_size: usize, align: usize, new_size: usize) -> *mut u8 {
    use std::alloc::{Layout, alloc, dealloc, realloc};
    // Size 0 is never allocated: the (aligned, non-null) alignment itself stands for it.
    let dangling = ptr::without_provenance_mut::<u8>(align);
    if old_ptr.is_null() || old_size == 0 {
        if new_size == 0 {
            return dangling;
        }
        return match Layout::from_size_align(new_size, align) {
            // SAFETY: the layout's size is not zero.
            Ok(layout) => unsafe { alloc(layout) },
            Err(_) => ptr::null_mut(),
        };
    }
    let Ok(old) = Layout::from_size_align(old_size, align) else {
        return ptr::null_mut();
    };
    if new_size == 0 {
        // SAFETY: the caller guarantees `old_ptr` was allocated with this layout.
        unsafe { dealloc(old_ptr, old) };
        return dangling;
    }
    // SAFETY: as above, and `new_size` is not zero.
    unsafe { realloc(old_ptr, old, new_size) }
}

#[cfg_attr(
    not(all(target_arch = "wasm32", target_env = "p2")),
    allow(
        dead_code,
        reason = "exported only on wasm32-wasip2; tested on the host"
    )
)]
#[cfg(not(feature = "std"))]
unsafe fn global(_: *mut u8, _: usize, _: usize, _: usize) -> *mut u8 {
    ptr::null_mut()
}

/// The Canonical ABI's `cabi_realloc`, exported for the host (see the module docs).
///
/// # Safety
///
/// Called by the host as the Canonical ABI specifies (see [`realloc`]).
#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
#[unsafe(no_mangle)]
pub(crate) unsafe extern "C" fn cabi_realloc(
    old_ptr: *mut u8,
    old_size: usize,
    align: usize,
    new_size: usize,
) -> *mut u8 {
    // SAFETY: the host passes a block this function returned, as the Canonical ABI requires.
    unsafe { realloc(old_ptr, old_size, align, new_size) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_scope_it_is_the_global_allocator() {
        // SAFETY: fresh allocations, grown and freed once each.
        unsafe {
            let first = realloc(ptr::null_mut(), 0, 4, 8);
            assert!(!first.is_null());
            assert_eq!(first.addr() % 4, 0);
            first.copy_from_nonoverlapping(b"abcdefgh".as_ptr(), 8);
            let grown = realloc(first, 8, 4, 64);
            assert_eq!(core::slice::from_raw_parts(grown, 8), b"abcdefgh");
            let freed = realloc(grown, 64, 4, 0);
            assert_eq!(
                freed.addr(),
                4,
                "size 0 is the alignment, not an allocation"
            );
            assert_eq!(realloc(ptr::null_mut(), 0, 8, 0).addr(), 8);
        }
    }

    #[test]
    fn inside_a_scope_it_allocates_there_and_grows_by_copying() {
        crate::memory::scope(|memory| {
            let before = memory.allocate(1).as_ptr().addr();
            let (first, grown) = with_realloc_scope(memory, || {
                // SAFETY: blocks from this scope, grown once.
                unsafe {
                    let first = realloc(ptr::null_mut(), 0, 1, 5);
                    first.copy_from_nonoverlapping(b"hello".as_ptr(), 5);
                    let grown = realloc(first, 5, 16, 100);
                    (first, grown)
                }
            });
            assert!(
                first.addr() > before && grown.addr() > first.addr(),
                "bump memory of the scope"
            );
            assert_eq!(grown.addr() % 16, 0);
            // SAFETY: the scope is still open, so the copy is alive.
            assert_eq!(unsafe { core::slice::from_raw_parts(grown, 5) }, b"hello");
        });
    }

    #[test]
    fn the_scope_ends_with_the_call_also_when_nested() {
        crate::memory::scope(|outer| {
            with_realloc_scope(outer, || {
                assert!(with_active(Cell::get).is_some());
            });
            assert!(with_active(Cell::get).is_none());
        });
    }
}
