//! One no_std program (`tests/guests/p2-wasi`) built for wasm32-wasip1 (a core module) and
//! wasm32-wasip2 (a component whose safe layer runs over WASI 0.2 natively), run in wasmtime
//! with the same inputs: both print the same checks. On p2 the component's imports are read
//! back: exactly the WASI 0.2 interfaces it uses, and nothing of preview1.

use wasm_function_tests::{Guest, Profile, Target, guest_for, read_component_imports};

const ARGS: [&str; 4] = ["two words", "ünïcödé ✓", "", "--flag=1"];
const ENV: [(&str, &str); 3] = [
    ("GREETING", "grüß dich"),
    ("WITH_EQUALS", "a=b=c"),
    ("EMPTY", ""),
];
const STDIN: &[u8] = "line one\nzwei: ü ✓\n".as_bytes();

/// What both targets print, in order (`info` lines, which vary, are left out by `checks`).
fn expected_common(env: &[(&str, &str)]) -> Vec<String> {
    let mut lines = vec![format!("ok args-count {}", ARGS.len() + 1)];
    for (i, arg) in ARGS.iter().enumerate() {
        lines.push(format!("ok arg {} {arg:?}", i + 1));
    }
    lines.push(format!("ok env-count {}", env.len()));
    for (name, value) in env {
        lines.push(format!("ok env {name}={value:?}"));
    }
    let stdin = std::str::from_utf8(STDIN).unwrap();
    lines.extend([
        "ok stdin-zero-length no bytes, no error but INTR".to_owned(),
        "ok stdin-eof a read after the end -> ok".to_owned(),
        format!("ok stdin {} bytes {stdin:?}", STDIN.len()),
        "x".repeat(10_000),
        "ok stdout-long 10001 bytes -> ok".to_owned(),
        "ok write-bad-fd fd 77 -> badf".to_owned(),
        "ok write-stdin fd 0 -> badf".to_owned(),
        "ok realtime after 2020".to_owned(),
        "ok resolution monotonic in (0, 1 s]".to_owned(),
        "ok monotonic 100 readings never decrease".to_owned(),
        "ok sleep 20 ms took at least 20 ms".to_owned(),
        "ok poll-timeouts of 3 ms and 60 s, 1 event(s), userdata 7".to_owned(),
        "ok poll-abstime a monotonic deadline 3 ms ahead fired, not early".to_owned(),
        "ok poll-nothing no subscriptions -> inval".to_owned(),
        "ok poll-stdout fd_write on stdout is ready".to_owned(),
        "ok random 32 bytes not all equal; two draws differ".to_owned(),
        "ok random-zero-length -> ok".to_owned(),
        "ok random-huge 1 MiB -> ok, tail filled".to_owned(),
    ]);
    lines
}

/// What only the p2 build prints, through `wasi::p2` directly.
fn expected_p2(env_len: usize) -> Vec<String> {
    vec![
        "ok p2 output-stream write_all".to_owned(),
        "ok p2-stream through get-stdout".to_owned(),
        "ok p2-check-write room to write".to_owned(),
        "ok p2-datetime wall-clock now after 2020, nanoseconds < 1e9".to_owned(),
        "ok p2-poll of 60 s and 2 ms, index 1 ready after >= 2 ms".to_owned(),
        format!(
            "ok p2-arguments {} from get-arguments, as env::args_in",
            ARGS.len() + 1
        ),
        format!("ok p2-environment {env_len} pairs from get-environment, as env::vars_in"),
        "ok p2-stdin-closed blocking-read at the end -> closed".to_owned(),
    ]
}

/// The output without the `info` lines.
fn checks(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|line| !line.starts_with("info "))
        .map(str::to_owned)
        .collect()
}

fn build(target: Target) -> Guest {
    guest_for("p2-wasi", target, Profile::Release).unwrap()
}

/// Runs the guest on `target` with the test's inputs plus `extra` variables: (stdout,
/// stderr, exit code).
fn run(guest: &Guest, target: Target, extra: &[(&str, &str)]) -> (String, String, i32) {
    let mut env: Vec<(&str, &str)> = ENV.to_vec();
    env.extend_from_slice(extra);
    match target {
        Target::Wasip1 => {
            let mut run = guest.run().args(ARGS).stdin(STDIN);
            for (name, value) in &env {
                run = run.env(name, value);
            }
            let out = run.execute().unwrap();
            assert!(out.trap.is_none(), "trap: {:?}", out.trap);
            (
                out.stdout_str().to_owned(),
                out.stderr_str().to_owned(),
                out.exit_code,
            )
        }
        Target::Wasip2 => {
            let mut run = guest.run_component().args(ARGS).stdin(STDIN);
            for (name, value) in &env {
                run = run.env(name, value);
            }
            let out = run.execute().unwrap();
            assert!(out.trap.is_none(), "trap: {:?}", out.trap);
            (
                out.stdout_str().to_owned(),
                out.stderr_str().to_owned(),
                out.exit_code,
            )
        }
    }
}

