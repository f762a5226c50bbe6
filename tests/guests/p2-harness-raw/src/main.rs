//! The reference guest of the harness world (`tests/wit/harness.wit`, world `guest`): a std
//! program for `wasm32-wasip2` that calls the host's `test:harness/calls` and
//! `test:harness/types` interfaces through hand-written `extern "C"` declarations, lowering and
//! lifting every value by hand as the Canonical ABI lays it out, and asserts what comes back.
//!
//! The host records what it received; the test (`tests/tests/component_e2e.rs`) asserts that log.
//! Each check prints one line, `ok <what>`, so a failure shows how far the guest got; a failed
//! assertion panics, which traps.

use std::mem::MaybeUninit;

// The component type of every import below: the world `guest`, encoded by build.rs. Not
// `#[used]`: that would also copy the bytes into the data segment; the linker keeps custom
// sections of the objects it links.
#[unsafe(link_section = "component-type:wasm-function-tests:p2-harness-raw")]
#[expect(dead_code, reason = "read by the linker, not by the program")]
static COMPONENT_TYPE: [u8; include!(concat!(env!("OUT_DIR"), "/component-type-len.rs"))] =
    *include_bytes!(concat!(env!("OUT_DIR"), "/component-type.bin"));

/// The core signatures of `test:harness/calls`, flattened as the Canonical ABI does on wasm32:
/// more than one flat result becomes a trailing return-area pointer, more than 16 flat
/// parameters one pointer to them in memory.
mod calls {
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "echo-bool"]
        pub fn echo_bool(v: i32) -> i32;
        #[link_name = "echo-u8"]
        pub fn echo_u8(v: i32) -> i32;
        #[link_name = "echo-s8"]
        pub fn echo_s8(v: i32) -> i32;
        #[link_name = "echo-u16"]
        pub fn echo_u16(v: i32) -> i32;
        #[link_name = "echo-s16"]
        pub fn echo_s16(v: i32) -> i32;
        #[link_name = "echo-u32"]
        pub fn echo_u32(v: i32) -> i32;
        #[link_name = "echo-s32"]
        pub fn echo_s32(v: i32) -> i32;
        #[link_name = "echo-u64"]
        pub fn echo_u64(v: i64) -> i64;
        #[link_name = "echo-s64"]
        pub fn echo_s64(v: i64) -> i64;
        #[link_name = "echo-f32"]
        pub fn echo_f32(v: f32) -> f32;
        #[link_name = "echo-f64"]
        pub fn echo_f64(v: f64) -> f64;
        #[link_name = "echo-char"]
        pub fn echo_char(v: i32) -> i32;
        #[link_name = "f64-bits"]
        pub fn f64_bits(v: f64) -> i64;
        #[link_name = "f32-bits"]
        pub fn f32_bits(v: f32) -> i32;
        #[link_name = "string-len"]
        pub fn string_len(ptr: *const u8, len: usize) -> i32;
        #[link_name = "echo-string"]
        pub fn echo_string(ptr: *const u8, len: usize, ret: *mut u8);
        #[link_name = "echo-bytes"]
        pub fn echo_bytes(ptr: *const u8, len: usize, ret: *mut u8);
        #[link_name = "echo-strings"]
        pub fn echo_strings(ptr: *const u8, len: usize, ret: *mut u8);
        #[link_name = "sum-list"]
        pub fn sum_list(ptr: *const u32, len: usize) -> i64;
        #[link_name = "echo-point"]
        pub fn echo_point(x: i32, y: i32, ret: *mut u8);
        #[link_name = "echo-segment"]
        pub fn echo_segment(
            x0: i32,
            y0: i32,
            x1: i32,
            y1: i32,
            label: *const u8,
            label_len: usize,
            ret: *mut u8,
        );
        #[link_name = "echo-tuple"]
        pub fn echo_tuple(a: i32, s: *const u8, s_len: usize, f: f64, ret: *mut u8);
        #[link_name = "echo-number"]
        pub fn echo_number(case: i32, p0: i64, p1: i32, ret: *mut u8);
        #[link_name = "echo-color"]
        pub fn echo_color(c: i32) -> i32;
        #[link_name = "echo-perms"]
        pub fn echo_perms(p: i32) -> i32;
        #[link_name = "echo-wide"]
        pub fn echo_wide(w: i32) -> i32;
        #[link_name = "echo-option"]
        pub fn echo_option(is_some: i32, v: i32, ret: *mut u8);
        #[link_name = "echo-option-string"]
        pub fn echo_option_string(is_some: i32, ptr: *const u8, len: usize, ret: *mut u8);
        #[link_name = "checked"]
        pub fn checked(ok: i32, ret: *mut u8);
        #[link_name = "unit-result"]
        pub fn unit_result(ok: i32) -> i32;
        #[link_name = "sum17"]
        pub fn sum17(args: *const u32) -> i64;
        #[link_name = "received-count"]
        pub fn received_count() -> i32;
    }
}

