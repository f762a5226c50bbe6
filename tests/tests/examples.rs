//! The `cat`, `ls` and `env` examples, run the way README says: through the `run` binary,
//! which builds each for wasm32-wasip1 or (`--target wasm32-wasip2`) as a component for
//! wasm32-wasip2, and preopens the current directory as `.`. Every check runs on both targets
//! with the same expected output; the wasm32-wasip2 builds also run under jco (Node with
//! `@bytecodealliance/preview2-shim`) and must print what wasmtime prints.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use wasm_function_tests::{
    ComponentInputs, Profile, Target, assert_same_in_wasmtime_and_jco, example_for, jco_run,
};

/// What a run of the `run` binary printed.
struct Ran {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

/// The targets every example is built for.
const TARGETS: [Target; 2] = [Target::Wasip1, Target::Wasip2];

/// Runs `run --target <target> <args>` in `dir` with `stdin` piped in.
fn run(dir: &Path, target: Target, args: &[&str], stdin: &[u8]) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_run"))
        .args(["--target", target.triple()])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the run binary starts");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin)
        .expect("writing stdin");
    let output = child.wait_with_output().expect("the run binary finishes");
    Ran {
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        code: output.status.code(),
    }
}

/// A directory with known contents: `a.txt` (6 bytes), `b.txt` (10), `sub/inner.txt` (3) and,
/// on Unix, `link` -> `a.txt`.
fn files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path();
    std::fs::write(path.join("a.txt"), "alpha\n").expect("write");
    std::fs::write(path.join("b.txt"), "beta beta\n").expect("write");
    std::fs::create_dir(path.join("sub")).expect("mkdir");
    std::fs::write(path.join("sub/inner.txt"), "in\n").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink("a.txt", path.join("link")).expect("symlink");
    dir
}

/// The guest's stderr: the runner's own `[run] …` summary lines removed.
fn guest_stderr(ran: &Ran) -> String {
    ran.stderr
        .lines()
        .filter(|line| !line.starts_with("[run] "))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn cat_copies_files_and_stdin() {
    let dir = files();
    for target in TARGETS {
        let t = target.triple();
        let ran = run(dir.path(), target, &["cat", "a.txt", "./b.txt"], b"");
        assert_eq!(ran.code, Some(0), "{t}: {}", ran.stderr);
        assert_eq!(ran.stdout, "alpha\nbeta beta\n", "{t}");
        assert!(
            ran.stderr.contains("[run] cat: exit 0"),
            "{t}: {}",
            ran.stderr
        );

        let ran = run(dir.path(), target, &["cat"], "from stdin ✓\n".as_bytes());
        assert_eq!(ran.code, Some(0), "{t}: {}", ran.stderr);
        assert_eq!(ran.stdout, "from stdin ✓\n", "{t}");

        let ran = run(
            dir.path(),
            target,
            &["cat", "a.txt", "-", "sub/inner.txt"],
            b"piped\n",
        );
        assert_eq!(ran.code, Some(0), "{t}: {}", ran.stderr);
        assert_eq!(ran.stdout, "alpha\npiped\nin\n", "{t}");
    }
}

/// What `cat missing.txt a.txt /etc/passwd` writes to stderr.
const CAT_ERRORS: &str = "cat: missing.txt: No such file or directory. (noent)\n\
                          cat: /etc/passwd: No such file or directory. (noent)\n";

#[test]
fn cat_reports_errors_with_the_errno_message_and_exit_code_1() {
    let dir = files();
    for target in TARGETS {
        let t = target.triple();
        let ran = run(
            dir.path(),
            target,
            &["cat", "missing.txt", "a.txt", "/etc/passwd"],
            b"",
        );
        assert_eq!(ran.code, Some(1), "{t}: {}", ran.stderr);
        // The readable file is still copied; the others are reported. With `.` preopened,
        // `/etc/passwd` is looked up inside the preopen, as wasi-libc and std do (the current
        // directory is `/`, which `.` names): not the host's file, and not there.
        assert_eq!(ran.stdout, "alpha\n", "{t}");
        assert_eq!(guest_stderr(&ran), CAT_ERRORS, "{t}");
    }
}

/// What `ls` prints for the directory of [`files`].
fn ls_expected() -> String {
    let mut expected = String::from(
        "file            6  a.txt\n\
         file           10  b.txt\n",
    );
    if cfg!(unix) {
        expected.push_str("symlink         5  link -> a.txt\n");
    }
    expected.push_str("dir             -  sub\n");
    expected
}

/// What `ls sub b.txt nope` prints.
const LS_SOME: &str = "sub:\n\
                       file            3  inner.txt\n\
                       \n\
                       b.txt:\n\
                       file           10  b.txt\n";

#[test]
fn ls_lists_types_and_sizes_sorted_by_name() {
    let dir = files();
    for target in TARGETS {
        let t = target.triple();
        let ran = run(dir.path(), target, &["ls"], b"");
        assert_eq!(ran.code, Some(0), "{t}: {}", ran.stderr);
        assert_eq!(ran.stdout, ls_expected(), "{t}");

        let ran = run(dir.path(), target, &["ls", "sub", "b.txt", "nope"], b"");
        assert_eq!(ran.code, Some(1), "{t}: {}", ran.stderr);
        assert_eq!(ran.stdout, LS_SOME, "{t}");
        assert_eq!(
            guest_stderr(&ran),
            "ls: nope: No such file or directory. (noent)\n",
            "{t}"
        );
    }
}

/// The arguments `env` is given after its name.
const ENV_ARGS: [&str; 3] = ["one", "two words", ""];

/// The environment `env` is given.
const ENV_VARS: [(&str, &str); 3] = [
    ("GREETING", "hello"),
    ("EQUATION", "a=b=c"),
    ("UNICODE", "grüße"),
];

/// Checks what `env` printed for [`ENV_ARGS`] and [`ENV_VARS`]: the arguments and variables
/// exactly, then a realtime clock reading of today, a monotonic reading and 16 random bytes.
fn check_env_output(stdout: &str, what: &str) {
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 12, "{what}: {stdout}");
    assert_eq!(
        lines[..9],
        [
            "arguments: 4",
            "  [0] \"env\"",
            "  [1] \"one\"",
            "  [2] \"two words\"",
            "  [3] \"\"",
            "environment: 3",
            "  GREETING=\"hello\"",
            "  EQUATION=\"a=b=c\"",
            "  UNICODE=\"grüße\"",
        ],
        "{what}: {stdout}"
    );
    let realtime = lines[9];
    assert!(
        realtime.starts_with("realtime:  ")
            && realtime.contains(" s since the epoch, ")
            && realtime.contains("Z (resolution "),
        "{what}: {realtime}"
    );
    // The seconds printed are today's.
    let printed: u64 = realtime["realtime:  ".len()..]
        .split('.')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("seconds");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    assert!(now.abs_diff(printed) < 600, "{what}: {printed} vs {now}");
    assert!(
        lines[10].starts_with("monotonic: ") && lines[10].contains(" s (resolution "),
        "{what}: {}",
        lines[10]
    );
    let hex = lines[11]
        .strip_prefix("random: 16 bytes ")
        .expect("a random line");
    assert_eq!(hex.len(), 32, "{what}: {hex}");
    assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()), "{what}: {hex}");
}

