//! Components built for wasm32-wasip2, run in wasmtime's Component Model: a std program
//! (`p2-std-hello`) and the hand-written reference guest of the harness world
//! (`p2-harness-raw`), whose calls the host records.

use wasm_function_tests::{
    Arg, CALLS_INTERFACE, ComponentImport, Guest, Number, Point, Profile, Segment, TYPES_INTERFACE,
    Target, Wide, guest, guest_for,
};

fn p2(name: &str) -> Guest {
    guest_for(name, Target::Wasip2, Profile::Release).unwrap()
}

#[test]
fn std_component_prints_its_args_env_and_a_preopened_file() {
    let hello = p2("p2-std-hello");
    assert!(hello.is_component());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("note.txt"), "from the host, ünïcode").unwrap();
    let out = hello
        .run_component()
        .args(["one", "two words"])
        .env("GREETING", "grüß dich")
        .env("READ", "data/note.txt")
        .preopen(dir.path(), "data")
        .execute()
        .unwrap();
    out.assert_exit(0);
    assert_eq!(
        out.stdout_str(),
        "hello from p2-std-hello\n\
         args: [\"p2-std-hello\", \"one\", \"two words\"]\n\
         env: GREETING=grüß dich\n\
         env: READ=data/note.txt\n\
         data/note.txt: from the host, ünïcode\n"
    );
    assert_eq!(out.stderr_str(), "p2-std-hello on stderr\n");
    assert!(out.fuel_consumed > 0);
    assert_eq!(out.host.received, []);
}

#[test]
fn std_component_exit_codes() {
    let hello = p2("p2-std-hello");
    let out = hello.run_component().arg("exit=0").execute().unwrap();
    out.assert_exit(0);
    // std's `process::exit(3)` goes through wasi-libc to `wasi:cli/exit.exit(err)`, which
    // carries no code: the host sees 1.
    let out = hello.run_component().arg("exit=3").execute().unwrap();
    out.assert_exit(1);
    // A panic in `main` (here: `exit=x` is not a number) aborts: a trap.
    let out = hello.run_component().arg("exit=x").execute().unwrap();
    assert_eq!(out.exit_code, 134);
    let trap = out.trap.as_deref().unwrap();
    assert!(trap.contains("unreachable"), "{trap}");
    assert!(
        out.stderr_str().contains("exit=N takes a number"),
        "{}",
        out.stderr_str()
    );
}

#[test]
fn std_component_imports_read_back() {
    let imports = p2("p2-std-hello").component_imports().unwrap();
    let names: Vec<&str> = imports.iter().map(|i| i.name.as_str()).collect();
    assert!(names.iter().all(|n| n.starts_with("wasi:")), "{names:?}");
    let find = |prefix: &str| {
        imports
            .iter()
            .find(|i| i.name.starts_with(prefix))
            .unwrap_or_else(|| panic!("no import {prefix}*: {names:?}"))
    };
    let stdout = find("wasi:cli/stdout@0.2.");
    assert_eq!(stdout.funcs, ["get-stdout"]);
    assert_eq!(stdout.resources, ["output-stream"]);
    let mut env = find("wasi:cli/environment@0.2.").clone().sorted();
    env.name.clear();
    assert_eq!(
        env,
        ComponentImport::new("", &["get-arguments", "get-environment"])
    );
    assert_eq!(
        find("wasi:filesystem/preopens@0.2.").funcs,
        ["get-directories"]
    );
}

#[test]
fn components_and_core_modules_are_told_apart() {
    let core = guest("smoke-raw").unwrap();
    assert!(!core.is_component());
    let err = core.run_component().execute().unwrap_err();
    assert!(format!("{err:#}").contains("core module"), "{err:#}");
    let err = core.component_imports().unwrap_err();
    assert!(format!("{err:#}").contains("not a component"), "{err:#}");

    let component = p2("p2-std-hello");
    assert!(wasm_function_tests::is_component(&component.bytes));
    assert_eq!(component.bytes[..8], wasm_function_tests::COMPONENT_HEADER);
    let err = component.run().execute().unwrap_err();
    assert!(format!("{err:#}").contains("is a component"), "{err:#}");
}

