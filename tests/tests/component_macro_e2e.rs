//! The guests written with the attribute (`#[wasm_function]` on wasm32-wasip2,
//! `#[wasm_resource]`, `wasi_cli_run!`), run in wasmtime's Component Model against WASI 0.2
//! and the harness world: the guest checks what it got back (its stdout), the host what it
//! received (the run's `HostLog`).
//!
//! - `p2-calls` (std `bin`): every kind of value of `test:harness/calls`, both ways, and std's
//!   `String`/`Vec` work interleaved with scoped calls.
//! - `p2-resources` (no_std, no allocator): the `counter` resource, own and borrow.
//! - `p2-hello` (no_std, no allocator): hello through `wasi:cli/stdout`; its imports.
//! - `p2-scoped` (no_std, no allocator): 10,000 string results into scopes, page count flat.
//! - `p2-cross` (no_std): declarations from another crate (`p2-lib`), debug and release.

use wasm_function_tests::{
    Arg, CALLS_INTERFACE, ComponentImport, ComponentOutcome, Guest, Number, Point, Profile,
    Segment, TYPES_INTERFACE, Target, Wide, guest_for,
};

fn p2(name: &str) -> Guest {
    guest_for(name, Target::Wasip2, Profile::Release).unwrap()
}

fn string(s: &str) -> Arg {
    Arg::String(s.to_owned())
}

/// The arguments of every call to `func` the host received, in order.
fn all(out: &ComponentOutcome, func: &str) -> Vec<Vec<Arg>> {
    out.host
        .args_of(func)
        .into_iter()
        .map(<[Arg]>::to_vec)
        .collect()
}

/// The one argument of every call to `func` the host received, in order.
fn singles(out: &ComponentOutcome, func: &str) -> Vec<Arg> {
    all(out, func)
        .into_iter()
        .map(|args| match <[Arg; 1]>::try_from(args) {
            Ok([arg]) => arg,
            Err(args) => panic!("{func} received {args:?}, not one argument"),
        })
        .collect()
}

/// The names of the functions the host received, consecutive repeats counted.
fn call_runs(out: &ComponentOutcome) -> Vec<(&'static str, usize)> {
    let mut runs: Vec<(&'static str, usize)> = Vec::new();
    for func in out.host.funcs() {
        match runs.last_mut() {
            Some((last, n)) if *last == func => *n += 1,
            _ => runs.push((func, 1)),
        }
    }
    runs
}

/// A component's imports with their patch versions cut (`wasi:cli/stdout@0.2`), each sorted:
/// the linker keeps one import per interface at the newest 0.2 version it saw (the section
/// names 0.2.0, the target's libraries a later one), as `component_e2e.rs` explains.
fn imports_without_patch(guest: &Guest) -> Vec<ComponentImport> {
    guest
        .component_imports()
        .unwrap()
        .into_iter()
        .map(|mut import| {
            let (name, version) = import.name.rsplit_once('@').unwrap();
            assert!(version.starts_with("0.2."), "{}", import.name);
            import.name = format!("{name}@0.2");
            import.sorted()
        })
        .collect()
}

/// What a no_std component printing through stdout imports, and nothing else: `get-stdout`,
/// the stream's `blocking-write-and-flush` (its drop is the resource type's `resource.drop`,
/// not a function of the instance) and the `error` resource `stream-error` refers to.
fn stdout_only_imports() -> Vec<ComponentImport> {
    vec![
        ComponentImport::new("wasi:io/error@0.2", &[]).with_resources(&["error"]),
        ComponentImport::new(
            "wasi:io/streams@0.2",
            &["[method]output-stream.blocking-write-and-flush"],
        )
        .with_resources(&["error", "output-stream"]),
        ComponentImport::new("wasi:cli/stdout@0.2", &["get-stdout"])
            .with_resources(&["output-stream"]),
    ]
}

/// The functions the component's core modules import from interfaces named `prefix…`, as
/// `(module, name)` with the module's patch version cut, sorted: what the guest's code calls,
/// resource drops included (the component-level imports hold those as resource types).
fn core_imports(guest: &Guest, prefix: &str) -> Vec<(String, String)> {
    let mut imports = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(&guest.bytes) {
        if let wasmparser::Payload::ImportSection(section) = payload.unwrap() {
            for import in section.into_imports() {
                let import = import.unwrap();
                if !import.module.starts_with(prefix) {
                    continue;
                }
                let minor = import
                    .module
                    .rsplit_once('.')
                    .map(|(minor, _patch)| minor)
                    .unwrap_or_else(|| panic!("no version in {}", import.module));
                imports.push((minor.to_owned(), import.name.to_owned()));
            }
        }
    }
    imports.sort();
    imports.dedup();
    imports
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|&(m, n)| (m.to_owned(), n.to_owned()))
        .collect()
}

