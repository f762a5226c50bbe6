//! Leaked scopes (a future suspended inside `with_memory_allocator!` and forgotten): nothing
//! that may still be in use is ever reused.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::boxed::Box;

use super::{addr, paint, painted};
use crate::memory::{self, scope::ScopeGuard};
use crate::with_memory_allocator;

/// Pending once, then ready.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

fn poll<F: Future + ?Sized>(future: Pin<&mut F>) -> Poll<F::Output> {
    future.poll(&mut Context::from_waker(Waker::noop()))
}

#[test]
fn a_forgotten_future_keeps_its_memory() {
    let future: &'static mut Pin<Box<dyn Future<Output = bool>>> = memory::scope(|outer| {
        outer.allocate(8);
        let mut future: Pin<Box<dyn Future<Output = bool>>> = Box::pin(async {
            with_memory_allocator!(|mem| {
                let mut segment = mem.allocate(64);
                paint(&mut segment, 0x3C);
                YieldOnce(false).await;
                painted(&segment, 0x3C)
            })
        });
        assert!(poll(future.as_mut()).is_pending());
        // Leak the suspended scope: its guard never runs.
        let future = Box::leak(Box::new(future));
        // The outer handle can no longer allocate: the leaked scope is still "open".
        let misuse = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| outer.allocate(8)));
        assert!(misuse.is_err());
        future
    });
    // New scopes must not hand out the leaked segment's memory.
    for _ in 0..3 {
        memory::scope(|mem| {
            let mut segment = mem.allocate(256);
            paint(&mut segment, 0xC3);
        });
    }
    // The forgotten future resumes, finds its segment intact, and closes its (stale) scope.
    assert_eq!(poll(future.as_mut()), Poll::Ready(true));
    // Scopes work as usual afterwards, and reuse their own addresses.
    let first = memory::scope(|mem| addr(&mem.allocate(8)));
    let second = memory::scope(|mem| addr(&mem.allocate(8)));
    assert_eq!(first, second);
}

#[test]
fn a_leaked_slot_never_frees_its_memory() {
    let (segment, outer_panicked) = memory::scope(|outer| {
        let slot: &'static mut ScopeGuard<'static> = Box::leak(Box::new(ScopeGuard::enter()));
        let handle = Box::leak(Box::new(slot.handle()));
        let mut segment = handle.allocate(32);
        paint(&mut segment, 0x77);
        let outer_panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            outer.allocate(1);
        }))
        .is_err();
        (segment, outer_panicked)
    });
    assert!(outer_panicked);
    with_memory_allocator!(|mem| {
        for _ in 0..10 {
            paint(&mut mem.allocate(32), 0x11);
        }
    });
    assert!(painted(&segment, 0x77));
}

#[test]
#[should_panic(expected = "can no longer allocate because a scope opened after it never closed")]
fn an_enclosing_handle_panics_after_a_leak_is_detected() {
    memory::scope(|outer| {
        outer.scope(|middle| {
            core::mem::forget(ScopeGuard::enter());
            let _ = middle;
        });
        // `middle` closed while a scope inside it was still open: the leak is detected here.
        outer.allocate(8);
    });
}

#[test]
fn slots_dropped_out_of_order_do_not_free_live_memory() {
    let mut first = ScopeGuard::enter();
    let first_handle = first.handle();
    let mut kept = first_handle.allocate(16);
    paint(&mut kept, 0x42);
    let kept_addr = addr(&kept);
    drop(first_handle);
    let second = ScopeGuard::enter();
    // Closing `first` while `second` (opened inside it) is open must not release memory.
    drop(first);
    memory::scope(|mem| {
        let fresh = mem.allocate(16);
        assert!(addr(&fresh) >= kept_addr + 16 || addr(&fresh) + 16 <= kept_addr);
    });
    drop(second);
    memory::scope(|mem| {
        let fresh = mem.allocate(16);
        assert_ne!(addr(&fresh), kept_addr);
    });
}

#[test]
fn a_scope_open_at_thread_exit_keeps_its_memory_for_later_destructors() {
    use crate::memory::MemorySegment;

    struct ReadAtExit(Option<MemorySegment<'static>>);
    impl Drop for ReadAtExit {
        fn drop(&mut self) {
            // Runs at thread exit, possibly after the allocator state's own destructor: the
            // memory must still be there (Miri checks it).
            if let Some(segment) = &self.0 {
                assert!(painted(segment, 0x5E));
            }
        }
    }
    std::thread_local! {
        static KEEP: core::cell::RefCell<ReadAtExit> = const { core::cell::RefCell::new(ReadAtExit(None)) };
    }
    std::thread::spawn(|| {
        // Destructors run in reverse order of first use (on Linux): use `KEEP` first, so that
        // the allocator state is destroyed before it.
        KEEP.with(|_| ());
        memory::scope(|mem| {
            mem.allocate(1);
        });
        let slot: &'static mut ScopeGuard<'static> = Box::leak(Box::new(ScopeGuard::enter()));
        let handle = Box::leak(Box::new(slot.handle()));
        let mut segment = handle.allocate(16);
        paint(&mut segment, 0x5E);
        KEEP.with(|keep| keep.borrow_mut().0 = Some(segment));
    })
    .join()
    .unwrap();
}