#[test]
fn hand_written_guest_imports_exactly_what_it_declares() {
    let imports = p2("p2-harness-raw").component_imports().unwrap();
    let harness: Vec<ComponentImport> = imports
        .iter()
        .filter(|i| i.name.starts_with("test:"))
        .cloned()
        .map(ComponentImport::sorted)
        .collect();
    let calls = [
        "echo-bool",
        "echo-u8",
        "echo-s8",
        "echo-u16",
        "echo-s16",
        "echo-u32",
        "echo-s32",
        "echo-u64",
        "echo-s64",
        "echo-f32",
        "echo-f64",
        "echo-char",
        "f64-bits",
        "f32-bits",
        "string-len",
        "echo-string",
        "echo-bytes",
        "echo-strings",
        "sum-list",
        "echo-point",
        "echo-segment",
        "echo-tuple",
        "echo-number",
        "echo-color",
        "echo-perms",
        "echo-wide",
        "echo-option",
        "echo-option-string",
        "checked",
        "unit-result",
        "sum17",
        "received-count",
    ];
    assert_eq!(
        harness,
        [
            ComponentImport::new(
                TYPES_INTERFACE,
                &[
                    "[constructor]counter",
                    "[method]counter.increment",
                    "[method]counter.get",
                    "[static]counter.sum",
                    "[static]counter.consume",
                    "dropped",
                ]
            )
            .with_resources(&["counter"])
            .sorted(),
            ComponentImport::new(CALLS_INTERFACE, &calls).sorted(),
        ]
    );
    // Besides the harness world, only what std uses itself.
    assert!(
        imports
            .iter()
            .all(|i| i.name.starts_with("test:harness/") || i.name.starts_with("wasi:")),
        "{imports:?}"
    );
}

