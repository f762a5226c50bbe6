//! Opening and closing scopes: marks, reuse, nesting, the block semantics of the macro, and the
//! runtime check of ambient nesting.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::vec::Vec;

use super::{PageLimit, addr, iterations, mark, paint, painted};
use crate::memory::{self, PAGE_SIZE, scope::ScopeGuard};
use crate::with_memory_allocator;

#[test]
fn outer_segments_stay_usable_inside_inner_scopes() {
    memory::scope(|outer| {
        let mut kept = outer.allocate(16);
        paint(&mut kept, 0xA5);
        outer.scope(|inner| {
            let mut scratch = inner.allocate(64);
            paint(&mut scratch, 0x5A);
            assert!(painted(&kept, 0xA5));
            kept.set_u64(8, 7);
        });
        assert_eq!(kept.get_u64(8), 7);
    });
}

#[test]
fn closing_a_scope_restores_its_mark() {
    memory::scope(|outer| {
        outer.allocate(24);
        let before = mark(outer);
        outer.scope(|inner| {
            for size in [1, 100, 3000, PAGE_SIZE] {
                inner.allocate(size);
            }
        });
        assert_eq!(addr(&outer.allocate(8)), before);
    });
}

#[test]
fn sibling_scopes_reuse_the_same_addresses() {
    memory::scope(|outer| {
        let first = outer.scope(|a| (addr(&a.allocate(40)), addr(&a.allocate(40))));
        let second = outer.scope(|b| (addr(&b.allocate(40)), addr(&b.allocate(40))));
        let third =
            with_memory_allocator!(|c| in outer { (addr(&c.allocate(40)), addr(&c.allocate(40))) });
        assert_eq!(first, second);
        assert_eq!(first, third);
    });
}

#[test]
fn nesting_four_deep_in_every_form() {
    with_memory_allocator!(|one| {
        let mut a = one.allocate(8);
        a.set_u64(0, 1);
        let mark_one = mark(one);
        one.scope(|two| {
            let mut b = two.allocate(8);
            b.set_u64(0, 2);
            let mark_two = mark(two);
            with_memory_allocator!(|three| in two {
                let mut c = three.allocate(8);
                c.set_u64(0, 3);
                let mark_three = mark(three);
                with_memory_allocator!(|four| {
                    let mut d = four.allocate(8);
                    d.set_u64(0, 4);
                    assert_eq!(a.get_u64(0) + b.get_u64(0) + c.get_u64(0) + d.get_u64(0), 10);
                });
                assert_eq!(mark(three), mark_three);
            });
            assert_eq!(mark(two), mark_two);
        });
        assert_eq!(mark(one), mark_one);
        assert_eq!(a.get_u64(0), 1);
    });
}

#[test]
fn a_loop_of_scopes_crossing_chunks_does_not_grow_memory() {
    memory::scope(|outer| {
        // Leave a little room in the current chunk so that every iteration spills into the
        // next one.
        outer.allocate(100);
        outer.scope(|inner| {
            inner.allocate(PAGE_SIZE / 2);
        });
        let iteration = |outer: &mut crate::memory::MemoryAllocator<'_>| {
            outer.scope(|inner| {
                inner.allocate(PAGE_SIZE / 2);
                inner.allocate(PAGE_SIZE / 2); // into the next chunk
                inner.allocate(16);
            });
        };
        let before = memory::reserved_pages();
        iteration(outer);
        let after_first = memory::reserved_pages();
        assert!(
            after_first > before,
            "the first iteration crosses into a new chunk"
        );
        for _ in 1..iterations(100_000) {
            iteration(outer);
        }
        assert_eq!(memory::reserved_pages(), after_first);
    });
}

#[test]
fn scopes_enter_and_exit_without_reserving_anything() {
    memory::scope(|mem| {
        mem.allocate(8);
    });
    let reserved = memory::reserved_pages();
    for _ in 0..iterations(10_000) {
        with_memory_allocator!(|mem| {
            mem.allocate(8);
        });
    }
    assert_eq!(memory::reserved_pages(), reserved);
}

