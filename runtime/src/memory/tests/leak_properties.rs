//! Property test with leaks: random programs that allocate, open and close scopes, and also
//! forget guards, leak guards for `'static` segments, suspend scopes in futures that are
//! forgotten (and perhaps resumed later, out of order), jump the scope-id counter, and end their
//! thread. After every step all live segments are pairwise disjoint and keep their contents;
//! after the thread has exited (its allocator state destroyed), the `'static` segments and the
//! suspended futures' segments still hold what was written (Miri checks that nothing is read
//! after it was freed).

use core::cell::{Cell, RefCell};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::boxed::Box;
use std::rc::Rc;
use std::sync::{Arc, Mutex, Once};
use std::vec;
use std::vec::Vec;

use proptest::prelude::*;

use super::{addr, paint, painted};
use crate::memory::scope::ScopeGuard;
use crate::memory::{self, MemoryAllocator, MemorySegment, state};
use crate::with_memory_allocator;

#[derive(Clone, Debug)]
enum Op {
    /// Allocate `size` bytes from the innermost scope's handle.
    Allocate(usize),
    /// Open a scope: a child through the handle (closure or macro), or an ambient one.
    Enter(Form),
    /// Close the innermost scope (ignored at the root).
    Exit,
    /// `mem::forget(ScopeGuard::enter())`.
    ForgetGuard,
    /// `Box::leak` a guard and allocate a `'static` segment of `size` bytes from its handle.
    LeakStatic(usize),
    /// Suspend a scope holding a segment of `size` bytes in a future, and keep the future
    /// without dropping it.
    SuspendFuture(usize),
    /// Resume the oldest suspended future: it checks its segment and closes its scope.
    ResumeFuture,
    /// Leak scopes until this many are open or leaked (`State::leak_scopes_to`): what
    /// forgetting that many guards does, without the loop.
    LeakMany(u32),
}

#[derive(Clone, Copy, Debug)]
enum Form {
    Closure,
    ChildMacro,
    AmbientMacro,
}

fn op() -> impl Strategy<Value = Op> {
    let size = prop_oneof![4 => 0usize..64, 1 => 64usize..4096, 1 => 60_000usize..70_000];
    prop_oneof![
        6 => size.clone().prop_map(Op::Allocate),
        3 => prop::sample::select(vec![Form::Closure, Form::ChildMacro, Form::AmbientMacro])
            .prop_map(Op::Enter),
        3 => Just(Op::Exit),
        1 => Just(Op::ForgetGuard),
        1 => size.clone().prop_map(Op::LeakStatic),
        1 => size.prop_map(Op::SuspendFuture),
        1 => Just(Op::ResumeFuture),
        1 => prop::sample::select(vec![1u32 << 16, 1 << 31, u32::MAX - 4096]).prop_map(Op::LeakMany),
    ]
}

type Suspended = Pin<Box<dyn Future<Output = bool>>>;

/// What the program has made that must stay intact: the segments of every open scope (as
/// ranges, with the scope's nesting level), the `'static` ones, and the suspended futures'.
#[derive(Default)]
struct Model {
    /// `(start, len, owner)`: `owner` is the level of the open scope, or `None` for memory
    /// that stays live to the end (a `'static` segment, a suspended future's).
    live: Vec<(usize, usize, Option<usize>)>,
    statics: Vec<(MemorySegment<'static>, u8)>,
    /// Each suspended future, with the index of its segment's range in `live`.
    futures: Vec<(Suspended, usize)>,
    /// One flag per open scope: whether a scope that never closed (or not yet) was opened
    /// while it was open, which allows its handle to be refused.
    poisoned: Vec<bool>,
    next_tag: u8,
}

impl Model {
    fn tag(&mut self) -> u8 {
        self.next_tag = self.next_tag.wrapping_add(1);
        self.next_tag
    }

    fn record(&mut self, start: usize, len: usize, owner: Option<usize>) {
        assert_ne!(start, 0, "an allocation at address 0");
        for &(other, other_len, _) in &self.live {
            let disjoint = start + len <= other || other + other_len <= start;
            assert!(
                disjoint || len == 0 || other_len == 0,
                "[{start:#x}, +{len}) overlaps [{other:#x}, +{other_len})"
            );
        }
        self.live.push((start, len, owner));
    }

    /// A scope that does not close now was opened: every open scope may be refused from now on.
    fn leak(&mut self) {
        self.poisoned.iter_mut().for_each(|flag| *flag = true);
    }