/// What `p2-hello` and `p2-cross` call: stdout, its write, its drop.
fn stdout_core_imports() -> Vec<(String, String)> {
    pairs(&[
        ("wasi:cli/stdout@0.2", "get-stdout"),
        (
            "wasi:io/streams@0.2",
            "[method]output-stream.blocking-write-and-flush",
        ),
        ("wasi:io/streams@0.2", "[resource-drop]output-stream"),
    ])
}

/// No preview1 adapter: the component embeds no module importing `wasi_snapshot_preview1`.
fn assert_no_preview1_adapter(guest: &Guest) {
    let needle = b"wasi_snapshot_preview1";
    assert!(
        !guest.bytes.windows(needle.len()).any(|w| w == needle),
        "{} mentions wasi_snapshot_preview1",
        guest.name
    );
}

/// The text `p2-calls` sends in its side-by-side check, number `i` (its `piece`).
fn piece(i: usize) -> String {
    format!("{i}:{}", "ü✓".repeat(1200 + 37 * i))
}

const P2_CALLS_CHECKS: [&str; 42] = [
    "bool",
    "u8",
    "s8",
    "u16",
    "s16",
    "u32",
    "s32",
    "u64",
    "s64",
    "f32",
    "f64",
    "char",
    "f64 bits",
    "f32 bits",
    "f64 NaN payload echoed",
    "f32 NaN payload echoed",
    "string-len",
    "echo-string",
    "scoped echo-string x1000",
    "echo-bytes",
    "scoped echo-bytes",
    "sum-list",
    "point",
    "segment",
    "tuple",
    "number",
    "number",
    "number",
    "number",
    "color",
    "flags",
    "flags, unknown bits dropped",
    "32 flags, top bit",
    "option",
    "option-string",
    "result",
    "unit-result",
    "list<string>",
    "sum17",
    "String/Vec built across 200 scopes",
    "one scope and std's heap growing side by side",
    "scoped result in the scope, unscoped one on the heap",
];

#[test]
fn std_guest_checks_every_value_it_gets_back() {
    let out = p2("p2-calls").run_component().execute().unwrap();
    out.assert_exit(0);
    let expected: String = P2_CALLS_CHECKS
        .iter()
        .enumerate()
        .map(|(i, what)| format!("ok {} {what}\n", i + 1))
        .collect();
    assert_eq!(out.stdout_str(), expected);
    assert_eq!(out.stderr_str(), "");
}

