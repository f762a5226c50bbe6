//! Sizes and alignments: zero, odd, around one page, beyond 4 GiB; out of memory with the state
//! unchanged.

use super::{PageLimit, addr, iterations, mark, paint, painted};
use crate::memory::{self, AllocErrorKind, MAX_ALIGN, MIN_ALIGN, MemoryAllocator, PAGE_SIZE};
use std::string::ToString;
use std::vec;
use std::vec::Vec;

#[test]
fn zero_size_allocations() {
    // Before any chunk exists, too.
    let first = memory::scope(|mem| addr(&mem.allocate(0)));
    assert_ne!(first, 0);
    assert_eq!(first % MIN_ALIGN, 0);
    memory::scope(|mem| {
        mem.allocate(5);
        let before = mark(mem);
        let mut empty = mem.allocate(0);
        assert_eq!(empty.len(), 0);
        assert!(empty.is_empty());
        assert_eq!(addr(&empty), before);
        assert_ne!(addr(&empty), 0);
        assert_eq!(addr(&empty) % MIN_ALIGN, 0);
        assert!(empty.try_get_u8(0).is_err());
        assert!(empty.try_set_u8(0, 1).is_err());
        assert!(empty.try_get_f64(0).is_err());
        assert!(empty.try_copy_from_slice(0, &[1]).is_err());
        empty.copy_from_slice(0, &[]);
        assert_eq!(empty.to_vec(), Vec::<u8>::new());
        assert_eq!(mark(mem), before, "a zero-size allocation takes no room");
        let aligned = mem.allocate_aligned(0, 4096);
        assert_eq!(addr(&aligned) % 4096, 0);
    });
}

#[test]
fn every_address_is_aligned_after_odd_sizes() {
    memory::scope(|mem| {
        let mut previous_end = 0;
        for size in [1, 3, 7, 9, 15, 17, 1, 1, 2] {
            let segment = mem.allocate(size);
            assert_eq!(addr(&segment) % MIN_ALIGN, 0, "after size {size}");
            assert!(addr(&segment) >= previous_end, "allocations overlap");
            previous_end = addr(&segment) + size;
        }
    });
}

#[test]
fn explicit_alignments() {
    memory::scope(|mem| {
        for align in [1, 2, 4, 8, 16, 64, 4096, MAX_ALIGN] {
            mem.allocate(3);
            let segment = mem.try_allocate_aligned(5, align).unwrap();
            assert_eq!(addr(&segment) % align.max(MIN_ALIGN), 0, "align {align}");
            assert_eq!(segment.len(), 5);
        }
        for align in [0, 3, 12, 65535, 2 * MAX_ALIGN, usize::MAX, 1 << 63] {
            let before = mark(mem);
            let error = mem.try_allocate_aligned(5, align).unwrap_err();
            assert_eq!(
                error.kind(),
                AllocErrorKind::InvalidAlignment,
                "align {align}"
            );
            assert_eq!((error.size(), error.align()), (5, align));
            assert_eq!(mark(mem), before);
        }
    });
}

#[test]
#[should_panic(
    expected = "memory scope allocation failed: invalid alignment 3 for an allocation of 5 bytes"
)]
fn allocate_aligned_panics_with_the_reason() {
    memory::scope(|mem| {
        mem.allocate_aligned(5, 3);
    });
}

#[test]
fn alignment_holds_when_the_request_spills_into_a_new_chunk() {
    memory::scope(|mem| {
        // Fill the current chunk up to a few bytes below its end.
        let probe = mem.allocate(8);
        let chunk_end = (addr(&probe) / PAGE_SIZE + 1) * PAGE_SIZE;
        let room = chunk_end - mark(mem);
        mem.allocate(room - 64);
        for align in [16, 4096, MAX_ALIGN] {
            let mut segment = mem.allocate_aligned(100, align);
            assert_eq!(addr(&segment) % align, 0);
            paint(&mut segment, 3);
            assert!(painted(&segment, 3));
        }
    });
}