#[test]
fn hand_written_guest_calls_the_harness_world() {
    let out = p2("p2-harness-raw").run_component().execute().unwrap();
    out.assert_exit(0);
    assert_eq!(
        out.stdout_str(),
        "ok scalars\nok strings and lists\necho-perms(0xfffffffd) returned 0xfd\nok records and variants\nok options and results\n\
         ok sum17\nok resources\nreceived-count: 54\n"
    );
    let host = &out.host;
    assert_eq!(host.received.len(), 55);
    assert_eq!(host.funcs().last(), Some(&"received-count"));
    let one = |func: &str| -> Vec<Arg> {
        let calls = host.args_of(func);
        assert_eq!(calls.len(), 1, "calls of {func}: {calls:?}");
        calls[0].to_vec()
    };
    let all = |func: &str| -> Vec<Vec<Arg>> {
        host.args_of(func)
            .into_iter()
            .map(<[Arg]>::to_vec)
            .collect()
    };

    // Scalars, bit for bit.
    assert_eq!(all("echo-bool"), [[Arg::Bool(true)], [Arg::Bool(false)]]);
    assert_eq!(one("echo-u8"), [Arg::U8(255)]);
    assert_eq!(one("echo-s8"), [Arg::S8(-128)]);
    assert_eq!(one("echo-u16"), [Arg::U16(65535)]);
    assert_eq!(one("echo-s16"), [Arg::S16(-32768)]);
    assert_eq!(one("echo-u32"), [Arg::U32(u32::MAX)]);
    assert_eq!(one("echo-s32"), [Arg::S32(i32::MIN)]);
    assert_eq!(one("echo-u64"), [Arg::U64(u64::MAX)]);
    assert_eq!(one("echo-s64"), [Arg::S64(i64::MIN)]);
    assert_eq!(one("echo-f32"), [Arg::F32(1.5f32.to_bits())]);
    assert_eq!(one("echo-f64"), [Arg::F64((-0.0f64).to_bits())]);
    assert_eq!(all("echo-char"), [[Arg::Char('é')], [Arg::Char('🦀')]]);
    assert_eq!(one("f64-bits"), [Arg::F64(0x7ff8_0000_0000_0001)]);
    assert_eq!(one("f32-bits"), [Arg::F32(0x7fc0_0001)]);

    // Strings and lists.
    let string = |s: &str| Arg::String(s.to_owned());
    assert_eq!(all("string-len"), [[string("")], [string("héllo")]]);
    assert_eq!(
        all("echo-string"),
        [[string("")], [string("grüße, 世界 🦀")]]
    );
    assert_eq!(one("echo-bytes"), [Arg::Bytes(vec![0, 1, 254, 255])]);
    assert_eq!(
        one("echo-strings"),
        [Arg::Strings(vec!["a".into(), "".into(), "ünï".into()])]
    );
    assert_eq!(one("sum-list"), [Arg::U32s(vec![1, 2, u32::MAX])]);

    // Records, tuples, variants, enums, flags.
    assert_eq!(one("echo-point"), [Arg::Point(Point { x: -3, y: 4 })]);
    assert_eq!(
        one("echo-segment"),
        [Arg::Segment(Segment {
            start: Point { x: 1, y: 2 },
            end: Point { x: 3, y: 4 },
            label: "diagonal ↗".into(),
        })]
    );
    assert_eq!(
        one("echo-tuple"),
        [Arg::Tuple(200, "τ".into(), 2.5f64.to_bits())]
    );
    assert_eq!(
        all("echo-number"),
        [
            [Arg::Number(Number::Float(-1.25))],
            [Arg::Number(Number::Int(-7))],
            [Arg::Number(Number::Text("zwölf".into()))],
            [Arg::Number(Number::Nothing)],
        ]
    );
    assert_eq!(
        one("echo-color"),
        [Arg::Color(wasm_function_tests::Color::Blue)]
    );
    // Sent as 0b101, then as all bits but `write`'s: wasmtime keeps the unknown bits of the
    // byte `perms` is stored in (the guest sees them come back, see its stdout).
    let perms: Vec<u32> = all("echo-perms")
        .iter()
        .map(|args| match args.as_slice() {
            [Arg::Perms(p)] => p.as_array()[0],
            other => panic!("echo-perms got {other:?}"),
        })
        .collect();
    assert_eq!(perms, [0b101, 0b1111_1101]);
    assert_eq!(one("echo-wide"), [Arg::Wide(Wide::B31 | Wide::B0)]);

    // Options and results.
    assert_eq!(
        all("echo-option"),
        [[Arg::OptionU32(Some(42))], [Arg::OptionU32(None)]]
    );
    assert_eq!(
        one("echo-option-string"),
        [Arg::OptionString(Some("ja".into()))]
    );
    assert_eq!(all("checked"), [[Arg::Bool(true)], [Arg::Bool(false)]]);
    assert_eq!(all("unit-result"), [[Arg::Bool(true)], [Arg::Bool(false)]]);

    // 17 flat parameters, passed in memory.
    assert_eq!(one("sum17"), (1..=17).map(Arg::U32).collect::<Vec<_>>());

    // The resource: borrows for methods and `sum`, ownership for `consume` and drops.
    let resource_calls: Vec<(&str, Vec<Arg>)> = host
        .received
        .iter()
        .filter(|r| r.interface == TYPES_INTERFACE)
        .map(|r| (r.func, r.args.clone()))
        .collect();
    let [
        (_, dropped0),
        (_, new_a),
        (_, new_b),
        (_, inc),
        (_, get_a),
        (_, sum),
        (_, get_c),
        (_, consume),
        (_, dropped1),
        (_, drop_a),
        (_, drop_b),
        (_, dropped2),
    ] = resource_calls.as_slice()
    else {
        panic!("unexpected resource calls: {resource_calls:#?}");
    };
    let names: Vec<&str> = resource_calls.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        names,
        [
            "dropped",
            "[constructor]counter",
            "[constructor]counter",
            "[method]counter.increment",
            "[method]counter.get",
            "[static]counter.sum",
            "[method]counter.get",
            "[static]counter.consume",
            "dropped",
            "[resource-drop]counter",
            "[resource-drop]counter",
            "dropped",
        ]
    );
    assert!(dropped0.is_empty() && dropped1.is_empty() && dropped2.is_empty());
    assert_eq!(
        (new_a.as_slice(), new_b.as_slice()),
        ([Arg::U32(10)].as_slice(), [Arg::U32(5)].as_slice())
    );
    let rep = |arg: &Arg, owned_wanted: bool| match *arg {
        Arg::Counter { rep, owned } => {
            assert_eq!(owned, owned_wanted, "{arg:?}");
            rep
        }
        ref other => panic!("not a counter: {other:?}"),
    };
    let a = rep(&inc[0], false);
    assert_eq!(inc[1], Arg::U32(3));
    assert_eq!(rep(&get_a[0], false), a);
    let b = rep(&sum[1], false);
    assert_eq!(rep(&sum[0], false), a);
    assert_ne!(a, b);
    let c = rep(&get_c[0], false);
    assert_eq!(rep(&consume[0], true), c);
    assert_eq!(rep(&drop_a[0], true), a);
    assert_eq!(rep(&drop_b[0], true), b);
    assert_eq!((host.counters_created, host.counters_dropped), (3, 3));
}

/// Runs the `run` binary with `args` in `dir`, stdin empty: (stdout, stderr, exit code).
fn run_bin(dir: &std::path::Path, args: &[&str]) -> (String, String, Option<i32>) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_run"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the run binary runs");
    (
        String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        output.status.code(),
    )
}

