//! The derive's checks against the harness WIT (`tests/expand/wit`) and the built-in WASI.

use proc_macro2::TokenStream;

/// The derive's output for `item` with `#[component(<args>)]`, as a string.
fn derive(args: &str, item: &str) -> String {
    let source = format!("#[component({args})] {item}");
    let input: TokenStream = source.parse().expect("the case tokenizes");
    super::derive(input).to_string()
}

fn harness(name: &str, item: &str) -> String {
    derive(
        &format!("\"test:harness/types@0.1.0\", \"{name}\", wit = \"tests/expand/wit\""),
        item,
    )
}

/// The output is one error that contains every part of `wanted`.
#[track_caller]
fn rejected(output: &str, wanted: &[&str]) {
    assert!(output.contains("compile_error"), "accepted: {output}");
    for part in wanted {
        assert!(output.contains(part), "`{part}` not in {output}");
    }
}

#[track_caller]
fn accepted(output: &str) {
    assert!(!output.contains("compile_error"), "rejected: {output}");
    assert!(output.contains("WitType"), "{output}");
}

#[test]
fn records_are_checked_field_by_field() {
    accepted(&harness(
        "point",
        "pub struct Point { pub x: i32, pub y: i32 }",
    ));
    let ok = harness(
        "segment",
        "pub struct Segment<'a> { start: Point, end: Point, label: &'a str }",
    );
    accepted(&ok);
    assert!(ok.contains("\"test:harness/types@0.1.0#segment\""), "{ok}");
    accepted(&harness(
        "segment",
        "pub struct Segment { start: Point, end: Point, label: String }",
    ));
    rejected(
        &harness("point", "pub struct Point { pub x: u32, pub y: i32 }"),
        &["field `x` of the WIT record `point`", "write `i32`"],
    );
    rejected(
        &harness("point", "pub struct Point { pub x: i32 }"),
        &["has `y: s32`, which this type lacks: add `y: i32`"],
    );
    rejected(
        &harness("point", "pub struct Point { x: i32, y: i32, z: i32 }"),
        &["has no `z`: remove it"],
    );
    rejected(
        &harness(
            "segment",
            "pub struct Segment { start: Point, end: Point, lable: String }",
        ),
        &["did you mean `label`"],
    );
    rejected(
        &harness("point", "pub struct Point { y: i32, x: i32 }"),
        &["in the order x, y"],
    );
    rejected(
        &harness(
            "segment",
            "pub struct Segment { start: Point, end: Point, label: u32 }",
        ),
        &["the WIT has `string` here: write `String`"],
    );
    rejected(
        &harness("point", "pub enum Point { X, Y }"),
        &["is a record: declare a struct with named fields, `struct Point { x: i32, y: i32 }`"],
    );
}

#[test]
fn variants_and_enums_are_checked_case_by_case() {
    accepted(&harness(
        "number",
        "enum Number { Float(f64), Int(i32), Text(String), Nothing }",
    ));
    rejected(
        &harness(
            "number",
            "enum Number { Float(f64), Int(i32), Txt(String), Nothing }",
        ),
        &["did you mean `Text`"],
    );
    rejected(
        &harness(
            "number",
            "enum Number { Float(f64), Int(i64), Text(String), Nothing }",
        ),
        &["case `int`", "write `i32`"],
    );
    rejected(
        &harness(
            "number",
            "enum Number { Float(f64), Int, Text(String), Nothing }",
        ),
        &["carries `s32`: write `Int(i32)`"],
    );
    rejected(
        &harness(
            "number",
            "enum Number { Float(f64), Int(i32), Text(String), Nothing(u8) }",
        ),
        &["carries nothing: write `Nothing`"],
    );
    accepted(&harness("color", "enum Color { Red, Green, Blue }"));
    rejected(
        &harness("color", "enum Color { Red, Green }"),
        &["the WIT enum `color` has `blue`", "add `Blue`"],
    );
    rejected(
        &harness("color", "enum Color { Green, Red, Blue }"),
        &["in the order Red, Green, Blue"],
    );
    rejected(
        &harness("color", "struct Color(u8);"),
        &["declare `enum Color { Red, Green, Blue }`"],
    );
    accepted(&derive(
        "\"wasi:io/streams@0.2.0\", \"stream-error\"",
        "enum StreamError { LastOperationFailed(u32), Closed }",
    ));
}

#[test]
fn flags_are_a_newtype_with_a_const_per_member() {
    let perms = harness("perms", "pub struct Perms(u8);");
    accepted(&perms);
    for member in ["READ", "WRITE", "EXEC", "FlagsBits", "BitOr"] {
        assert!(perms.contains(member), "{member} not in {perms}");
    }
    let wide = harness("wide", "pub struct Wide(u32);");
    accepted(&wide);
    assert!(wide.contains("B31"), "{wide}");
    rejected(
        &harness("perms", "pub struct Perms(u32);"),
        &["held as the bits of a `u8`: write `struct Perms(u8);`"],
    );
    rejected(
        &harness("wide", "pub struct Wide(u16);"),
        &["32 members", "`u32`"],
    );
    rejected(
        &harness(
            "perms",
            "pub struct Perms<'a>(u8, core::marker::PhantomData<&'a ()>);",
        ),
        &["is a flags"],
    );
    rejected(
        &harness("perms", "pub struct Perms<'a>(u8);"),
        &["remove the generics"],
    );
    rejected(
        &harness("perms", "pub struct Perms { read: bool }"),
        &["is a flags: declare `struct Perms(u8);`"],
    );
}

#[test]
fn names_and_attributes_are_checked() {
    rejected(
        &harness("pont", "pub struct Point { x: i32, y: i32 }"),
        &["has no type `pont`; did you mean `point`?"],
    );
    rejected(
        &harness("counter", "pub struct Counter;"),
        &["is a resource", "`#[wasm_resource]`"],
    );
    rejected(
        &derive(
            "\"test:harness/typs@0.1.0\", \"point\", wit = \"tests/expand/wit\"",
            "struct Point { x: i32, y: i32 }",
        ),
        &["did you mean `types`?"],
    );
    rejected(
        &derive(
            "\"wasi:clocks/wall-clock@0.2.0\"",
            "struct Datetime { seconds: u64, nanoseconds: u32 }",
        ),
        &["the WIT type's name is missing"],
    );
    let missing = super::derive("struct Point { x: i32 }".parse().expect("tokens")).to_string();
    rejected(&missing, &["`ComponentType` needs its WIT type"]);
    rejected(
        &harness("point", "pub struct Point<T> { x: T, y: i32 }"),
        &["takes lifetimes only"],
    );
    accepted(&derive(
        "\"wasi:clocks/wall-clock@0.2.0\", \"datetime\"",
        "struct Datetime { seconds: u64, nanoseconds: u32 }",
    ));
}

/// `#[derive(ComponentType)]` expansions.
#[test]
fn derive_snapshots() {
    crate::snapshots::check("component-type", 3, |source| {
        let input: TokenStream = source.parse().expect("the case tokenizes");
        crate::snapshots::pretty(super::derive(input))
    });
}