#[test]
fn env_shows_the_arguments_environment_clocks_and_random_bytes() {
    let dir = files();
    for target in TARGETS {
        let mut args = Vec::new();
        for (key, value) in ENV_VARS {
            args.extend(["--env".to_owned(), format!("{key}={value}")]);
        }
        args.push("env".to_owned());
        args.extend(ENV_ARGS.map(str::to_owned));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let ran = run(dir.path(), target, &args, b"");
        assert_eq!(ran.code, Some(0), "{}: {}", target.triple(), ran.stderr);
        check_env_output(&ran.stdout, target.triple());
    }
}

/// The example `name` built for wasm32-wasip2, as the `run` binary builds it.
fn p2_example(name: &str) -> wasm_function_tests::Guest {
    example_for(name, Target::Wasip2, Profile::Release)
        .unwrap_or_else(|e| panic!("example {name} builds for wasm32-wasip2: {e:#}"))
}

#[test]
fn cat_and_ls_print_the_same_in_jco() {
    let dir = files();
    let here = ComponentInputs::new().preopen(dir.path(), ".");
    let cat = p2_example("cat");
    assert_same_in_wasmtime_and_jco(
        &cat,
        &here
            .clone()
            .args(["a.txt", "-", "sub/inner.txt"])
            .stdin("piped ✓\n".as_bytes()),
        "alpha\npiped ✓\nin\n",
        0,
    );
    let (wasmtime, _) = assert_same_in_wasmtime_and_jco(
        &cat,
        &here.clone().args(["missing.txt", "a.txt", "/etc/passwd"]),
        "alpha\n",
        1,
    );
    assert_eq!(wasmtime.stderr_str(), CAT_ERRORS);

    // A mebibyte through stdout: nothing lost or reordered on the way out of either runtime.
    let big: String = (0..16_384).map(|i| format!("{i:063}\n")).collect();
    assert_eq!(big.len(), 1 << 20);
    let big_dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(big_dir.path().join("big.txt"), &big).expect("write");
    let inputs = ComponentInputs::new()
        .preopen(big_dir.path(), ".")
        .arg("big.txt");
    assert_same_in_wasmtime_and_jco(&cat, &inputs, &big, 0);

    let ls = p2_example("ls");
    assert_same_in_wasmtime_and_jco(&ls, &here, &ls_expected(), 0);
    let (wasmtime, _) = assert_same_in_wasmtime_and_jco(
        &ls,
        &here.clone().args(["sub", "b.txt", "nope"]),
        LS_SOME,
        1,
    );
    assert_eq!(
        wasmtime.stderr_str(),
        "ls: nope: No such file or directory. (noent)\n"
    );
}

#[test]
fn env_prints_the_same_in_jco() {
    let env = p2_example("env");
    let mut inputs = ComponentInputs::new().args(ENV_ARGS);
    for (key, value) in ENV_VARS {
        inputs = inputs.env(key, value);
    }
    let Some(jco) = jco_run(&env, &inputs).expect("env runs under jco") else {
        eprintln!(
            "skipping the jco run of env: {}",
            wasm_function_tests::jco_missing().unwrap_or_default()
        );
        return;
    };
    assert_eq!(jco.exit_code, 0, "{}", jco.stderr_str());
    assert_eq!(jco.stderr_str(), "");
    check_env_output(&jco.stdout_str(), "jco");
}