#[test]
fn std_guest_sends_every_value_exactly() {
    let out = p2("p2-calls").run_component().execute().unwrap();
    out.assert_exit(0);
    let host = &out.host;
    assert!(
        host.received.iter().all(|r| r.interface == CALLS_INTERFACE),
        "only calls: {:?}",
        host.funcs()
    );
    // Every call, in order: each wrapper call is exactly one import call.
    assert_eq!(
        call_runs(&out),
        [
            ("echo-bool", 2),
            ("echo-u8", 1),
            ("echo-s8", 1),
            ("echo-u16", 1),
            ("echo-s16", 1),
            ("echo-u32", 1),
            ("echo-s32", 1),
            ("echo-u64", 1),
            ("echo-s64", 1),
            ("echo-f32", 1),
            ("echo-f64", 1),
            ("echo-char", 2),
            ("f64-bits", 1),
            ("f32-bits", 1),
            ("echo-f64", 1),
            ("echo-f32", 1),
            ("string-len", 2),
            ("echo-string", 2 + 1000),
            ("echo-bytes", 2),
            ("sum-list", 1),
            ("echo-point", 1),
            ("echo-segment", 1),
            ("echo-tuple", 1),
            ("echo-number", 4),
            ("echo-color", 1),
            ("echo-perms", 2),
            ("echo-wide", 1),
            ("echo-option", 2),
            ("echo-option-string", 2),
            ("checked", 2),
            ("unit-result", 2),
            ("echo-strings", 2),
            ("sum17", 1),
            ("echo-string", 2 * 200 + 2 * 40 + 2),
        ]
    );

    // Scalars; floats as bits, NaN payloads and signs included.
    assert_eq!(
        all(&out, "echo-bool"),
        [[Arg::Bool(true)], [Arg::Bool(false)]]
    );
    assert_eq!(all(&out, "echo-u8"), [[Arg::U8(255)]]);
    assert_eq!(all(&out, "echo-s8"), [[Arg::S8(-128)]]);
    assert_eq!(all(&out, "echo-u16"), [[Arg::U16(65535)]]);
    assert_eq!(all(&out, "echo-s16"), [[Arg::S16(-32768)]]);
    assert_eq!(all(&out, "echo-u32"), [[Arg::U32(u32::MAX)]]);
    assert_eq!(all(&out, "echo-s32"), [[Arg::S32(i32::MIN)]]);
    assert_eq!(all(&out, "echo-u64"), [[Arg::U64(u64::MAX)]]);
    assert_eq!(all(&out, "echo-s64"), [[Arg::S64(i64::MIN)]]);
    assert_eq!(
        all(&out, "echo-f32"),
        [[Arg::F32(1.5f32.to_bits())], [Arg::F32(0xffc0_1234)]]
    );
    assert_eq!(
        all(&out, "echo-f64"),
        [
            [Arg::F64((-2.25f64).to_bits())],
            [Arg::F64(0xfff8_0000_dead_beef)]
        ]
    );
    assert_eq!(all(&out, "f64-bits"), [[Arg::F64(0x7ff8_0000_0000_0001)]]);
    assert_eq!(all(&out, "f32-bits"), [[Arg::F32(0x7fc0_0001)]]);
    assert_eq!(
        all(&out, "echo-char"),
        [[Arg::Char('ß')], [Arg::Char('😀')]]
    );

    // Strings, exact bytes: empty and non-ASCII; then the 1000 scoped ones.
    assert_eq!(all(&out, "string-len"), [[string("héllo")], [string("")]]);
    let echoed = all(&out, "echo-string");
    assert_eq!(echoed[..2], [[string("grüße, 世界")], [string("")]]);
    assert!(
        echoed[2..1002]
            .iter()
            .all(|args| *args == [string("scoped ✓")]),
        "the scoped echo-string calls"
    );
    assert_eq!(
        all(&out, "echo-bytes"),
        [[Arg::Bytes(vec![0, 1, 255])], [Arg::Bytes(b"abc".to_vec())]]
    );
    assert_eq!(all(&out, "sum-list"), [[Arg::U32s(vec![1, 2, u32::MAX])]]);
    assert_eq!(
        all(&out, "echo-strings"),
        [
            [Arg::Strings(vec!["a".into(), "".into(), "ü✓".into()])],
            [Arg::Strings(Vec::new())],
        ]
    );

    // Records (one nested in another, with a string), tuples, variants, enums, flags.
    assert_eq!(
        all(&out, "echo-point"),
        [[Arg::Point(Point { x: -1, y: 7 })]]
    );
    assert_eq!(
        all(&out, "echo-segment"),
        [[Arg::Segment(Segment {
            start: Point { x: -1, y: 7 },
            end: Point { x: 3, y: 4 },
            label: "é".into(),
        })]]
    );
    assert_eq!(
        all(&out, "echo-tuple"),
        [[Arg::Tuple(9, "t".into(), 0.5f64.to_bits())]]
    );
    // The variant's `f64` and `s32` cases share its payload slot: both arrive exactly (the
    // float by its bits, so the sign of -0.0 counts).
    let numbers = singles(&out, "echo-number");
    let [
        Arg::Number(Number::Float(float)),
        Arg::Number(Number::Int(int)),
        Arg::Number(Number::Text(text)),
        Arg::Number(Number::Nothing),
    ] = numbers.as_slice()
    else {
        panic!("echo-number received {numbers:?}");
    };
    assert_eq!(float.to_bits(), (-0.0f64).to_bits());
    assert_eq!((*int, text.as_str()), (-5, "x"));
    assert_eq!(
        all(&out, "echo-color"),
        [[Arg::Color(wasm_function_tests::Color::Blue)]]
    );
    // `perms` as `u8` bits: the lowering sends the byte as given, bits 3 to 7 included (the
    // Canonical ABI's lifting ignores them; wasmtime keeps them and sends them back, and the
    // guest's lifting drops them: its check 32).
    let perms: Vec<u32> = singles(&out, "echo-perms")
        .iter()
        .map(|arg| match arg {
            Arg::Perms(p) => p.as_array()[0],
            other => panic!("echo-perms received {other:?}"),
        })
        .collect();
    assert_eq!(perms, [0b101, 0b1111_1101]);
    let [Arg::Wide(wide)] = singles(&out, "echo-wide")[..] else {
        panic!("echo-wide: {:?}", all(&out, "echo-wide"));
    };
    assert_eq!(wide, Wide::B31 | Wide::B0);
    assert_eq!(wide.as_array(), [0x8000_0001]);

    // Options; both arms of each result (the guest checks `ok(42)` and `err("refused")`).
    assert_eq!(
        all(&out, "echo-option"),
        [[Arg::OptionU32(Some(3))], [Arg::OptionU32(None)]]
    );
    assert_eq!(
        all(&out, "echo-option-string"),
        [
            [Arg::OptionString(Some("s".into()))],
            [Arg::OptionString(None)]
        ]
    );
    assert_eq!(
        all(&out, "checked"),
        [[Arg::Bool(true)], [Arg::Bool(false)]]
    );
    assert_eq!(
        all(&out, "unit-result"),
        [[Arg::Bool(true)], [Arg::Bool(false)]]
    );

    // 17 flat parameters (more than 16: passed in memory), in order.
    assert_eq!(
        all(&out, "sum17"),
        [(1..=17).map(Arg::U32).collect::<Vec<_>>()]
    );
}