#[test]
fn sizes_around_one_page() {
    memory::scope(|outer| {
        for size in 65519..=65537 {
            outer.scope(|mem| {
                let small = mem.allocate(1);
                let mut segment = mem.allocate(size);
                assert_eq!(segment.len(), size);
                assert_eq!(addr(&segment) % MIN_ALIGN, 0);
                segment.set_u8(0, 1);
                segment.set_u8(size - 1, 2);
                segment.set_u64(size - 8, u64::MAX);
                let mut after = mem.allocate(8);
                assert!(
                    addr(&after) >= addr(&segment) + size || addr(&after) + 8 <= addr(&segment)
                );
                assert!(addr(&small) < addr(&segment) || addr(&segment) + size <= addr(&small));
                after.set_u64(0, 0);
                assert_eq!(segment.get_u64(size - 8), u64::MAX);
            });
        }
    });
}

#[test]
fn requests_beyond_four_gib_fail_cleanly() {
    memory::scope(|mem| {
        mem.allocate(8);
        let before = (mark(mem), memory::reserved_pages());
        for size in [
            u32::MAX as usize,
            u32::MAX as usize + 1,
            5 << 30,
            usize::MAX / 2,
            usize::MAX - 7,
            usize::MAX,
        ] {
            let error = mem.try_allocate(size).unwrap_err();
            assert_eq!(error.kind(), AllocErrorKind::TooLarge, "size {size}");
            assert_eq!(error.size(), size);
            assert!(mem.try_allocate_aligned(size, 4096).is_err());
            assert_eq!((mark(mem), memory::reserved_pages()), before);
        }
        assert_eq!(mem.allocate(8).len(), 8);
    });
}

#[test]
fn out_of_memory_leaves_the_state_unchanged() {
    memory::scope(|mem| {
        mem.allocate(8);
        let _limit = PageLimit::set(memory::reserved_pages());
        let before = (mark(mem), memory::reserved_pages());
        let error = mem.try_allocate(PAGE_SIZE).unwrap_err();
        assert_eq!(error.kind(), AllocErrorKind::OutOfMemory);
        assert!(
            error.to_string().starts_with("out of linear memory"),
            "{error}"
        );
        assert_eq!((mark(mem), memory::reserved_pages()), before);
        assert!(mem.try_allocate_str(&"x".repeat(PAGE_SIZE)).is_err());
        assert!(mem.try_allocate_bytes(&vec![0; PAGE_SIZE]).is_err());
        // A smaller request that fits the current chunk still succeeds.
        let small = mem.allocate(64);
        assert_eq!(addr(&small), before.0);
    });
}

#[test]
fn a_smaller_chunk_is_tried_when_the_preferred_one_is_refused() {
    memory::scope(|mem| {
        // Grow a few chunks, then fill the last one. (Chunks are now exactly the pages a request
        // needs; this keeps checking that a request fitting the limit exactly succeeds.)
        mem.allocate(PAGE_SIZE);
        mem.allocate(PAGE_SIZE);
        let reserved = memory::reserved_pages();
        let limit = PageLimit::set(reserved);
        while mem.try_allocate(PAGE_SIZE / 4).is_ok() {}
        drop(limit);
        let _limit = PageLimit::set(reserved + 2);
        // 2 pages are enough, and exactly what the page limit still allows.
        let segment = mem.try_allocate(PAGE_SIZE + 1).unwrap();
        assert_eq!(segment.len(), PAGE_SIZE + 1);
        assert_eq!(memory::reserved_pages(), reserved + 2);
        assert!(mem.try_allocate(PAGE_SIZE).is_err());
    });
}

#[test]
fn chunks_kept_from_earlier_scopes_are_reused_or_skipped() {
    memory::scope(|outer| {
        outer.scope(|mem| {
            mem.allocate(PAGE_SIZE / 2);
            mem.allocate(PAGE_SIZE - 100); // a second chunk, kept after the scope
        });
        let reserved = memory::reserved_pages();
        outer.scope(|mem| {
            mem.allocate(PAGE_SIZE / 2);
            mem.allocate(PAGE_SIZE - 100); // reuses it
        });
        assert_eq!(memory::reserved_pages(), reserved);
        outer.scope(|mem| {
            mem.allocate(PAGE_SIZE / 2);
            let mut big = mem.allocate(40 * PAGE_SIZE); // the kept chunk is too small: a new one
            paint(&mut big.slice(..100), 9);
            let mut next = mem.allocate(PAGE_SIZE - 100); // the kept chunk, after the new one
            paint(&mut next, 8);
            assert!(painted(&big.slice(..100), 9));
        });
        let grown = memory::reserved_pages();
        assert!(grown > reserved);
        outer.scope(|mem| {
            mem.allocate(PAGE_SIZE / 2);
            mem.allocate(40 * PAGE_SIZE);
            mem.allocate(PAGE_SIZE - 100);
        });
        assert_eq!(memory::reserved_pages(), grown);
    });
}

