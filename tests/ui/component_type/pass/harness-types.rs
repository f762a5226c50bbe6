//! The harness's types derived and used through `#[wasm_function]` (host build: the imports
//! are not called; the flags operations run).

use wasm_function::{ComponentType, wasm_function};

#[derive(ComponentType, Clone, Copy, Debug, PartialEq)]
#[component("test:harness/types@0.1.0", "point", wit = "../../../../tests/wit")]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[derive(ComponentType, Debug, PartialEq)]
#[component("test:harness/types@0.1.0", "segment", wit = "../../../../tests/wit")]
pub struct Segment {
    pub start: Point,
    pub end: Point,
    pub label: String,
}

#[derive(ComponentType, Debug, PartialEq)]
#[component("test:harness/types@0.1.0", "number", wit = "../../../../tests/wit")]
pub enum Number {
    Float(f64),
    Int(i32),
    Text(String),
    Nothing,
}

#[derive(ComponentType, Clone, Copy, Debug, PartialEq)]
#[component("test:harness/types@0.1.0", "color", wit = "../../../../tests/wit")]
pub enum Color {
    Red,
    Green,
    Blue,
}

#[derive(ComponentType, Clone, Copy, Debug, PartialEq)]
#[component("test:harness/types@0.1.0", "perms", wit = "../../../../tests/wit")]
pub struct Perms(u8);

#[derive(ComponentType, Clone, Copy, Debug, PartialEq)]
#[component("test:harness/types@0.1.0", "wide", wit = "../../../../tests/wit")]
pub struct Wide(u32);

#[wasm_function("test:harness/calls@0.1.0", "echo-segment", wit = "../../../../tests/wit")]
pub fn echo_segment(s: Segment) -> Segment;

#[wasm_function("test:harness/calls@0.1.0", "echo-number", wit = "../../../../tests/wit")]
pub fn echo_number(n: Number) -> Number;

#[wasm_function("test:harness/calls@0.1.0", "echo-color", wit = "../../../../tests/wit")]
pub fn echo_color(c: Color) -> Color;

#[wasm_function("test:harness/calls@0.1.0", "echo-perms", wit = "../../../../tests/wit")]
pub fn echo_perms(p: Perms) -> Perms;

#[wasm_function("test:harness/calls@0.1.0", "echo-wide", wit = "../../../../tests/wit")]
pub fn echo_wide(w: Wide) -> Wide;

fn main() {
    let rw = Perms::READ | Perms::WRITE;
    assert_eq!(rw.bits(), 0b011);
    assert!(rw.contains(Perms::WRITE));
    assert!(!rw.contains(Perms::EXEC));
    assert_eq!(Perms::all().bits(), 0b111);
    assert_eq!(Perms::from_bits_truncate(0xff), Perms::all());
    assert!(Perms::empty().is_empty());
    assert_eq!((rw & Perms::READ), Perms::READ);
    assert_eq!(Wide::B31.bits(), 1 << 31);
}