#[test]
fn std_allocations_interleaved_with_scoped_calls_are_intact() {
    let out = p2("p2-calls").run_component().execute().unwrap();
    out.assert_exit(0);
    // The guest's checks of its own Strings and Vecs next to scope memory passed, and of
    // where `cabi_realloc` put a scoped and an unscoped result made in the same scope...
    let lines: Vec<&str> = out.stdout_str().lines().collect();
    assert_eq!(
        lines[lines.len() - 3..],
        [
            "ok 40 String/Vec built across 200 scopes",
            "ok 41 one scope and std's heap growing side by side",
            "ok 42 scoped result in the scope, unscoped one on the heap",
        ]
    );
    // ...and the host received the std-built strings intact: each short one twice (sent from
    // a `String`, then from the scope's copy), each long one twice (to the scope, then to the
    // global allocator through the same `cabi_realloc`).
    let echoed = all(&out, "echo-string");
    let interleaved = &echoed[1002..];
    let expected: Vec<Vec<Arg>> = (0..200)
        .flat_map(|i| {
            let short = format!("{i}é;");
            [vec![string(&short)], vec![string(&short)]]
        })
        .chain((0..40).flat_map(|i| [vec![string(&piece(i))], vec![string(&piece(i))]]))
        .chain([vec![string("where am I?")], vec![string("where am I?")]])
        .collect();
    assert_eq!(interleaved.len(), expected.len());
    for (n, (got, want)) in interleaved.iter().zip(&expected).enumerate() {
        // Not `assert_eq!`: the long strings would flood the report.
        assert!(got == want, "interleaved echo-string call {n} differs");
    }
}

#[test]
fn resources_are_constructed_borrowed_moved_and_dropped() {
    let out = p2("p2-resources").run_component().execute().unwrap();
    out.assert_exit(0);
    assert_eq!(
        out.stdout_str(),
        "ok output-stream as a resource\nok counter: constructor, method, static, own, borrow, drops\n"
    );
    let host = &out.host;
    assert!(
        host.received.iter().all(|r| r.interface == TYPES_INTERFACE),
        "{:?}",
        host.funcs()
    );
    let calls: Vec<(&str, &[Arg])> = host
        .received
        .iter()
        .map(|r| (r.func, r.args.as_slice()))
        .collect();
    let [
        ("dropped", []),
        ("[constructor]counter", [Arg::U32(2)]),
        ("[constructor]counter", [Arg::U32(5)]),
        ("[method]counter.increment", [inc_self, Arg::U32(3)]),
        ("[method]counter.get", [get_a]),
        ("[static]counter.sum", [sum_a, sum_b]),
        ("[method]counter.get", [get_c]),
        ("[static]counter.consume", [consumed]),
        ("[resource-drop]counter", [drop_first]),
        ("[resource-drop]counter", [drop_second]),
        ("dropped", []),
    ] = calls.as_slice()
    else {
        panic!("unexpected resource calls: {calls:#?}");
    };
    let rep = |arg: &Arg, owned_wanted: bool| match *arg {
        Arg::Counter { rep, owned } => {
            assert_eq!(owned, owned_wanted, "{arg:?}");
            rep
        }
        ref other => panic!("not a counter: {other:?}"),
    };
    // `&Counter` parameters arrive as borrows, `Counter` ones (and drops) as owns.
    let a = rep(inc_self, false);
    assert_eq!(rep(get_a, false), a);
    assert_eq!(rep(sum_a, false), a);
    let b = rep(sum_b, false);
    let c = rep(get_c, false);
    assert!(a != b && b != c && a != c, "{a} {b} {c}");
    assert_eq!(rep(consumed, true), c);
    // `drop((a, b))` drops the tuple's fields in order.
    assert_eq!(rep(drop_first, true), a);
    assert_eq!(rep(drop_second, true), b);
    assert_eq!((host.counters_created, host.counters_dropped), (3, 3));

    // The stream's `Drop` and the counter's are linked in: the `[resource-drop]` imports.
    let resources = p2("p2-resources");
    assert_eq!(core_imports(&resources, "wasi:"), stdout_core_imports());
    assert_eq!(
        core_imports(&resources, "test:"),
        pairs(&[
            ("test:harness/types@0.1", "[constructor]counter"),
            ("test:harness/types@0.1", "[method]counter.get"),
            ("test:harness/types@0.1", "[method]counter.increment"),
            ("test:harness/types@0.1", "[resource-drop]counter"),
            ("test:harness/types@0.1", "[static]counter.consume"),
            ("test:harness/types@0.1", "[static]counter.sum"),
            ("test:harness/types@0.1", "dropped"),
        ])
    );
}

