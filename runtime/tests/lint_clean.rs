//! Code that uses the macros compiles without a warning under `#![deny(warnings)]` and, in
//! `cargo clippy --all-targets -- -D warnings` (run by CI), without a `clippy::pedantic` lint.
#![deny(
    warnings,
    unused_qualifications,
    unreachable_pub,
    unsafe_op_in_unsafe_fn,
    clippy::pedantic,
    clippy::undocumented_unsafe_blocks
)]

use wasm_function::abi::ErrorCode;
use wasm_function::{WasmType, wasm_function, with_memory_allocator};

/// A handle newtype with a derived lowering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, WasmType)]
#[repr(transparent)]
pub struct Handle(u32);

/// An errno-like status.
#[derive(Debug, PartialEq, Eq)]
pub struct Status(i32);

// SAFETY: every status is kept as a value.
unsafe impl ErrorCode for Status {
    fn from_status(status: i32) -> Self {
        Self(status)
    }
}

/// Opens a named resource.
///
/// # Errors
///
/// The host's status when it refuses.
#[wasm_function("lint_host")]
pub fn open(name: &str, flags: u32) -> Result<Handle, Status> {
    if name.is_empty() || flags > 1 {
        Err(Status(28))
    } else {
        Ok(Handle(3))
    }
}

/// Reads into a buffer.
///
/// # Errors
///
/// The host's status.
#[wasm_function("lint_host", "read")]
pub fn read_into(handle: Handle, buffer: &mut [u8]) -> Result<(usize, u64), Status>;

/// Writes through a raw pointer.
///
/// # Safety
///
/// `data` must be valid for reads of `len` bytes.
#[wasm_function("lint_host")]
pub unsafe fn write_raw(handle: Handle, data: *const u8, len: usize) -> i64;

/// Float round trip.
#[must_use]
#[wasm_function("lint_host")]
pub fn scale(value: f64, by: f32) -> f64 {
    value * f64::from(by)
}

/// Copies `text` into scoped memory, with a nested scope, and sums the bytes.
#[must_use]
pub fn scoped_sum(text: &str) -> u32 {
    with_memory_allocator!(|mem| {
        let copy = mem.allocate_str(text);
        let inner = with_memory_allocator!(|child| in mem {
            let mut scratch = child.allocate(copy.len());
            for index in 0..copy.len() {
                scratch.set_u8(index, copy.get_u8(index));
            }
            (0..scratch.len()).map(|index| u32::from(scratch.get_u8(index))).sum::<u32>()
        });
        let closure_form = wasm_function::memory::scope(|other| other.allocate(8).len());
        inner + u32::try_from(closure_form).unwrap_or(0)
    })
}

#[test]
fn lint_clean_code_also_runs() {
    assert_eq!(scoped_sum("ab"), 97 + 98 + 8);
    assert_eq!(open("a", 0), Ok(Handle(3)));
    assert_eq!(open("", 0), Err(Status(28)));
    assert!((scale(2.0, 1.5) - 3.0).abs() < f64::EPSILON);
}