#[test]
fn run_binary_builds_and_runs_a_guest_for_wasip2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("f.txt"), "in the cwd").unwrap();
    let (stdout, stderr, code) = run_bin(
        dir.path(),
        &[
            "--target",
            "wasm32-wasip2",
            "--env",
            "READ=f.txt",
            "--guest",
            "p2-std-hello",
            "exit=0",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        "hello from p2-std-hello\nargs: [\"p2-std-hello\", \"exit=0\"]\nenv: READ=f.txt\n\
         f.txt: in the cwd\n"
    );
    assert!(stderr.starts_with("p2-std-hello on stderr\n"), "{stderr}");
    assert!(
        stderr.contains("[run] p2-std-hello: exit 0, fuel "),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("[run] harness world: 0 calls received\n"),
        "{stderr}"
    );

    let hello = p2("p2-hello-raw");
    let (stdout, stderr, code) = run_bin(dir.path(), &["--wasm", hello.path.to_str().unwrap()]);
    assert_eq!(
        (stdout.as_str(), code),
        ("Hello, world!\n", Some(0)),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("wasm size {} bytes", hello.size())),
        "{stderr}"
    );

    let (_, stderr, code) = run_bin(dir.path(), &["--target", "wasm32-wasip3", "cat"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("wasm32-wasip1 or wasm32-wasip2"),
        "{stderr}"
    );
}

/// The runtime's std examples use WASI preview1 imports; on wasm32-wasip2 the linker wraps them
/// with its preview1 adapter, so they run as components too.
#[test]
fn run_binary_runs_a_preview1_example_as_a_component() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "alpha\n").unwrap();
    let (stdout, stderr, code) = run_bin(
        dir.path(),
        &["--target", "wasm32-wasip2", "cat", "a.txt", "a.txt"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout, "alpha\nalpha\n");
    assert!(
        stderr.contains("[run] harness world: 0 calls received"),
        "{stderr}"
    );
}

#[test]
fn debug_build_of_a_component_runs() {
    let hello = guest_for("p2-std-hello", Target::Wasip2, Profile::Debug).unwrap();
    let release = p2("p2-std-hello");
    assert_ne!(hello.path, release.path);
    assert!(
        hello.path.to_string_lossy().contains("debug"),
        "{:?}",
        hello.path
    );
    let out = hello.run_component().execute().unwrap();
    out.assert_exit(0);
    assert!(out.stdout_str().starts_with("hello from p2-std-hello\n"));
}

#[test]
fn no_std_component_with_hand_written_externs_runs() {
    let hello = p2("p2-hello-raw");
    assert!(hello.is_component());
    let out = hello.run_component().execute().unwrap();
    out.assert_exit(0);
    assert_eq!(out.stdout_str(), "Hello, world!\n");
    assert_eq!(out.stderr_str(), "");
    // The section names WASI 0.2.0; the linker merges it with the component types the target's
    // own libraries carry and keeps one import per interface at the newest 0.2 version (0.2.6
    // with Rust 1.95): compare the names without their patch version.
    let imports: Vec<ComponentImport> = hello
        .component_imports()
        .unwrap()
        .into_iter()
        .map(|mut import| {
            let (name, version) = import.name.rsplit_once('@').unwrap();
            assert!(version.starts_with("0.2."), "{}", import.name);
            import.name = format!("{name}@0.2");
            import.sorted()
        })
        .collect();
    assert_eq!(
        imports,
        [
            ComponentImport::new("wasi:io/error@0.2", &[]).with_resources(&["error"]),
            ComponentImport::new(
                "wasi:io/streams@0.2",
                &["[method]output-stream.blocking-write-and-flush"]
            )
            .with_resources(&["error", "output-stream"]),
            ComponentImport::new("wasi:cli/stdout@0.2", &["get-stdout"])
                .with_resources(&["output-stream"]),
        ]
    );
    // No allocator, no libc: a few kilobytes.
    assert!(hello.size() < 4096, "{} bytes", hello.size());
}

#[test]
fn limits_apply_to_components() {
    let hello = p2("p2-std-hello");
    // std's memory starts above one page: instantiation fails under a one-page cap.
    let err = hello
        .run_component()
        .max_memory(64 * 1024)
        .execute()
        .unwrap_err();
    assert!(format!("{err:#}").contains("memory"), "{err:#}");
    // Too little fuel to finish: a trap, reported as an outcome.
    let out = hello.run_component().fuel(1000).execute().unwrap();
    assert_eq!(out.exit_code, 134);
    assert!(
        out.trap.as_deref().unwrap().contains("fuel"),
        "{:?}",
        out.trap
    );
    assert_eq!(out.fuel_consumed, 1000);
}