/// The core signatures of `test:harness/types`: the `counter` resource and `dropped`.
mod types {
    #[link(wasm_import_module = "test:harness/types@0.1.0")]
    unsafe extern "C" {
        #[link_name = "[constructor]counter"]
        pub fn counter_new(start: i32) -> i32;
        #[link_name = "[method]counter.increment"]
        pub fn counter_increment(this: i32, by: i32) -> i32;
        #[link_name = "[method]counter.get"]
        pub fn counter_get(this: i32) -> i32;
        #[link_name = "[static]counter.sum"]
        pub fn counter_sum(a: i32, b: i32) -> i32;
        #[link_name = "[static]counter.consume"]
        pub fn counter_consume(c: i32) -> i32;
        #[link_name = "[resource-drop]counter"]
        pub fn counter_drop(c: i32);
        #[link_name = "dropped"]
        pub fn dropped() -> i32;
    }
}

unsafe extern "C" {
    /// wasi-libc's `free`: the `cabi_realloc` that std links on wasm32-wasip2 (wasi-libc's)
    /// takes the memory for results from `malloc`.
    fn free(ptr: *mut u8);
}

/// A return area: aligned for any result (8 bytes), large enough for the largest (24 bytes),
/// written by the host through a pointer derived from `&mut`.
#[repr(C, align(8))]
struct RetArea([MaybeUninit<u8>; 24]);

impl RetArea {
    fn new() -> Self {
        RetArea([MaybeUninit::uninit(); 24])
    }

    fn ptr(&mut self) -> *mut u8 {
        self.0.as_mut_ptr().cast()
    }

    /// The little-endian `u32` at `offset`.
    ///
    /// # Safety
    /// The host wrote those four bytes (the call's result layout has a 32-bit field there).
    unsafe fn u32_at(&self, offset: usize) -> u32 {
        let mut bytes = [0u8; 4];
        for (i, b) in bytes.iter_mut().enumerate() {
            // SAFETY: the caller says the host initialised these bytes.
            *b = unsafe { self.0[offset + i].assume_init() };
        }
        u32::from_le_bytes(bytes)
    }

    /// The byte at `offset`.
    ///
    /// # Safety
    /// The host wrote that byte.
    unsafe fn u8_at(&self, offset: usize) -> u8 {
        // SAFETY: the caller says the host initialised this byte.
        unsafe { self.0[offset].assume_init() }
    }

    /// The little-endian `f64` at `offset`.
    ///
    /// # Safety
    /// The host wrote those eight bytes.
    unsafe fn f64_at(&self, offset: usize) -> f64 {
        // SAFETY: the caller says the host initialised both halves.
        let (lo, hi) = unsafe { (self.u32_at(offset), self.u32_at(offset + 4)) };
        f64::from_bits(u64::from(lo) | (u64::from(hi) << 32))
    }

    /// The `string` or `list<u8>` whose (pointer, length) is at `offset`, copied out; the
    /// host's allocation is freed.
    ///
    /// # Safety
    /// The host wrote a (pointer, length) pair there, the pointer from `cabi_realloc`.
    unsafe fn bytes_at(&self, offset: usize) -> Vec<u8> {
        // SAFETY: the caller says the host wrote both words.
        let (ptr, len) = unsafe { (self.u32_at(offset), self.u32_at(offset + 4)) };
        // SAFETY: the host placed `len` initialised bytes at `ptr`, allocated for this call.
        unsafe { take_bytes(ptr as usize as *mut u8, len as usize) }
    }
}