#[test]
#[should_panic(
    expected = "memory scope allocation failed: out of linear memory: cannot allocate 131072 bytes"
)]
fn allocate_panics_when_memory_runs_out() {
    let _limit = PageLimit::set(memory::reserved_pages());
    memory::scope(|mem| {
        mem.allocate(2 * PAGE_SIZE);
    });
}

#[test]
fn the_page_limit_cannot_exceed_four_gib() {
    let _limit = PageLimit::set(usize::MAX);
    assert_eq!(memory::page_limit(), 65536);
    memory::set_page_limit(None);
    assert_eq!(memory::page_limit(), 65536);
}

#[test]
fn chunks_grow_geometrically_and_fall_back_to_what_a_request_needs() {
    let _limit = PageLimit::set(5);
    memory::scope(|mem| {
        // Each request needs one page of its own.
        let one_page = PAGE_SIZE - 1024;
        let reserved = |expected: usize| assert_eq!(memory::reserved_pages(), expected);
        let _a = mem.allocate(one_page);
        reserved(1);
        let _b = mem.allocate(one_page);
        reserved(2); // the next chunk is as large as everything reserved so far: 1 page
        let _c = mem.allocate(one_page);
        reserved(4); // 2 pages
        let _d = mem.allocate(one_page); // the second page of that chunk
        reserved(4);
        // 4 more pages would pass the limit of 5: exactly the one page needed is taken.
        let _e = mem.allocate(one_page);
        reserved(5);
        assert!(mem.try_allocate(one_page).is_err());
        reserved(5);
    });
}

/// Loops of scopes of random sizes, nested up to three deep, from seven seeds (each on a
/// fresh thread): every kept chunk that fits is reused, so in all the pages reserved stay
/// within 1.5 times the most pages ever live at once, and within 2 times for every seed.
/// (The seeds are fixed, so the figures are too: 273 pages reserved for 192 live in all, the
/// worst seed 1.63 times; before any kept chunk was reused, 370 for 192 and 2.4 times.)
#[test]
fn kept_chunks_are_reused_in_a_loop_of_random_scopes() {
    /// xorshift64: deterministic, so the figures are the same on every run.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, bound: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % bound as u64) as usize
        }
        fn size(&mut self) -> usize {
            match self.below(10) {
                0..=5 => self.below(512),
                6..=8 => self.below(8 * 1024),
                _ => self.below(8 * PAGE_SIZE),
            }
        }
    }
    /// Opens a scope with random allocations and up to `depth` nested scopes; `live` is the
    /// bytes live around it, the result the most bytes live at once inside it.
    fn run(rng: &mut Rng, mem: &mut MemoryAllocator<'_>, live: usize, depth: usize) -> usize {
        let mut live = live;
        let mut peak = live;
        for _ in 0..rng.below(6) {
            let size = rng.size();
            mem.allocate(size);
            live += size;
            peak = peak.max(live);
            if depth > 0 && rng.below(3) == 0 {
                peak = peak.max(mem.scope(|child| run(rng, child, live, depth - 1)));
            }
        }
        peak
    }
    let mut totals = (0, 0);
    for seed in [1, 2, 3, 12_345, 777_777, 99_999_999, 0x9E37_79B9_7F4A_7C15] {
        let (reserved, peak_pages) = std::thread::spawn(move || {
            let mut rng = Rng(seed);
            let mut peak = 0;
            for _ in 0..iterations(2000) {
                peak = peak.max(memory::scope(|mem| run(&mut rng, mem, 0, 3)));
            }
            (memory::reserved_pages(), peak.div_ceil(PAGE_SIZE))
        })
        .join()
        .unwrap();
        // The figures hold for the full loops; Miri runs a hundredth of each (for what it
        // checks: every access), where the first chunks' growth dominates.
        if cfg!(miri) {
            continue;
        }
        assert!(
            reserved <= 2 * peak_pages,
            "seed {seed}: {reserved} pages reserved for at most {peak_pages} live at once"
        );
        totals = (totals.0 + reserved, totals.1 + peak_pages);
    }
    let (reserved, peak_pages) = totals;
    assert!(
        cfg!(miri) || 2 * reserved <= 3 * peak_pages,
        "{reserved} pages reserved in all for at most {peak_pages} live at once"
    );
}