#[test]
fn the_block_is_not_a_closure() {
    fn question_mark(fail: bool) -> Result<usize, &'static str> {
        let value = with_memory_allocator!(|mem| {
            let segment = mem.allocate(8);
            if fail {
                Err("early")?;
            }
            segment.len()
        });
        Ok(value)
    }
    fn early_return(stop: bool) -> u32 {
        with_memory_allocator!(|mem| {
            let mut segment = mem.allocate(4);
            segment.set_u32(0, 7);
            if stop {
                return segment.get_u32(0);
            }
        });
        0
    }
    memory::scope(|outer| {
        // A chunk is current, so that the mark is a chunk address (a scope that opened before
        // the first chunk closes at the start of the first chunk, not at `NO_CHUNK`).
        outer.allocate(8);
        let before = mark(outer);
        assert_eq!(question_mark(true), Err("early"));
        assert_eq!(question_mark(false), Ok(8));
        assert_eq!(early_return(true), 7);
        assert_eq!(early_return(false), 0);
        let mut visited = 0;
        'outer: for round in 0..10 {
            with_memory_allocator!(|mem| {
                mem.allocate(32);
                if round % 2 == 0 {
                    continue;
                }
                if round == 7 {
                    break 'outer;
                }
                visited += 1;
            });
        }
        assert_eq!(visited, 3);
        assert_eq!(mark(outer), before);
    });
}

/// A body that diverges draws no `unreachable_code` warning from the code after it in the
/// expansion (the close), and its scope still closes on the way out.
#[test]
#[deny(unreachable_code)]
fn a_diverging_body_draws_no_warning() {
    fn diverges(value: u32) -> u32 {
        with_memory_allocator!(|mem| {
            let mut segment = mem.allocate(4);
            segment.set_u32(0, value);
            return segment.get_u32(0);
        })
    }
    fn loops_out() -> u32 {
        let mut rounds = 0;
        loop {
            with_memory_allocator!(|mem| {
                mem.allocate(16);
                rounds += 1;
                if rounds == 3 {
                    break;
                }
                continue;
            })
        }
        rounds
    }
    memory::scope(|outer| {
        outer.allocate(8);
        let before = mark(outer);
        assert_eq!(diverges(5), 5);
        assert_eq!(loops_out(), 3);
        assert_eq!(mark(outer), before);
    });
}

#[test]
fn the_block_has_a_value_and_accepts_an_underscore() {
    let first = with_memory_allocator!(|mem| { mem.allocate_str("hi").get_u8(0) });
    assert_eq!(first, b'h');
    let unit: () = with_memory_allocator!(|_| {});
    assert_eq!(unit, ());
}

#[test]
fn a_panic_inside_a_scope_restores_the_mark() {
    memory::scope(|outer| {
        let mut kept = outer.allocate(8);
        kept.set_u64(0, u64::MAX);
        let before = mark(outer);
        let result = catch_unwind(AssertUnwindSafe(|| {
            with_memory_allocator!(|inner| {
                inner.allocate(1000);
                panic!("inside the scope");
            })
        }));
        assert!(result.is_err());
        let result = catch_unwind(AssertUnwindSafe(|| {
            outer.scope(|inner| {
                inner.allocate(PAGE_SIZE * 2);
                panic!("inside the child");
            })
        }));
        assert!(result.is_err());
        assert_eq!(mark(outer), before);
        assert_eq!(kept.get_u64(0), u64::MAX);
    });
}

#[test]
#[should_panic(expected = "used while a scope opened after it is still open")]
fn an_outer_handle_panics_while_an_ambient_inner_scope_is_open() {
    with_memory_allocator!(|outer| {
        with_memory_allocator!(|inner| {
            let _inner = inner.allocate(8);
            let _outer = outer.allocate(8);
        });
    });
}

#[test]
#[should_panic(expected = "used while a scope opened after it is still open")]
fn an_outer_handle_cannot_open_a_child_while_an_ambient_inner_scope_is_open() {
    memory::scope(|outer| {
        memory::scope(|_inner| {
            outer.scope(|_child| {});
        });
    });
}

#[test]
#[should_panic(expected = "used while a scope opened after it is still open")]
fn try_allocate_panics_on_misuse_too() {
    memory::scope(|outer| {
        memory::scope(|_inner| {
            let _ = outer.try_allocate(8);
        });
    });
}

