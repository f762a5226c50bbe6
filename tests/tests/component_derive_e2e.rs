//! `#[derive(ComponentType)]` types in a real component: the `p2-derive` guest sends the
//! harness world's `point`, `segment`, `number`, `color`, `perms` and `wide` as derived Rust
//! types through the echo functions and checks what comes back; the host records what it got.

use wasm_function_tests::{Arg, Number, Point, Profile, Segment, Target, guest_for};

#[test]
fn derived_types_cross_the_component_boundary_both_ways() {
    let guest = guest_for("p2-derive", Target::Wasip2, Profile::Release).unwrap();
    assert!(guest.is_component());
    let out = guest.run_component().execute().unwrap();
    out.assert_exit(0);
    let stdout = out.stdout_str();
    assert!(
        stdout.ends_with("ok 14 wide all\nderive checks passed: 14\n"),
        "{stdout}"
    );
    let host = &out.host;
    assert_eq!(host.received.len(), 16);
    let all = |func: &str| -> Vec<Vec<Arg>> {
        host.args_of(func)
            .into_iter()
            .map(<[Arg]>::to_vec)
            .collect()
    };
    let point = Point { x: i32::MIN, y: 7 };
    assert_eq!(all("echo-point"), [[Arg::Point(point)]]);
    assert_eq!(
        all("echo-segment"),
        [[Arg::Segment(Segment {
            start: point,
            end: Point { x: 3, y: -4 },
            label: "grüße ✓".into(),
        })]]
    );
    assert_eq!(
        all("echo-number"),
        [
            [Arg::Number(Number::Float(-0.5))],
            [Arg::Number(Number::Int(-5))],
            [Arg::Number(Number::Text("ß".into()))],
            [Arg::Number(Number::Nothing)],
        ]
    );
    use wasm_function_tests::Color;
    assert_eq!(
        all("echo-color"),
        [
            [Arg::Color(Color::Red)],
            [Arg::Color(Color::Green)],
            [Arg::Color(Color::Blue)],
        ]
    );
    // `READ | EXEC` twice, `WRITE` as raw bits, then the empty set.
    let perms: Vec<u32> = all("echo-perms")
        .iter()
        .map(|args| match args.as_slice() {
            [Arg::Perms(p)] => p.as_array()[0],
            other => panic!("echo-perms got {other:?}"),
        })
        .collect();
    assert_eq!(perms, [0b101, 0b101, 0b010, 0]);
    // `B31 | B0` twice (the top bit set), then every member.
    let wide: Vec<u32> = all("echo-wide")
        .iter()
        .map(|args| match args.as_slice() {
            [Arg::Wide(w)] => w.as_array()[0],
            other => panic!("echo-wide got {other:?}"),
        })
        .collect();
    assert_eq!(wide, [0x8000_0001, 0x8000_0001, u32::MAX]);
}
