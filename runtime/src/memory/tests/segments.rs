//! `MemorySegment`: bounds at every width, overflowing offsets, encodings bit for bit, copies,
//! sub-segments, splits and byte views.

use super::{addr, paint, painted};
use crate::memory::{self, MemorySegment, OutOfBounds};
use std::format;

/// Runs `check` on `len - width` (must succeed) and `len - width + 1` (must fail) for the
/// getter and setter of one width.
macro_rules! edges {
    ($segment:expr, $t:ty, $try_get:ident, $try_set:ident, $value:expr) => {{
        let segment: &mut MemorySegment<'_> = $segment;
        let width = size_of::<$t>();
        let last = segment.len() - width;
        segment.$try_set(last, $value).unwrap();
        assert_eq!(segment.$try_get(last), Ok($value));
        let error = segment.$try_get(last + 1).unwrap_err();
        assert_eq!(error, OutOfBounds::new(last + 1, width, segment.len()));
        assert_eq!(segment.$try_set(last + 1, $value), Err(error));
        for offset in [
            segment.len(),
            segment.len() + 1,
            usize::MAX - width + 1,
            usize::MAX,
        ] {
            assert!(segment.$try_get(offset).is_err(), "offset {offset}");
            assert!(segment.$try_set(offset, $value).is_err(), "offset {offset}");
        }
    }};
}

#[test]
fn bounds_at_len_minus_width_for_every_width() {
    memory::scope(|mem| {
        for len in [8, 9, 13, 16, 31] {
            let mut segment = mem.allocate(len);
            edges!(&mut segment, u8, try_get_u8, try_set_u8, 0xFE);
            edges!(&mut segment, i8, try_get_i8, try_set_i8, -2);
            edges!(&mut segment, u16, try_get_u16, try_set_u16, 0xBEEF);
            edges!(&mut segment, i16, try_get_i16, try_set_i16, i16::MIN);
            edges!(&mut segment, u32, try_get_u32, try_set_u32, 0xDEAD_BEEF);
            edges!(&mut segment, i32, try_get_i32, try_set_i32, i32::MIN);
            edges!(&mut segment, u64, try_get_u64, try_set_u64, u64::MAX - 1);
            edges!(&mut segment, i64, try_get_i64, try_set_i64, i64::MIN);
            edges!(&mut segment, f32, try_get_f32, try_set_f32, 1.5);
            edges!(&mut segment, f64, try_get_f64, try_set_f64, -2.25);
        }
    });
}

#[test]
fn a_failed_write_writes_nothing() {
    memory::scope(|mem| {
        let mut segment = mem.allocate_zeroed(8);
        assert!(segment.try_set_u64(1, u64::MAX).is_err());
        assert!(segment.try_copy_from_slice(4, &[1; 5]).is_err());
        assert_eq!(segment.get_u64(0), 0);
    });
}

#[test]
fn widths_too_large_for_a_small_segment_fail() {
    memory::scope(|mem| {
        let segment = mem.allocate(3);
        assert!(segment.try_get_u32(0).is_err());
        assert!(segment.try_get_u64(0).is_err());
        assert!(segment.try_get_u16(1).is_ok());
        assert!(segment.try_get_u16(2).is_err());
    });
}

#[test]
#[should_panic(
    expected = "memory segment access out of bounds: 4 bytes at offset 5 of a segment of 8 bytes"
)]
fn the_panicking_getter_names_the_access() {
    memory::scope(|mem| {
        mem.allocate(8).get_u32(5);
    });
}

#[test]
#[should_panic(
    expected = "memory segment access out of bounds: 8 bytes at offset 18446744073709551615"
)]
fn the_panicking_setter_does_not_overflow() {
    memory::scope(|mem| {
        mem.allocate(8).set_u64(usize::MAX, 0);
    });
}

#[test]
fn little_endian_encoding() {
    memory::scope(|mem| {
        let mut segment = mem.allocate(16);
        segment.set_i32(0, 0x0102_0304);
        assert_eq!(
            [0, 1, 2, 3].map(|offset| segment.get_u8(offset)),
            [4, 3, 2, 1]
        );
        segment.set_u16(4, 0xA1B2);
        assert_eq!((segment.get_u8(4), segment.get_u8(5)), (0xB2, 0xA1));
        segment.set_i64(8, i64::MIN);
        assert_eq!(segment.get_u64(8), 1 << 63);
        assert_eq!(segment.get_u8(15), 0x80);
        assert_eq!(segment.get_i64(8), i64::MIN);
        segment.set_i8(0, -1);
        assert_eq!(segment.get_u8(0), 0xFF);
        segment.set_i16(0, -2);
        assert_eq!(segment.get_u16(0), 0xFFFE);
    });
}