#[test]
fn no_std_hello_prints_and_imports_only_stdout() {
    let hello = p2("p2-hello");
    assert!(hello.is_component());
    let out = hello.run_component().execute().unwrap();
    out.assert_exit(0);
    assert_eq!(out.stdout_str(), "Hello from a no_std component!\n");
    assert_eq!(out.stderr_str(), "");
    assert!(out.host.received.is_empty(), "{:?}", out.host.funcs());
    assert_eq!(imports_without_patch(&hello), stdout_only_imports());
    assert_eq!(core_imports(&hello, "wasi:"), stdout_core_imports());
    assert_no_preview1_adapter(&hello);
    // No allocator, no libc: as small as the hand-written `p2-hello-raw` (under 4 KiB).
    assert!(hello.size() < 4096, "{} bytes", hello.size());
}

#[test]
fn no_std_scoped_results_leave_the_page_count_flat() {
    let scoped = p2("p2-scoped");
    let out = scoped.run_component().execute().unwrap();
    out.assert_exit(0);
    let stdout = out.stdout_str();
    let lines: Vec<&str> = stdout.lines().collect();
    let [
        "ok echo-string into a scope",
        "ok 10,000 scoped echo-string calls",
        pages,
        "ok page count flat after 10,000 calls",
        "ok echo-bytes, nested scope, empty list",
        "ok option<string> into a scope",
    ] = lines.as_slice()
    else {
        panic!("p2-scoped printed:\n{stdout}");
    };
    let counts: Vec<u32> = pages
        .strip_prefix("pages at start: ")
        .map(|rest| {
            rest.split([',', ':'])
                .filter_map(|part| part.trim().parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let [at_start, first, after] = counts[..] else {
        panic!("no page counts: {pages:?}");
    };
    assert_eq!(
        *pages,
        format!(
            "pages at start: {at_start}, after the first call: {first}, after 10,000 more: {after}"
        )
    );
    // The first scope takes one chunk (a page: the string is short); the 10,000 scopes after
    // it reuse that chunk.
    assert_eq!(first, at_start + 1, "{pages}");
    assert_eq!(after, first, "{pages}");
    let text = "a string the host sends back, ü✓";
    let echoed = all(&out, "echo-string");
    assert_eq!(echoed.len(), 10_001);
    assert!(echoed.iter().all(|args| *args == [string(text)]));
    assert_eq!(
        all(&out, "echo-bytes"),
        [[Arg::Bytes(vec![1, 2, 3])], [Arg::Bytes(Vec::new())]]
    );
    assert_eq!(
        all(&out, "echo-option-string"),
        [
            [Arg::OptionString(Some(String::new()))],
            [Arg::OptionString(None)]
        ]
    );
    assert_eq!(out.host.received.len(), 10_001 + 2 + 2);
    assert_no_preview1_adapter(&scoped);
}

#[test]
fn declarations_from_another_crate_link_in_debug_and_release() {
    for profile in [Profile::Debug, Profile::Release] {
        let cross = guest_for("p2-cross", Target::Wasip2, profile).unwrap();
        assert!(cross.is_component(), "{profile:?}");
        let out = cross.run_component().execute().unwrap();
        out.assert_exit(0);
        assert_eq!(out.stdout_str(), "Hello across crates!\n", "{profile:?}");
        assert_eq!(
            imports_without_patch(&cross),
            stdout_only_imports(),
            "{profile:?}"
        );
        assert_eq!(
            core_imports(&cross, "wasi:"),
            stdout_core_imports(),
            "{profile:?}"
        );
        assert_no_preview1_adapter(&cross);
    }
}