/// Copies the `len` bytes at `ptr` out and frees the allocation (none for `len == 0`).
///
/// # Safety
/// `ptr` points at `len` initialised bytes that `cabi_realloc` allocated and nobody else owns.
unsafe fn take_bytes(ptr: *mut u8, len: usize) -> Vec<u8> {
    if len == 0 {
        return Vec::new();
    }
    // SAFETY: the caller guarantees `len` readable bytes at `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) }.to_vec();
    // SAFETY: `ptr` came from wasi-libc's `cabi_realloc`, i.e. from `malloc`, and is no longer
    // used.
    unsafe { free(ptr) };
    bytes
}

fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("the host sent UTF-8")
}

fn ok(what: &str) {
    println!("ok {what}");
}

fn scalars() {
    // SAFETY (every call in this function): the extern's core signature is the Canonical ABI
    // flattening of the WIT function; the arguments are plain values.
    unsafe {
        assert_eq!(calls::echo_bool(1), 1);
        assert_eq!(calls::echo_bool(0), 0);
        assert_eq!(calls::echo_u8(255), 255);
        assert_eq!(calls::echo_s8(-128), -128);
        assert_eq!(calls::echo_u16(65535), 65535);
        assert_eq!(calls::echo_s16(-32768), -32768);
        assert_eq!(calls::echo_u32(u32::MAX as i32) as u32, u32::MAX);
        assert_eq!(calls::echo_s32(i32::MIN), i32::MIN);
        assert_eq!(calls::echo_u64(u64::MAX as i64) as u64, u64::MAX);
        assert_eq!(calls::echo_s64(i64::MIN), i64::MIN);
        assert_eq!(calls::echo_f32(1.5).to_bits(), 1.5f32.to_bits());
        assert_eq!(calls::echo_f64(-0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(calls::echo_char('é' as i32), 'é' as i32);
        assert_eq!(calls::echo_char('🦀' as i32), '🦀' as i32);
        let nan64 = f64::from_bits(0x7ff8_0000_0000_0001);
        assert_eq!(calls::f64_bits(nan64) as u64, 0x7ff8_0000_0000_0001);
        let nan32 = f32::from_bits(0x7fc0_0001);
        assert_eq!(calls::f32_bits(nan32) as u32, 0x7fc0_0001);
    }
    ok("scalars");
}

fn echo_string(s: &str) -> String {
    let mut ret = RetArea::new();
    // SAFETY: (ptr, len) of a live `&str`; `ret` is writable, aligned and large enough for
    // the result's (ptr, len).
    unsafe { calls::echo_string(s.as_ptr(), s.len(), ret.ptr()) };
    // SAFETY: the host wrote the result string's (ptr, len) at offset 0.
    utf8(unsafe { ret.bytes_at(0) })
}

fn strings_and_lists() {
    // SAFETY: (ptr, len) of live `&str`s.
    let lens = unsafe {
        [
            calls::string_len("".as_ptr(), 0),
            calls::string_len("héllo".as_ptr(), "héllo".len()),
        ]
    };
    assert_eq!(lens, [0, 6]);
    assert_eq!(echo_string(""), "");
    assert_eq!(echo_string("grüße, 世界 🦀"), "grüße, 世界 🦀");

    let bytes = [0u8, 1, 254, 255];
    let mut ret = RetArea::new();
    // SAFETY: as for `echo_string`.
    unsafe { calls::echo_bytes(bytes.as_ptr(), bytes.len(), ret.ptr()) };
    // SAFETY: the host wrote the result list's (ptr, len) at offset 0.
    assert_eq!(unsafe { ret.bytes_at(0) }, bytes);

    // list<string>: an array of (ptr: u32, len: u32) pairs.
    let items = ["a", "", "ünï"];
    let pairs: Vec<[u32; 2]> = items
        .iter()
        .map(|s| [s.as_ptr() as usize as u32, s.len() as u32])
        .collect();
    let mut ret = RetArea::new();
    // SAFETY: `pairs` lays out a `list<string>` of live strings; `ret` as for `echo_string`.
    unsafe { calls::echo_strings(pairs.as_ptr().cast(), pairs.len(), ret.ptr()) };
    // SAFETY: the host wrote the result list's (ptr, len) at offset 0: `len` pairs at `ptr`.
    let back: Vec<String> = unsafe {
        let (ptr, len) = (ret.u32_at(0) as usize, ret.u32_at(4) as usize);
        let pairs = take_bytes(ptr as *mut u8, len * 8);
        pairs
            .chunks_exact(8)
            .map(|pair| {
                let word = |i: usize| u32::from_le_bytes(pair[i..i + 4].try_into().unwrap());
                utf8(take_bytes(word(0) as usize as *mut u8, word(4) as usize))
            })
            .collect()
    };
    assert_eq!(back, items);

    let numbers = [1u32, 2, u32::MAX];
    // SAFETY: (ptr, len) of a live `[u32]`.
    let sum = unsafe { calls::sum_list(numbers.as_ptr(), numbers.len()) };
    assert_eq!(sum as u64, 3 + u64::from(u32::MAX));
    ok("strings and lists");
}

fn records_and_variants() {
    let mut ret = RetArea::new();
    // SAFETY: a point flattens to (x, y); its result (8 bytes) goes to `ret`.
    unsafe { calls::echo_point(-3, 4, ret.ptr()) };
    // SAFETY: the host wrote a point: x at 0, y at 4.
    assert_eq!(
        unsafe { [ret.u32_at(0) as i32, ret.u32_at(4) as i32] },
        [-3, 4]
    );

    let label = "diagonal ↗";
    let mut ret = RetArea::new();
    // SAFETY: a segment flattens to its two points then its label's (ptr, len); the result
    // (24 bytes) goes to `ret`.
    unsafe { calls::echo_segment(1, 2, 3, 4, label.as_ptr(), label.len(), ret.ptr()) };
    // SAFETY: the host wrote a segment: start at 0, end at 8, label at 16.
    let (coords, back) = unsafe {
        (
            [0, 4, 8, 12].map(|o| ret.u32_at(o) as i32),
            utf8(ret.bytes_at(16)),
        )
    };
    assert_eq!((coords, back.as_str()), ([1, 2, 3, 4], label));

    let mut ret = RetArea::new();
    // SAFETY: tuple<u8, string, f64> flattens to (i32, ptr, len, f64); the result goes to `ret`.
    unsafe { calls::echo_tuple(200, "τ".as_ptr(), "τ".len(), 2.5, ret.ptr()) };
    // SAFETY: the host wrote the tuple: u8 at 0, string at 4, f64 at 16.
    let tuple = unsafe { (ret.u8_at(0), utf8(ret.bytes_at(4)), ret.f64_at(16)) };
    assert_eq!(tuple, (200, "τ".to_owned(), 2.5));

    // variant number { float(f64), int(s32), text(string), nothing }: flat (case, i64, i32),
    // position 0 joining f64 and i32 into i64. In memory: case u8 at 0, payload at 8.
    let echo_number = |case: i32, p0: i64, p1: i32| {
        let mut ret = RetArea::new();
        // SAFETY: the flat form of a `number`; the result (16 bytes) goes to `ret`.
        unsafe { calls::echo_number(case, p0, p1, ret.ptr()) };
        ret
    };
    let ret = echo_number(0, (-1.25f64).to_bits() as i64, 0);
    // SAFETY: the host wrote case 0 (`float`) with its f64 at 8.
    assert_eq!(unsafe { (ret.u8_at(0), ret.f64_at(8)) }, (0, -1.25));
    let ret = echo_number(1, i64::from(-7i32 as u32), 0);
    // SAFETY: the host wrote case 1 (`int`) with its s32 at 8.
    assert_eq!(unsafe { (ret.u8_at(0), ret.u32_at(8) as i32) }, (1, -7));
    let text = "zwölf";
    let ret = echo_number(2, text.as_ptr() as usize as i64, text.len() as i32);
    // SAFETY: the host wrote case 2 (`text`) with its string at 8.
    assert_eq!(
        unsafe { (ret.u8_at(0), utf8(ret.bytes_at(8))) },
        (2, text.to_owned())
    );
    let ret = echo_number(3, 0, 0);
    // SAFETY: the host wrote case 3 (`nothing`).
    assert_eq!(unsafe { ret.u8_at(0) }, 3);

    // SAFETY: enums and flags are one i32.
    unsafe {
        assert_eq!(calls::echo_color(2), 2);
        assert_eq!(calls::echo_perms(0b101), 0b101);
        // Bits beyond the three flags: wasmtime keeps those of the byte `perms` is stored in
        // (bits 3 to 7) and sends them back; a receiver ignores them, as the Canonical ABI
        // says, so only the three flags are compared.
        let back = calls::echo_perms(-1 & !0b010);
        assert_eq!(back & 0b111, 0b101);
        println!("echo-perms(0xfffffffd) returned {back:#x}");
        assert_eq!(calls::echo_wide(i32::MIN | 1), i32::MIN | 1);
    }
    ok("records and variants");
}

fn options_and_results() {
    let mut ret = RetArea::new();
    // SAFETY: option<u32> flattens to (case, value); the result (8 bytes) goes to `ret`.
    unsafe { calls::echo_option(1, 42, ret.ptr()) };
    // SAFETY: the host wrote `some`: case at 0, value at 4.
    assert_eq!(unsafe { (ret.u8_at(0), ret.u32_at(4)) }, (1, 42));
    let mut ret = RetArea::new();
    // SAFETY: as above, `none`.
    unsafe { calls::echo_option(0, 0, ret.ptr()) };
    // SAFETY: the host wrote the case.
    assert_eq!(unsafe { ret.u8_at(0) }, 0);

    let mut ret = RetArea::new();
    // SAFETY: option<string> flattens to (case, ptr, len); the result (12 bytes) goes to `ret`.
    unsafe { calls::echo_option_string(1, "ja".as_ptr(), 2, ret.ptr()) };
    // SAFETY: the host wrote `some`: case at 0, string at 4.
    assert_eq!(
        unsafe { (ret.u8_at(0), utf8(ret.bytes_at(4))) },
        (1, "ja".to_owned())
    );

    let mut ret = RetArea::new();
    // SAFETY: result<u32, string> goes to `ret` (12 bytes).
    unsafe { calls::checked(1, ret.ptr()) };
    // SAFETY: the host wrote `ok`: case 0 at 0, u32 at 4.
    assert_eq!(unsafe { (ret.u8_at(0), ret.u32_at(4)) }, (0, 42));
    let mut ret = RetArea::new();
    // SAFETY: as above.
    unsafe { calls::checked(0, ret.ptr()) };
    // SAFETY: the host wrote `err`: case 1 at 0, string at 4.
    assert_eq!(
        unsafe { (ret.u8_at(0), utf8(ret.bytes_at(4))) },
        (1, "refused".to_owned())
    );

    // SAFETY: a payload-less result is one i32: 0 = ok, 1 = err.
    unsafe {
        assert_eq!(calls::unit_result(1), 0);
        assert_eq!(calls::unit_result(0), 1);
    }
    ok("options and results");
}

fn many_params() {
    // 17 flat parameters are more than MAX_FLAT_PARAMS (16): one pointer to them as a tuple.
    let args: [u32; 17] = std::array::from_fn(|i| i as u32 + 1);
    // SAFETY: `args` lays out tuple<u32 × 17> (4-aligned, 68 bytes), live for the call.
    let sum = unsafe { calls::sum17(args.as_ptr()) };
    assert_eq!(sum, 153);
    ok("sum17");
}

fn resources() {
    // SAFETY (every call in this function): handles are the ones the host returned and are
    // used as the WIT says: borrowed by methods and `sum`, given up by `consume` and drops.
    unsafe {
        let dropped_before = types::dropped();
        let a = types::counter_new(10);
        let b = types::counter_new(5);
        assert_eq!(types::counter_increment(a, 3), 13);
        assert_eq!(types::counter_get(a), 13);
        let c = types::counter_sum(a, b);
        assert_eq!(types::counter_get(c), 18);
        assert_eq!(types::counter_consume(c), 18);
        assert_eq!(types::dropped(), dropped_before + 1);
        types::counter_drop(a);
        types::counter_drop(b);
        assert_eq!(types::dropped(), dropped_before + 3);
    }
    ok("resources");
}

fn main() {
    scalars();
    strings_and_lists();
    records_and_variants();
    options_and_results();
    many_params();
    resources();
    // SAFETY: no parameters, one i32 result.
    let count = unsafe { calls::received_count() };
    println!("received-count: {count}");
}