    fn statics_intact(&self) -> bool {
        self.statics
            .iter()
            .all(|(segment, tag)| painted(segment, *tag))
    }
}

/// Pending once, then ready.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if core::mem::replace(&mut self.0, true) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

fn poll(future: &mut Suspended) -> Poll<bool> {
    future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
}

/// Runs `ops` in the scope `mem` (at nesting `level`) until an `Exit` or the end.
fn run(
    mem: &mut MemoryAllocator<'_>,
    level: usize,
    ops: &mut std::slice::Iter<'_, Op>,
    model: &mut Model,
    outer: &dyn Fn() -> bool,
) {
    model.poisoned.push(false);
    let mut mine: Vec<(MemorySegment<'_>, u8)> = Vec::new();
    let check = |mine: &[(MemorySegment<'_>, u8)]| {
        outer() && mine.iter().all(|(segment, tag)| painted(segment, *tag))
    };
    // A handle may only be refused after a leak inside its scope; then it must be refused.
    let usable = |mem: &MemoryAllocator<'_>, model: &Model| {
        let usable = mem.is_current();
        assert!(
            usable || model.poisoned[level],
            "a handle was refused without a leak"
        );
        if !usable {
            assert!(
                quietly(|| {
                    mem.allocate(1);
                }),
                "a refused handle allocated"
            );
        }
        usable
    };
    while let Some(op) = ops.next() {
        match op {
            Op::Allocate(size) => {
                if usable(mem, model) {
                    let mut segment = mem.allocate(*size);
                    model.record(addr(&segment), *size, Some(level));
                    let tag = model.tag();
                    paint(&mut segment, tag);
                    mine.push((segment, tag));
                }
            }
            Op::Enter(Form::AmbientMacro) => {
                let inner = || check(&mine);
                with_memory_allocator!(|child| { run(child, level + 1, ops, model, &inner) });
            }
            Op::Enter(form) => {
                if usable(mem, model) {
                    let inner = || check(&mine);
                    if let Form::Closure = form {
                        mem.scope(|child| run(child, level + 1, ops, model, &inner));
                    } else {
                        with_memory_allocator!(|child| in mem {
                            run(child, level + 1, ops, model, &inner);
                        });
                    }
                }
            }
            Op::Exit => break,
            Op::ForgetGuard => {
                core::mem::forget(ScopeGuard::enter());
                model.leak();
            }
            Op::LeakStatic(size) => {
                let guard: &'static mut ScopeGuard<'static> =
                    Box::leak(Box::new(ScopeGuard::enter()));
                let handle: &'static MemoryAllocator<'static> = Box::leak(Box::new(guard.handle()));
                let mut segment = handle.allocate(*size);
                model.record(addr(&segment), *size, None);
                let tag = model.tag();
                paint(&mut segment, tag);
                model.statics.push((segment, tag));
                model.leak();
            }
            Op::SuspendFuture(size) => {
                let (size, tag) = (*size, model.tag());
                let start = Rc::new(Cell::new(0));
                let report = Rc::clone(&start);
                let mut future: Suspended = Box::pin(async move {
                    with_memory_allocator!(|mem| {
                        let mut segment = mem.allocate(size);
                        paint(&mut segment, tag);
                        report.set(addr(&segment));
                        YieldOnce(false).await;
                        painted(&segment, tag)
                    })
                });
                assert!(poll(&mut future).is_pending());
                model.record(start.get(), size, None);
                model.futures.push((future, model.live.len() - 1));
                model.leak();
            }
            Op::ResumeFuture => {
                if !model.futures.is_empty() {
                    let (mut future, at) = model.futures.remove(0);
                    assert_eq!(
                        poll(&mut future),
                        Poll::Ready(true),
                        "a suspended segment changed"
                    );
                    // Its range stays in the model, emptied, so other indices stay valid.
                    model.live[at].1 = 0;
                }
            }
            Op::LeakMany(depth) => {
                state::with(|state| state.leak_scopes_to(*depth));
                model.leak();
            }
        }
        assert!(check(&mine), "a write showed through another segment");
        assert!(model.statics_intact(), "a 'static segment changed");
    }
    assert!(check(&mine));
    // The scope's own segments die with it; memory that lives on stays in the model.
    // (Deeper scopes have emptied theirs already; shallower ones own lower levels.) Emptied,
    // not removed, so that the futures' indices into `live` stay valid.
    for range in &mut model.live {
        if range.2 == Some(level) {
            range.1 = 0;
        }
    }
    model.poisoned.pop();
}

std::thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Whether `f` panics, without printing the expected panic's message.
fn quietly(f: impl FnOnce()) -> bool {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                default(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_err();
    QUIET.with(|quiet| quiet.set(false));
    panicked
}

/// Checks, in a thread-local destructor that runs after the allocator state's own, that what
/// lives on is intact: the `'static` segments, and the futures' segments (resumed there).
struct AtExit {
    statics: Vec<(MemorySegment<'static>, u8)>,
    futures: Vec<(Suspended, usize)>,
    report: Arc<Mutex<Option<bool>>>,
}

impl Drop for AtExit {
    fn drop(&mut self) {
        let statics = self
            .statics
            .iter()
            .all(|(segment, tag)| painted(segment, *tag));
        let futures = self
            .futures
            .iter_mut()
            .all(|(future, _)| poll(future) == Poll::Ready(true));
        *self.report.lock().unwrap() = Some(statics && futures);
    }
}

std::thread_local! {
    static AT_EXIT: RefCell<Option<AtExit>> = const { RefCell::new(None) };
}

proptest! {
    #![proptest_config(super::proptest_config(192, 4))]

    #[test]
    fn leaks_never_make_segments_overlap_or_dangle(
        ops in prop::collection::vec(op(), 0..if cfg!(miri) { 30 } else { 100 }),
    ) {
        let report = Arc::new(Mutex::new(None));
        let at_exit = Arc::clone(&report);
        std::thread::spawn(move || {
            // Destructors run in reverse order of first use (on Linux): touch `AT_EXIT` first,
            // so that the allocator state is destroyed before it runs.
            AT_EXIT.with(|_| ());
            let mut model = Model::default();
            let mut ops = ops.iter();
            while ops.len() > 0 {
                memory::scope(|root| run(root, 0, &mut ops, &mut model, &|| true));
            }
            let Model { statics, futures, .. } = model;
            AT_EXIT.with(|slot| {
                *slot.borrow_mut() = Some(AtExit { statics, futures, report: at_exit });
            });
        })
        .join()
        .unwrap();
        prop_assert_eq!(*report.lock().unwrap(), Some(true));
    }
}
