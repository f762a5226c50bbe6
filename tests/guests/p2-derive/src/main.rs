//! The `test:harness/types` records, variant, enum and flags as `#[derive(ComponentType)]`
//! types (checked field by field against `wit/harness.wit` while compiling), sent through the
//! `test:harness/calls` echo functions and compared with what comes back. Prints `ok <n>` per
//! passed check.

use wasm_function::{ComponentType, wasm_function};

/// `test:harness/types.point`.
#[derive(ComponentType, Debug, Clone, Copy, PartialEq)]
#[component("test:harness/types@0.1.0", "point")]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

/// `test:harness/types.segment`, its label borrowed when sent.
#[derive(ComponentType, Debug, Clone, PartialEq)]
#[component("test:harness/types@0.1.0", "segment")]
pub struct Segment {
    pub start: Point,
    pub end: Point,
    pub label: String,
}

/// `test:harness/types.number`.
#[derive(ComponentType, Debug, Clone, PartialEq)]
#[component("test:harness/types@0.1.0", "number")]
pub enum Number {
    Float(f64),
    Int(i32),
    Text(String),
    Nothing,
}

/// `test:harness/types.color`.
#[derive(ComponentType, Debug, Clone, Copy, PartialEq)]
#[component("test:harness/types@0.1.0", "color")]
pub enum Color {
    Red,
    Green,
    Blue,
}

/// `test:harness/types.perms`: three members in a `u8`.
#[derive(ComponentType, Debug, Clone, Copy, PartialEq)]
#[component("test:harness/types@0.1.0", "perms")]
pub struct Perms(u8);

/// `test:harness/types.wide`: 32 members in a `u32`.
#[derive(ComponentType, Debug, Clone, Copy, PartialEq)]
#[component("test:harness/types@0.1.0", "wide")]
pub struct Wide(u32);

#[wasm_function("test:harness/calls@0.1.0", "echo-point")]
fn echo_point(p: Point) -> Point;

#[wasm_function("test:harness/calls@0.1.0", "echo-segment")]
fn echo_segment(s: Segment) -> Segment;

#[wasm_function("test:harness/calls@0.1.0", "echo-number")]
fn echo_number(n: Number) -> Number;

#[wasm_function("test:harness/calls@0.1.0", "echo-color")]
fn echo_color(c: Color) -> Color;

#[wasm_function("test:harness/calls@0.1.0", "echo-perms")]
fn echo_perms(p: Perms) -> Perms;

#[wasm_function("test:harness/calls@0.1.0", "echo-wide")]
fn echo_wide(w: Wide) -> Wide;

/// The same import with the bits as `u8`: what the host sees of a derived value.
#[wasm_function("test:harness/calls@0.1.0", "echo-perms")]
fn echo_perms_bits(p: u8) -> u8;

fn main() {
    let mut n = 0;
    let mut ok = |what: &str, pass: bool| {
        n += 1;
        assert!(pass, "check {n} failed: {what}");
        println!("ok {n} {what}");
    };
    let p = Point { x: i32::MIN, y: 7 };
    ok("point", echo_point(p) == p);
    let s = Segment {
        start: p,
        end: Point { x: 3, y: -4 },
        label: "grüße ✓".into(),
    };
    ok("segment", echo_segment(s.clone()) == s);
    for number in [
        Number::Float(-0.5),
        Number::Int(-5),
        Number::Text("ß".into()),
        Number::Nothing,
    ] {
        ok("number", echo_number(number.clone()) == number);
    }
    for color in [Color::Red, Color::Green, Color::Blue] {
        ok("color", echo_color(color) == color);
    }
    let rx = Perms::READ | Perms::EXEC;
    ok(
        "perms",
        echo_perms(rx) == rx && echo_perms(rx).bits() == 0b101,
    );
    ok(
        "perms as bits",
        echo_perms_bits(Perms::WRITE.bits()) == 0b010,
    );
    ok("perms empty", echo_perms(Perms::empty()).is_empty());
    let top = Wide::B31 | Wide::B0;
    ok(
        "wide, top bit",
        echo_wide(top) == top && echo_wide(top).bits() == 0x8000_0001,
    );
    ok("wide all", echo_wide(Wide::all()).bits() == u32::MAX);
    println!("derive checks passed: {n}");
}