#[test]
fn floats_round_trip_bit_for_bit_at_unaligned_offsets() {
    let f32s = [
        -0.0f32,
        0.0,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::from_bits(0x7FC0_0001), // quiet NaN with a payload
        f32::from_bits(0xFFC1_2345), // negative quiet NaN with a payload
        f32::MIN_POSITIVE,
        f32::from_bits(1), // smallest subnormal
    ];
    let f64s = [
        -0.0f64,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::from_bits(0x7FF8_0000_0000_0001),
        f64::from_bits(0xFFF8_DEAD_BEEF_0001),
        f64::from_bits(1),
        f64::MAX,
    ];
    memory::scope(|mem| {
        let mut segment = mem.allocate(24);
        for offset in [0, 1, 3, 5, 7] {
            for value in f32s {
                segment.set_f32(offset, value);
                assert_eq!(segment.get_f32(offset).to_bits(), value.to_bits());
                assert_eq!(segment.get_u32(offset), value.to_bits());
            }
            for value in f64s {
                segment.set_f64(offset, value);
                assert_eq!(segment.get_f64(offset).to_bits(), value.to_bits());
                assert_eq!(segment.get_u64(offset), value.to_bits());
            }
            segment.set_u32(offset, 0x8000_0000);
            assert_eq!(segment.get_f32(offset).to_bits(), (-0.0f32).to_bits());
        }
    });
}

#[test]
fn integers_at_unaligned_offsets() {
    memory::scope(|mem| {
        let mut segment = mem.allocate(32);
        for offset in [1, 3, 5, 7, 9, 23] {
            segment.set_u64(offset, 0x0123_4567_89AB_CDEF);
            assert_eq!(segment.get_u64(offset), 0x0123_4567_89AB_CDEF);
            assert_eq!(segment.get_u8(offset), 0xEF);
            segment.set_u32(offset, 0xCAFE_F00D);
            assert_eq!(segment.get_u32(offset), 0xCAFE_F00D);
            segment.set_i16(offset, -12345);
            assert_eq!(segment.get_i16(offset), -12345);
        }
    });
}

#[test]
fn copies_to_and_from_slices() {
    memory::scope(|mem| {
        let mut segment = mem.allocate(10);
        segment.fill(0);
        segment.copy_from_slice(2, b"abc");
        let mut out = [0u8; 5];
        segment.copy_to_slice(1, &mut out);
        assert_eq!(&out, b"\0abc\0");
        assert_eq!(segment.to_vec(), b"\0\0abc\0\0\0\0\0");
        segment.copy_from_slice(10, &[]);
        assert!(segment.try_copy_from_slice(8, b"abc").is_err());
        assert!(segment.try_copy_from_slice(usize::MAX, b"a").is_err());
        assert!(segment.try_copy_to_slice(6, &mut [0; 5]).is_err());
        assert!(segment.try_copy_to_slice(usize::MAX, &mut [0; 1]).is_err());
        assert_eq!(
            out, *b"\0abc\0",
            "a failed copy leaves the destination alone"
        );
    });
}

#[test]
fn allocate_bytes_str_and_zeroed() {
    memory::scope(|mem| {
        let bytes = mem.allocate_bytes(&[1, 2, 3]);
        assert_eq!(bytes.to_vec(), [1, 2, 3]);
        let text = mem.allocate_str("héllo");
        assert_eq!(text.len(), 6);
        assert_eq!(text.to_vec(), "héllo".as_bytes());
        assert_eq!(mem.allocate_bytes(&[]).len(), 0);
    });
    // Reused memory is dirty; allocate_zeroed is not.
    let dirty = memory::scope(|mem| {
        let mut segment = mem.allocate(64);
        segment.fill(0xAB);
        addr(&segment)
    });
    memory::scope(|mem| {
        let segment = mem.allocate_zeroed(64);
        assert_eq!(addr(&segment), dirty);
        assert!(segment.to_vec().iter().all(|&byte| byte == 0));
    });
}

