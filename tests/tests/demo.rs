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