#[test]
fn same_program_same_output_on_both_targets() {
    let mut outputs = Vec::new();
    for target in [Target::Wasip1, Target::Wasip2] {
        let guest = build(target);
        assert_eq!(guest.is_component(), target == Target::Wasip2);
        let (stdout, stderr, code) = run(&guest, target, &[]);
        let mut expected = expected_common(&ENV);
        if target == Target::Wasip2 {
            expected.extend(expected_p2(ENV.len()));
        }
        expected.push("done 0 failed, exit 0".to_owned());
        let got = checks(&stdout);
        for (at, (got, want)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(got, want, "{target:?} line {at}");
        }
        assert_eq!(
            got.len(),
            expected.len(),
            "{target:?}: {:?}",
            &got[expected.len().min(got.len())..]
        );
        assert_eq!(stderr, "a line on stderr from p2-wasi\n", "{target:?}");
        assert_eq!(code, 0, "{target:?}");
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with("info sleep 20 ms took")),
            "{stdout}"
        );
        outputs.push(checks(&stdout));
    }
    // The shared part is identical: p2's extra lines come after it, before `done`.
    let p1 = &outputs[0];
    let p2 = &outputs[1];
    assert_eq!(p1[..p1.len() - 1], p2[..p1.len() - 1]);
}

#[test]
fn cpu_time_clocks_are_badf_on_p2_as_in_wasmtime_preview1() {
    for target in [Target::Wasip1, Target::Wasip2] {
        let (stdout, _, _) = run(&build(target), target, &[]);
        let line = stdout
            .lines()
            .find(|l| l.starts_with("info process-cputime"))
            .unwrap_or_else(|| panic!("{stdout}"));
        println!("{target:?}: {line}");
        if target == Target::Wasip2 {
            assert_eq!(line, "info process-cputime badf");
        }
    }
}

#[test]
fn exit_codes() {
    for target in [Target::Wasip1, Target::Wasip2] {
        let guest = build(target);
        let (stdout, _, code) = run(&guest, target, &[("EXIT_CODE", "0")]);
        assert_eq!(
            code,
            0,
            "{}",
            checks(&stdout)
                .iter()
                .filter(|l| !l.starts_with("ok "))
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        let (stdout, _, code) = run(&guest, target, &[("EXIT_CODE", "3")]);
        assert!(stdout.ends_with("done 0 failed, exit 3\n"), "{stdout}");
        // WASI 0.2.0's `exit` carries only ok/err: every nonzero code is 1 on p2.
        let want = if target == Target::Wasip2 { 1 } else { 3 };
        assert_eq!(code, want, "{target:?}");
        let (_, _, code) = run(&guest, target, &[("EXIT_CODE", "not a number")]);
        assert_eq!(code, if target == Target::Wasip2 { 1 } else { 2 });
    }
}

#[test]
fn empty_stdin_reads_as_the_end() {
    for target in [Target::Wasip1, Target::Wasip2] {
        let guest = build(target);
        let out = match target {
            Target::Wasip1 => guest.run().execute().unwrap().stdout_str().to_owned(),
            Target::Wasip2 => guest
                .run_component()
                .execute()
                .unwrap()
                .stdout_str()
                .to_owned(),
        };
        assert!(out.contains("ok stdin 0 bytes \"\"\n"), "{target:?}: {out}");
        assert!(out.contains("ok stdin-eof"), "{target:?}: {out}");
        assert!(out.contains("done 0 failed, exit 0"), "{target:?}: {out}");
    }
}

/// The WASI 0.2 interfaces the p2 build imports: exactly those its safe layer and its
/// `wasi::p2` part use. The attribute names them `@0.2.0`; the component imports them at the
/// version of the built-in WIT (`0.2.x`), which hosts of 0.2.0 accept by semver.
const P2_INTERFACES: [&str; 11] = [
    "wasi:cli/environment",
    "wasi:cli/exit",
    "wasi:cli/stderr",
    "wasi:cli/stdin",
    "wasi:cli/stdout",
    "wasi:clocks/monotonic-clock",
    "wasi:clocks/wall-clock",
    "wasi:io/error",
    "wasi:io/poll",
    "wasi:io/streams",
    "wasi:random/random",
];

#[test]
fn p2_component_imports_wasi_0_2_only() {
    let guest = build(Target::Wasip2);
    let bytes = std::fs::read(&guest.path).unwrap();
    let imports = read_component_imports(&bytes).unwrap();
    let mut names: Vec<&str> = imports.iter().map(|i| i.name.as_str()).collect();
    names.sort_unstable();
    let unversioned: Vec<&str> = names
        .iter()
        .map(|name| {
            let (interface, version) = name.split_once('@').unwrap();
            assert!(version.starts_with("0.2."), "{name}");
            interface
        })
        .collect();
    assert_eq!(unversioned, P2_INTERFACES);
    let funcs = |name: &str| {
        let mut funcs = imports
            .iter()
            .find(|i| i.name.split('@').next() == Some(name))
            .unwrap()
            .funcs
            .clone();
        funcs.sort();
        funcs
    };
    assert_eq!(
        funcs("wasi:cli/environment"),
        ["get-arguments", "get-environment"]
    );
    assert_eq!(funcs("wasi:random/random"), ["get-random-bytes"]);
    assert_eq!(
        funcs("wasi:clocks/monotonic-clock"),
        [
            "now",
            "resolution",
            "subscribe-duration",
            "subscribe-instant"
        ]
    );

    // No preview1 anywhere: no core module of the component imports from
    // `wasi_snapshot_preview1` (the adapter's module, which would itself be a nested core
    // module importing `wasi:*` and exporting preview1), and the name does not occur at all.
    let mut core_modules = 0;
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        match payload.unwrap() {
            wasmparser::Payload::ModuleSection { .. } => core_modules += 1,
            wasmparser::Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    let import = import.unwrap();
                    assert_ne!(import.module, "wasi_snapshot_preview1", "{}", import.name);
                    // wit-component's fixup module imports its table slots from "".
                    assert!(
                        import.module.starts_with("wasi:") || import.module.is_empty(),
                        "core import from {} ({})",
                        import.module,
                        import.name
                    );
                }
            }
            _ => {}
        }
    }
    assert!(
        !bytes
            .windows(b"wasi_snapshot_preview1".len())
            .any(|w| w == b"wasi_snapshot_preview1"),
        "the component mentions wasi_snapshot_preview1"
    );
    // The main module plus wit-component's shim modules for indirect calls, no adapter.
    assert!(core_modules <= 3, "{core_modules} core modules");
    // The preview1 adapter alone is about 100 KB; without it the component stays small.
    println!(
        "p2-wasi release component: {} bytes, {} core modules, imports {names:?}",
        bytes.len(),
        core_modules
    );
    assert!(bytes.len() < 80_000, "{} bytes", bytes.len());
}