#[test]
fn sub_segments() {
    memory::scope(|mem| {
        let mut segment = mem.allocate(16);
        paint(&mut segment, 0x11);
        let start = addr(&segment);
        let fourth = segment.get_u8(4);
        let mut middle = segment.slice(4..12);
        assert_eq!(middle.len(), 8);
        assert_eq!(addr(&middle), start + 4);
        assert_eq!(middle.get_u8(0), fourth);
        middle.set_u8(7, 0);
        assert!(middle.try_get_u8(8).is_err());
        let mut inner = middle.slice(2..6);
        let nested = inner.slice(1..=2);
        assert_eq!(addr(&nested), start + 7);
        assert_eq!(nested.len(), 2);
        // The parent is usable again once its sub-segments are done, and sees their writes.
        assert_eq!(segment.get_u8(11), 0);

        assert_eq!(segment.slice(..).len(), 16);
        assert_eq!(segment.slice(16..).len(), 0);
        assert_eq!(segment.slice(..=15).len(), 16);
        assert_eq!(segment.slice(3..3).len(), 0);
        assert!(segment.slice(16..16).is_empty());
        assert!(segment.try_slice(..17).is_err());
        assert!(segment.try_slice(..=16).is_err());
        assert!(segment.try_slice(17..).is_err());
        #[allow(clippy::reversed_empty_ranges)] // a reversed range is exactly what is tested
        let reversed = 5..4;
        assert!(segment.try_slice(reversed).is_err());
        assert!(segment.try_slice(..=usize::MAX).is_err());
        assert!(segment.try_slice(usize::MAX..).is_err());
        assert!(
            segment
                .try_slice((
                    core::ops::Bound::Excluded(usize::MAX),
                    core::ops::Bound::Unbounded
                ))
                .is_err()
        );
    });
}

#[test]
fn offsets_past_the_end_are_errors_not_wraps() {
    // The seed's hole: a negative offset whose sum with the width was in range. Offsets are
    // `usize` now; anything past `len` fails, however the sum wraps.
    memory::scope(|mem| {
        let segment = mem.allocate(8);
        assert!(segment.try_get_u8(8).is_err());
        assert!(segment.try_get_u8(9).is_err());
        assert!(segment.try_get_u64(usize::MAX - 3).is_err());
        assert!(segment.try_get_u64(usize::MAX - 7).is_err());
        assert!(segment.try_get_u16(usize::MAX).is_err());
    });
}

#[test]
fn debug_output_shows_address_and_length_only() {
    memory::scope(|mem| {
        let segment = mem.allocate(3);
        let text = format!("{segment:?}");
        assert!(text.starts_with("MemorySegment { ptr: "), "{text}");
        assert!(text.ends_with("len: 3 }"), "{text}");
        assert!(format!("{mem:?}").starts_with("MemoryAllocator"));
    });
}

#[test]
fn painted_segments_keep_their_pattern() {
    memory::scope(|mem| {
        let mut a = mem.allocate(33);
        let mut b = mem.allocate(7);
        paint(&mut a, 1);
        paint(&mut b, 2);
        assert!(painted(&a, 1) && painted(&b, 2));
    });
}

#[test]
fn split_at_gives_two_disjoint_parts_at_once() {
    memory::scope(|mem| {
        let mut segment = mem.allocate_zeroed(12);
        let start = addr(&segment);
        let (mut head, mut tail) = segment.split_at(5);
        assert_eq!((head.len(), tail.len()), (5, 7));
        assert_eq!((addr(&head), addr(&tail)), (start, start + 5));
        head.fill(0xAA);
        tail.set_u32(0, 0x0403_0201);
        assert!(head.try_get_u8(5).is_err(), "a part ends at the split");
        assert!(tail.try_get_u8(7).is_err());
        assert_eq!(head.get_u8(4), 0xAA);
        assert_eq!(tail.get_u8(0), 1);
        // The parent sees both parts' writes once they are done.
        assert_eq!(
            segment.as_bytes(),
            [0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 1, 2, 3, 4, 0, 0, 0]
        );
        let (empty, all) = segment.split_at(0);
        assert!(empty.is_empty());
        assert_eq!((addr(&empty), all.len()), (start, 12));
        let (all, empty) = segment.split_at(12);
        assert_eq!(all.len(), 12);
        assert!(empty.is_empty());
        assert_eq!(addr(&empty), start + 12);
    });
}

#[test]
#[should_panic(
    expected = "memory segment access out of bounds: 0 bytes at offset 9 of a segment of 8 bytes"
)]
fn split_at_past_the_end_panics() {
    memory::scope(|mem| {
        let _ = mem.allocate(8).split_at(9);
    });
}

#[test]
fn byte_views_read_and_write_the_segment() {
    memory::scope(|mem| {
        let mut segment = mem.allocate_bytes(b"abcd");
        assert_eq!(segment.as_bytes(), b"abcd");
        assert_eq!(AsRef::<[u8]>::as_ref(&segment), b"abcd");
        segment.as_bytes_mut()[0] = b'A';
        AsMut::<[u8]>::as_mut(&mut segment)[1] = b'B';
        assert_eq!(segment.to_vec(), b"ABcd");
        let start = addr(&segment);
        let bytes: &mut [u8] = segment.into_bytes_mut();
        assert_eq!(bytes.as_ptr().addr(), start);
        bytes[3] = b'D';
        assert_eq!(bytes, b"ABcD");
    });
}
