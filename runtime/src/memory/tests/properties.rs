//! Property test: random sequences of allocate / enter / exit never yield overlapping live
//! segments, a write through one segment is never visible through another, and every exit
//! restores the mark taken at entry.

use proptest::prelude::*;
use std::vec;
use std::vec::Vec;
use wasm_function::memory::MIN_ALIGN;

use super::{addr, mark, paint, painted};
use crate::memory::{self, MemoryAllocator, MemorySegment, PAGE_SIZE};
use crate::with_memory_allocator;

#[derive(Clone, Debug)]
enum Op {
    /// Allocate `size` bytes, with an explicit alignment if `Some`.
    Allocate { size: usize, align: Option<usize> },
    /// Open a child scope, in one of the three ways.
    Enter(Form),
    /// Close the innermost scope (ignored at the root).
    Exit,
}

#[derive(Clone, Copy, Debug)]
enum Form {
    Closure,
    ChildMacro,
    AmbientMacro,
}

fn op() -> impl Strategy<Value = Op> {
    let size = prop_oneof![
        6 => 0usize..64,
        3 => 64usize..2048,
        1 => (PAGE_SIZE - 64)..(PAGE_SIZE + 64),
        1 => 2 * PAGE_SIZE..3 * PAGE_SIZE,
    ];
    let align = prop_oneof![
        6 => Just(None),
        1 => prop::sample::select(vec![1usize, 16, 64, 4096, 65536]).prop_map(Some),
    ];
    prop_oneof![
        5 => (size, align).prop_map(|(size, align)| Op::Allocate { size, align }),
        2 => prop::sample::select(vec![Form::Closure, Form::ChildMacro, Form::AmbientMacro])
            .prop_map(Op::Enter),
        2 => Just(Op::Exit),
    ]
}

/// The live segments of every open scope, as address ranges, for the overlap check.
struct Model {
    live: Vec<(usize, usize)>,
    next_tag: u8,
}

impl Model {
    fn record(&mut self, segment: &MemorySegment<'_>) {
        let (start, len) = (addr(segment), segment.len());
        assert_ne!(start, 0, "an allocation at address 0");
        for &(other, other_len) in &self.live {
            let disjoint = start + len <= other || other + other_len <= start;
            assert!(
                disjoint || len == 0 || other_len == 0,
                "[{start:#x}, +{len}) overlaps [{other:#x}, +{other_len})"
            );
        }
        self.live.push((start, len));
    }
}

/// Runs `ops` in the scope `mem` until an `Exit` (or the end), then checks and returns.
/// `outer` checks that the segments of every enclosing scope still hold their patterns.
fn run(
    mem: &mut MemoryAllocator<'_>,
    ops: &mut std::slice::Iter<'_, Op>,
    model: &mut Model,
    outer: &dyn Fn() -> bool,
) {
    let live_at_entry = model.live.len();
    let mut mine: Vec<(MemorySegment<'_>, u8)> = Vec::new();
    let check = |mine: &[(MemorySegment<'_>, u8)]| {
        outer() && mine.iter().all(|(segment, tag)| painted(segment, *tag))
    };
    while let Some(op) = ops.next() {
        match op {
            Op::Allocate { size, align } => {
                let mut segment = match align {
                    None => mem.allocate(*size),
                    Some(align) => mem.allocate_aligned(*size, *align),
                };
                assert_eq!(segment.len(), *size);
                assert_eq!(addr(&segment) % align.unwrap_or(8).max(8), 0);
                model.record(&segment);
                let tag = model.next_tag;
                model.next_tag = model.next_tag.wrapping_add(1);
                paint(&mut segment, tag);
                mine.push((segment, tag));
                assert!(check(&mine), "a write showed through another segment");
            }
            Op::Enter(form) => {
                let before = mark(mem);
                let inner_check = || check(&mine);
                match form {
                    Form::Closure => mem.scope(|child| run(child, ops, model, &inner_check)),
                    Form::ChildMacro => with_memory_allocator!(|child| in mem {
                        run(child, ops, model, &inner_check);
                    }),
                    Form::AmbientMacro => with_memory_allocator!(|child| {
                        run(child, ops, model, &inner_check);
                    }),
                }
                // `mark` allocates, so a chunk is current and `before` is an address in it.
                // (The guard keeps a check for `MIN_ALIGN`, the no-chunk mark of earlier
                // versions, which can no longer occur.)
                if before != MIN_ALIGN {
                    assert_eq!(mark(mem), before, "the mark was not restored");
                }
                assert!(check(&mine));
            }
            Op::Exit => break,
        }
    }
    assert!(check(&mine));
    model.live.truncate(live_at_entry);
}

proptest! {
    #![proptest_config(super::proptest_config(256, 3))]

    #[test]
    fn random_scopes_never_overlap(ops in prop::collection::vec(op(), 0..if cfg!(miri) { 24 } else { 120 })) {
        let mut model = Model { live: Vec::new(), next_tag: 0 };
        let mut ops = ops.iter();
        while ops.len() > 0 {
            memory::scope(|root| run(root, &mut ops, &mut model, &|| true));
        }
    }

    #[test]
    fn segment_accessors_agree_with_a_byte_model(
        len in 0usize..64,
        writes in prop::collection::vec((any::<usize>(), 0usize..80, any::<u64>(), 0u8..4), 0..40),
    ) {
        memory::scope(|mem| {
            let mut segment = mem.allocate_zeroed(len);
            let mut model = vec![0u8; len];
            for (big_offset, small_offset, value, width) in writes {
                // Mostly plausible offsets, sometimes huge ones.
                let offset = if big_offset % 4 == 0 { big_offset } else { small_offset };
                let width = 1usize << width;
                let bytes = value.to_le_bytes();
                let fits = offset.checked_add(width).is_some_and(|end| end <= len);
                let result = match width {
                    1 => segment.try_set_u8(offset, value as u8),
                    2 => segment.try_set_u16(offset, value as u16),
                    4 => segment.try_set_u32(offset, value as u32),
                    _ => segment.try_set_u64(offset, value),
                };
                prop_assert_eq!(result.is_ok(), fits);
                if fits {
                    model[offset..offset + width].copy_from_slice(&bytes[..width]);
                    let read = match width {
                        1 => segment.try_get_u8(offset).map(u64::from),
                        2 => segment.try_get_u16(offset).map(u64::from),
                        4 => segment.try_get_u32(offset).map(u64::from),
                        _ => segment.try_get_u64(offset),
                    };
                    let mask = if width == 8 { u64::MAX } else { (1u64 << (8 * width)) - 1 };
                    prop_assert_eq!(read, Ok(value & mask));
                }
                prop_assert_eq!(segment.to_vec(), model.clone());
            }
            Ok(())
        })?;
    }
}
