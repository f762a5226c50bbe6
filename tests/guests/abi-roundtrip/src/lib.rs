//! Calls custom host imports declared with `#[wasm_function]` with the extremes of every
//! lowered type, checks bit for bit that the host hands each value back unchanged, and exits
//! with `exit_code()` plus the number of mismatches.
#![no_std]

use wasm_function::wasm_function;

#[wasm_function("test_values")]
fn echo_i32(value: i32) -> i32;
#[wasm_function("test_values")]
fn echo_u32(value: u32) -> u32;
#[wasm_function("test_values")]
fn echo_i64(value: i64) -> i64;
#[wasm_function("test_values")]
fn echo_u64(value: u64) -> u64;
#[wasm_function("test_values")]
fn echo_f32(value: f32) -> f32;
#[wasm_function("test_values")]
fn echo_f64(value: f64) -> f64;
#[wasm_function("test_values")]
fn echo_bool(value: bool) -> bool;
#[wasm_function("test_values")]
fn echo_i8(value: i8) -> i8;
#[wasm_function("test_values")]
fn echo_u16(value: u16) -> u16;
#[wasm_function("test_values")]
fn mixed(a: i64, b: f64, c: f32, d: u32) -> f64;
#[wasm_function("test_values")]
fn exit_code() -> u32;

/// The same import name as `test_values.echo_i32`, from another module: a separate import.
#[wasm_function("test_other", "echo_i32")]
fn other_echo_i32(value: i32) -> i32;

mod again {
    use wasm_function::wasm_function;

    /// The same import declared a second time: still one import in the module.
    #[wasm_function("test_values", "echo_i32")]
    pub(crate) fn echo_i32_again(value: i32) -> i32;
}

#[derive(Clone, Copy)]
#[repr(C)]
struct Ciovec {
    buf: *const u8,
    len: usize,
}

// SAFETY: `#[repr(C)]` pointer + length, the preview1 `ciovec` layout on wasm32; the pointer
// is valid for reads while the slice holding the `Ciovec` is borrowed.
unsafe impl wasm_function::abi::WasmLayout for Ciovec {}

struct Errno(i32);

// SAFETY: every status is kept as a value.
unsafe impl wasm_function::abi::ErrorCode for Errno {
    fn from_status(status: i32) -> Self {
        Self(status)
    }
}

#[wasm_function("wasi_snapshot_preview1")]
fn fd_write(fd: u32, iovs: &[Ciovec]) -> Result<usize, Errno>;

#[wasm_function("wasi_snapshot_preview1")]
fn proc_exit(code: u32) -> !;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

const F32_BITS: [u32; 8] = [
    0x8000_0000, // -0.0
    0x7f80_0000, // +inf
    0xff80_0000, // -inf
    0x7fc0_0001, // quiet NaN with a payload
    0x7f80_0001, // signalling NaN
    0xffc1_2345, // negative NaN with a payload
    0x3fc0_0000, // 1.5
    0x0000_0001, // smallest subnormal
];

const F64_BITS: [u64; 8] = [
    0x8000_0000_0000_0000,
    0x7ff0_0000_0000_0000,
    0xfff0_0000_0000_0000,
    0x7ff8_0000_0000_0001,
    0x7ff0_0000_0000_0001,
    0xfff8_dead_beef_0001,
    0x3ff8_0000_0000_0000,
    0x0000_0000_0000_0001,
];

fn mismatches() -> u32 {
    let mut failures = 0_u32;
    let mut check = |ok: bool| failures += u32::from(!ok);
    for v in [i32::MIN, -1, 0, 1, i32::MAX] {
        check(echo_i32(v) == v);
    }
    for v in [0, 1, 0x8000_0000, u32::MAX] {
        check(echo_u32(v) == v);
    }
    for v in [i64::MIN, -1, 0, i64::MAX] {
        check(echo_i64(v) == v);
    }
    for v in [0, 1 << 63, u64::MAX] {
        check(echo_u64(v) == v);
    }
    for bits in F32_BITS {
        check(echo_f32(f32::from_bits(bits)).to_bits() == bits);
    }
    for bits in F64_BITS {
        check(echo_f64(f64::from_bits(bits)).to_bits() == bits);
    }
    check(echo_bool(true));
    check(!echo_bool(false));
    check(echo_i8(i8::MIN) == i8::MIN);
    check(echo_i8(i8::MAX) == i8::MAX);
    check(echo_u16(u16::MAX) == u16::MAX);
    check(mixed(-2, 0.5, 0.25, 7).to_bits() == (-2.0_f64 + 0.5 + 0.25 + 7.0).to_bits());
    check(other_echo_i32(41) == 42);
    check(again::echo_i32_again(-7) == -7);
    failures
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    let failures = mismatches();
    let message = b"abi-roundtrip done\n";
    let iovs = [Ciovec {
        buf: message.as_ptr(),
        len: message.len(),
    }];
    let written = fd_write(1, &iovs);
    let write_failed = u32::from(!matches!(written, Ok(19)));
    proc_exit(exit_code() + failures + write_failed);
}