#[test]
fn an_outer_handle_works_again_once_the_ambient_inner_scope_closes() {
    with_memory_allocator!(|outer| {
        outer.allocate(8);
        let before = mark(outer);
        with_memory_allocator!(|inner| {
            inner.allocate(8);
        });
        assert_eq!(addr(&outer.allocate(8)), before);
    });
}

#[test]
fn threads_do_not_interfere() {
    let threads: Vec<_> = (0..4u8)
        .map(|id| {
            std::thread::spawn(move || {
                let mut ranges = Vec::new();
                for round in 0..iterations(200) as u8 {
                    memory::scope(|mem| {
                        let mut segment = mem.allocate(100 + usize::from(id) * 8);
                        paint(&mut segment, id.wrapping_mul(31) ^ round);
                        mem.scope(|inner| {
                            let mut other = inner.allocate(300);
                            paint(&mut other, !id);
                            std::thread::yield_now();
                            assert!(painted(&other, !id));
                        });
                        std::thread::yield_now();
                        assert!(painted(&segment, id.wrapping_mul(31) ^ round));
                        ranges.push((addr(&segment), segment.len()));
                    });
                }
                ranges
            })
        })
        .collect();
    let ranges: Vec<Vec<(usize, usize)>> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    // Each thread reused one address; no two threads ever shared memory.
    for (i, mine) in ranges.iter().enumerate() {
        assert!(mine.windows(2).all(|pair| pair[0] == pair[1]));
        for theirs in &ranges[i + 1..] {
            let (a, a_len) = mine[0];
            let (b, b_len) = theirs[0];
            assert!(a + a_len <= b || b + b_len <= a, "threads share memory");
        }
    }
}

#[test]
fn the_page_limit_is_per_thread() {
    let _limit = PageLimit::set(0);
    let other = std::thread::spawn(memory::page_limit).join().unwrap();
    assert_eq!(other, 65536);
    assert_eq!(memory::page_limit(), 0);
}

#[test]
fn the_hidden_slot_api_follows_the_same_rules() {
    let mut slot = ScopeGuard::enter();
    let handle = slot.handle();
    let mut segment = handle.allocate(8);
    segment.set_u8(0, 1);
    let before = segment.as_ptr().addr();
    drop(handle);
    drop(slot);
    memory::scope(|mem| assert_eq!(addr(&mem.allocate(8)), before));
}

#[test]
fn a_child_may_return_its_parents_segments() {
    memory::scope(|outer| {
        let mut kept = outer.allocate_str("outer");
        let kept_addr = addr(&kept);
        let same = outer.scope(|inner| {
            inner.allocate(8);
            kept.slice(1..)
        });
        assert_eq!(same.to_vec(), b"uter");
        let same = with_memory_allocator!(|inner| in outer {
            inner.allocate(8);
            kept
        });
        assert_eq!(addr(&same), kept_addr);
    });
}

#[test]
fn many_small_allocations_pack_densely() {
    memory::scope(|mem| {
        mem.allocate(8);
    });
    let reserved = memory::reserved_pages();
    memory::scope(|mem| {
        let mut previous = mem.allocate(8);
        for _ in 0..iterations(10_000) {
            let next = mem.allocate(8);
            // Consecutive, except where a new chunk starts.
            assert!(addr(&next) == addr(&previous) + 8 || addr(&next) % PAGE_SIZE == 0);
            previous = next;
        }
    });
    // 80 KB: the first page and one more chunk of two.
    assert!(memory::reserved_pages() <= reserved.max(1) + 2);
}

#[test]
fn a_child_may_shadow_its_parents_name() {
    with_memory_allocator!(|mem| {
        let mut outer = mem.allocate(8);
        outer.set_u64(0, 5);
        let sum = with_memory_allocator!(|mem| in mem {
            let mut inner = mem.allocate(8);
            inner.set_u64(0, 6);
            inner.get_u64(0) + outer.get_u64(0)
        });
        assert_eq!(sum, 11);
        mem.allocate(8); // the parent is usable again
    });
}
