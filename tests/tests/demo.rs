//! README's first command: the `run` binary builds the demo example for wasm32-wasip1 and runs
//! it in the embedded runtime.

use std::process::Command;

#[test]
fn the_demo_runs_and_prints_what_it_should() {
    let output = Command::new(env!("CARGO_BIN_EXE_run"))
        .output()
        .expect("the run binary starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "exit {:?}\n{stdout}\n{stderr}",
        output.status
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "Hello from wasm-function: this line went through a scoped iovec."
    );
    // 65 = the line above and its newline: short writes were completed.
    assert_eq!(lines[1], "fd_write reported 65 bytes written");
    assert!(
        lines[2].starts_with("nested scopes: ") && lines[2].ends_with("(reused)"),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        "[host log level 1] a message for the host, passed as a pointer and a length"
    );
    assert_eq!(lines[4], "demo_host.add_i64(40, 2) = 42");
    assert_eq!(
        lines.last().copied(),
        Some("bye: exiting through proc_exit(0)")
    );
    assert!(stderr.contains("[run] demo: exit 0"), "{stderr}");
}

/// Checks the p2 demo's stdout (`runtime/examples/demo/p2.rs`), from any runtime.
fn check_p2_demo_output(stdout: &str, what: &str) {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{what}: {stdout}");
    assert_eq!(
        lines[..2],
        [
            "Hello from wasm-function on wasm32-wasip2: this line went through println!.",
            "and this one through wasi:cli/stdout and wasi:io/streams, declared with #[wasm_function].",
        ],
        "{what}"
    );
    // The budget is the host's; the 90 bytes are the second line and its newline.
    let budget: u64 = lines[2]
        .strip_prefix("check-write allowed ")
        .and_then(|rest| rest.strip_suffix(" bytes; 90 were written; the stream was dropped"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{what}: {}", lines[2]));
    assert!(budget > 0, "{what}: {}", lines[2]);
    let seconds: u64 = lines[3]
        .strip_prefix("wall clock: ")
        .and_then(|rest| rest.split('.').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{what}: {}", lines[3]));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    assert!(now.abs_diff(seconds) < 600, "{what}: {seconds} vs {now}");
    assert!(
        lines[3].contains(" s since the epoch (resolution "),
        "{what}: {}",
        lines[3]
    );
    assert!(
        lines[4].starts_with("monotonic clock: ") && lines[4].ends_with("(not going back)"),
        "{what}: {}",
        lines[4]
    );
    let random = lines[5]
        .strip_prefix("random: 16 bytes ")
        .unwrap_or_else(|| panic!("{what}: {}", lines[5]));
    let (hex, u64_hex) = random
        .split_once(", and a u64 0x")
        .unwrap_or_else(|| panic!("{what}: {}", lines[5]));
    assert_eq!(hex.len(), 32, "{what}: {hex}");
    assert_eq!(u64_hex.len(), 16, "{what}: {u64_hex}");
    assert!(
        hex.bytes()
            .chain(u64_hex.bytes())
            .all(|b| b.is_ascii_hexdigit()),
        "{what}: {}",
        lines[5]
    );
    assert_eq!(
        lines[6], "bye: returning from main, so wasi:cli/run returns ok",
        "{what}"
    );
}

#[test]
fn the_p2_demo_runs_and_prints_what_it_should() {
    let output = Command::new(env!("CARGO_BIN_EXE_run"))
        .args(["--target", "wasm32-wasip2", "demo"])
        .output()
        .expect("the run binary starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "exit {:?}\n{stdout}\n{stderr}",
        output.status
    );
    check_p2_demo_output(&stdout, "wasmtime");
    assert!(stderr.contains("[run] demo: exit 0"), "{stderr}");
}

#[test]
fn the_p2_demo_imports_wasi_0_2_and_runs_the_same_in_jco() {
    use wasm_function_tests::{
        ComponentInputs, Profile, Target, example_for, jco_missing, jco_run,
    };

    let demo = example_for("demo", Target::Wasip2, Profile::Release).expect("the p2 demo builds");
    let imports = demo.component_imports().expect("a component");
    for interface in [
        "wasi:cli/stdout@",
        "wasi:io/streams@",
        "wasi:clocks/wall-clock@",
        "wasi:clocks/monotonic-clock@",
        "wasi:random/random@",
    ] {
        assert!(
            imports.iter().any(|i| i.name.starts_with(interface)),
            "{interface}: {imports:?}"
        );
    }
    let Some(jco) = jco_run(&demo, &ComponentInputs::new()).expect("the demo runs under jco")
    else {
        eprintln!(
            "skipping the jco run of the demo: {}",
            jco_missing().unwrap_or_default()
        );
        return;
    };
    assert_eq!(jco.exit_code, 0, "{}", jco.stderr_str());
    assert_eq!(jco.stderr_str(), "");
    check_p2_demo_output(&jco.stdout_str(), "jco");
}