/// The owned forms (`String`, `Vec`, runtime feature `std`) in a std program, each agreeing
/// with std's own view.
#[test]
fn owned_forms_in_a_std_component() {
    let guest = guest_for("p2-wasi-std", Target::Wasip2, Profile::Release).unwrap();
    let out = guest
        .run_component()
        .args(["two words", "ünï ✓"])
        .env("GREETING", "grüß dich")
        .env("EMPTY", "")
        .stdin(b"from the host \xc3\xbc")
        .execute()
        .unwrap();
    out.assert_exit(0);
    let lines: Vec<&str> = out.stdout_str().lines().collect();
    assert_eq!(
        lines,
        [
            r#"ok get-arguments ["two words", "ünï ✓"]"#,
            r#"ok get-environment [("GREETING", "grüß dich"), ("EMPTY", "")]"#,
            lines[2],
            "ok get-random-bytes 64 bytes, two draws differ",
            "ok get-random-bytes-0 empty",
            "ok insecure 8 bytes",
            "ok insecure-seed the same twice",
            "ok poll [0]",
            r#"ok stdin "from the host ü" then closed"#,
            "ok written through wasi::p2",
            "ok stdout write_all",
        ]
    );
    assert!(lines[2].starts_with("ok initial-cwd "), "{}", lines[2]);
}

/// The second runtime of p2, jco under Node, runs the same component with the same inputs
/// and prints the same checks, stderr and exit code as wasmtime. (The p1 build is not run
/// under Node's `node:wasi` here: it never returns from a `poll_oneoff` with an absolute
/// monotonic deadline, the `poll-abstime` check; `wasi_e2e.rs` cross-checks args, env,
/// clocks and random under Node with the `wasi-env` guest.)
#[test]
fn jco_prints_the_same_checks_as_wasmtime() {
    use wasm_function_tests::{ComponentInputs, jco_run};

    let p2 = build(Target::Wasip2);
    let (want, want_err, want_code) = run(&p2, Target::Wasip2, &[]);
    let mut inputs = ComponentInputs::new().args(ARGS).stdin(STDIN);
    for (name, value) in ENV {
        inputs = inputs.env(name, value);
    }
    match jco_run(&p2, &inputs).unwrap() {
        Some(jco) => {
            assert!(jco.trap.is_none(), "jco trap: {:?}", jco.trap);
            assert_eq!(checks(&jco.stdout_str()), checks(&want), "jco");
            assert_eq!(jco.stderr_str(), want_err, "jco");
            assert_eq!(jco.exit_code, want_code, "jco");
        }
        None => {
            eprintln!("jco is not installed (npm ci in tests/jco): the jco comparison is skipped");
        }
    }
}
