//! Calls every function of `test:harness/calls` that the attribute lowers, through
//! `#[wasm_function]` declarations checked against `wit/harness.wit`, and asserts what the host
//! sends back (the host echoes; see the harness). Prints `ok <n>` per passed check.

use wasm_function::memory::MemoryAllocator;
use wasm_function::{wasm_function, with_memory_allocator};

const CALLS: &str = "test:harness/calls@0.1.0";

/// `test:harness/types.point`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

/// `test:harness/types.segment`.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub start: Point,
    pub end: Point,
    pub label: String,
}

/// `test:harness/types.number`.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Float(f64),
    Int(i32),
    Text(String),
    Nothing,
}

/// `test:harness/types.color`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Color {
    Red,
    Green,
    Blue,
}

macro_rules! echo {
    ($($name:ident, $wit:literal: $ty:ty;)*) => {
        $(
            #[wasm_function("test:harness/calls@0.1.0", $wit)]
            fn $name(v: $ty) -> $ty;
        )*
    };
}

echo! {
    echo_bool, "echo-bool": bool;
    echo_u8, "echo-u8": u8;
    echo_s8, "echo-s8": i8;
    echo_u16, "echo-u16": u16;
    echo_s16, "echo-s16": i16;
    echo_u32, "echo-u32": u32;
    echo_s32, "echo-s32": i32;
    echo_u64, "echo-u64": u64;
    echo_s64, "echo-s64": i64;
    echo_f32, "echo-f32": f32;
    echo_f64, "echo-f64": f64;
    echo_char, "echo-char": char;
    echo_color, "echo-color": Color;
    echo_option, "echo-option": Option<u32>;
    echo_perms, "echo-perms": u8;
    echo_wide, "echo-wide": u32;
}

#[wasm_function("test:harness/calls@0.1.0", "f64-bits")]
fn f64_bits(v: f64) -> u64;

#[wasm_function("test:harness/calls@0.1.0", "string-len")]
fn string_len(s: &str) -> u32;

#[wasm_function("test:harness/calls@0.1.0", "echo-string")]
fn echo_string(s: &str) -> String;

#[wasm_function("test:harness/calls@0.1.0", "echo-string")]
fn echo_string_in<'s>(memory: &MemoryAllocator<'s>, s: &str) -> &'s str;

#[wasm_function("test:harness/calls@0.1.0", "echo-bytes")]
fn echo_bytes(b: &[u8]) -> Vec<u8>;

#[wasm_function("test:harness/calls@0.1.0", "echo-bytes")]
fn echo_bytes_in<'s>(memory: &MemoryAllocator<'s>, b: &[u8]) -> &'s [u8];

#[wasm_function("test:harness/calls@0.1.0", "sum-list")]
fn sum_list(l: &[u32]) -> u64;

#[wasm_function("test:harness/calls@0.1.0", "echo-point")]
fn echo_point(p: Point) -> Point;

#[wasm_function("test:harness/calls@0.1.0", "echo-segment")]
fn echo_segment(s: Segment) -> Segment;

#[wasm_function("test:harness/calls@0.1.0", "echo-tuple")]
fn echo_tuple(t: (u8, &str, f64)) -> (u8, String, f64);

#[wasm_function("test:harness/calls@0.1.0", "echo-number")]
fn echo_number(n: Number) -> Number;

#[wasm_function("test:harness/calls@0.1.0", "echo-option-string")]
fn echo_option_string(o: Option<&str>) -> Option<String>;

#[wasm_function("test:harness/calls@0.1.0", "checked")]
fn checked(ok: bool) -> Result<u32, String>;

#[wasm_function("test:harness/calls@0.1.0", "unit-result")]
fn unit_result(ok: bool) -> Result<(), ()>;

#[wasm_function("test:harness/calls@0.1.0", "echo-strings")]
fn echo_strings(l: &[&str]) -> Vec<String>;

#[wasm_function("test:harness/calls@0.1.0", "sum17")]
#[allow(clippy::too_many_arguments)]
fn sum17(
    a1: u32, a2: u32, a3: u32, a4: u32, a5: u32, a6: u32, a7: u32, a8: u32, a9: u32,
    a10: u32, a11: u32, a12: u32, a13: u32, a14: u32, a15: u32, a16: u32, a17: u32,
) -> u64;

fn main() {
    let _ = CALLS;
    let mut n = 0;
    let mut ok = |what: &str, pass: bool| {
        n += 1;
        assert!(pass, "check {n} failed: {what}");
        println!("ok {n} {what}");
    };
    ok("bool", echo_bool(true) && !echo_bool(false));
    ok("u8", echo_u8(255) == 255);
    ok("s8", echo_s8(-128) == -128);
    ok("u16", echo_u16(65535) == 65535);
    ok("s16", echo_s16(-32768) == -32768);
    ok("u32", echo_u32(u32::MAX) == u32::MAX);
    ok("s32", echo_s32(i32::MIN) == i32::MIN);
    ok("u64", echo_u64(u64::MAX) == u64::MAX);
    ok("s64", echo_s64(i64::MIN) == i64::MIN);
    ok("f32", echo_f32(1.5) == 1.5);
    ok("f64", echo_f64(-2.25) == -2.25);
    ok("char", echo_char('ß') == 'ß' && echo_char('😀') == '😀');
    ok("f64 bits", f64_bits(f64::from_bits(0x7ff8_0000_0000_0001)) == 0x7ff8_0000_0000_0001);
    ok("string-len", string_len("héllo") == 6 && string_len("") == 0);
    ok("echo-string", echo_string("grüße, 世界") == "grüße, 世界" && echo_string("").is_empty());
    let mut text = String::new();
    for i in 0..1000 {
        with_memory_allocator!(|memory| {
            let echoed = echo_string_in(&memory, "scoped ✓");
            if i == 999 {
                text.push_str(echoed);
            }
        });
    }
    ok("scoped echo-string x1000", text == "scoped ✓");
    ok("echo-bytes", echo_bytes(&[0, 1, 255]) == [0, 1, 255]);
    with_memory_allocator!(|memory| {
        ok("scoped echo-bytes", echo_bytes_in(&memory, b"abc") == b"abc");
    });
    ok("sum-list", sum_list(&[1, 2, u32::MAX]) == 3 + u64::from(u32::MAX));
    let p = Point { x: -1, y: 7 };
    ok("point", echo_point(p) == p);
    let s = Segment { start: p, end: Point { x: 3, y: 4 }, label: "é".into() };
    ok("segment", echo_segment(s.clone()) == s);
    ok("tuple", echo_tuple((9, "t", 0.5)) == (9, "t".to_owned(), 0.5));
    for number in [Number::Float(-0.0), Number::Int(-5), Number::Text("x".into()), Number::Nothing] {
        ok("number", echo_number(number.clone()) == number);
    }
    ok("color", echo_color(Color::Blue) == Color::Blue);
    ok("flags", echo_perms(0b101) == 0b101);
    ok("32 flags, top bit", echo_wide(0x8000_0001) == 0x8000_0001);
    ok("option", echo_option(Some(3)) == Some(3) && echo_option(None).is_none());
    ok("option-string", echo_option_string(Some("s")).as_deref() == Some("s") && echo_option_string(None).is_none());
    ok("result", checked(true).is_ok() && checked(false).is_err());
    ok("unit-result", unit_result(true).is_ok() && unit_result(false).is_err());
    ok("list<string>", echo_strings(&["a", "", "ü✓"]) == ["a", "", "ü✓"] && echo_strings(&[]).is_empty());
    ok("sum17", sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17) == 153);
}
