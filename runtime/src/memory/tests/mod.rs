//! Host tests of the scoped allocator (they also run under Miri): the checklist of
//! `allocator_anchors.md` §4.6, and the leak and overflow cases of the scope-id design.

mod exploits;
mod leak_properties;
mod leaks;
mod nesting;
mod properties;
mod segments;
mod sizes;

use super::{MemoryAllocator, MemorySegment};

/// Where the next allocation of this scope starts: the bump pointer.
fn mark(mem: &MemoryAllocator<'_>) -> usize {
    mem.allocate(0).as_ptr().addr()
}

fn addr(segment: &MemorySegment<'_>) -> usize {
    segment.as_ptr().addr()
}

/// The offsets a pattern covers: every byte of small segments; the first and last 64 bytes and
/// every 251st byte of large ones (that keeps the tests fast, under Miri too).
fn sample(len: usize) -> impl Iterator<Item = usize> {
    let edge = 64.min(len);
    (0..edge)
        .chain((edge..len.saturating_sub(edge)).step_by(251))
        .chain(len.saturating_sub(edge).max(edge)..len)
}

/// Writes a pattern derived from `tag` into `segment`, to be checked with [`painted`].
fn paint(segment: &mut MemorySegment<'_>, tag: u8) {
    for offset in sample(segment.len()) {
        segment.set_u8(offset, tag ^ (offset as u8));
    }
}

fn painted(segment: &MemorySegment<'_>, tag: u8) -> bool {
    sample(segment.len()).all(|offset| segment.get_u8(offset) == tag ^ (offset as u8))
}

/// Restores the thread's page limit when dropped, even when the test panics.
struct PageLimit;

impl PageLimit {
    fn set(pages: usize) -> Self {
        super::set_page_limit(Some(pages));
        Self
    }
}

impl Drop for PageLimit {
    fn drop(&mut self) {
        super::set_page_limit(None);
    }
}

/// How many iterations a loop test makes: fewer under Miri, which is slow.
const fn iterations(native: usize) -> usize {
    if cfg!(miri) { native / 100 } else { native }
}

/// The property tests' configuration: `native` cases, `miri` under Miri (which is slow), and no
/// failure files written into the source tree.
fn proptest_config(native: u32, miri: u32) -> proptest::prelude::ProptestConfig {
    proptest::prelude::ProptestConfig {
        cases: if cfg!(miri) { miri } else { native },
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    }
}
