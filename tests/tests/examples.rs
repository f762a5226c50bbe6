//! The `cat`, `ls` and `env` examples, run the way README says: through the `run` binary,
//! which builds each for wasm32-wasip1 and preopens the current directory as `.`.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// What a run of the `run` binary printed.
struct Ran {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

/// Runs `run <args>` in `dir` with `stdin` piped in.
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_run"))
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
    let ran = run(dir.path(), &["cat", "a.txt", "./b.txt"], b"");
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stdout, "alpha\nbeta beta\n");
    assert!(ran.stderr.contains("[run] cat: exit 0"), "{}", ran.stderr);

    let ran = run(dir.path(), &["cat"], "from stdin ✓\n".as_bytes());
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stdout, "from stdin ✓\n");

    let ran = run(
        dir.path(),
        &["cat", "a.txt", "-", "sub/inner.txt"],
        b"piped\n",
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stdout, "alpha\npiped\nin\n");
}

#[test]
fn cat_reports_errors_with_the_errno_message_and_exit_code_1() {
    let dir = files();
    let ran = run(
        dir.path(),
        &["cat", "missing.txt", "a.txt", "/etc/passwd"],
        b"",
    );
    assert_eq!(ran.code, Some(1));
    // The readable file is still copied; the others are reported. With `.` preopened,
    // `/etc/passwd` is looked up inside the preopen, as wasi-libc and std do (the current
    // directory is `/`, which `.` names): not the host's file, and not there.
    assert_eq!(ran.stdout, "alpha\n");
    assert_eq!(
        guest_stderr(&ran),
        "cat: missing.txt: No such file or directory. (noent)\n\
         cat: /etc/passwd: No such file or directory. (noent)\n"
    );
}

#[test]
fn ls_lists_types_and_sizes_sorted_by_name() {
    let dir = files();
    let ran = run(dir.path(), &["ls"], b"");
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let mut expected = String::from(
        "file            6  a.txt\n\
         file           10  b.txt\n",
    );
    if cfg!(unix) {
        expected.push_str("symlink         5  link -> a.txt\n");
    }
    expected.push_str("dir             -  sub\n");
    assert_eq!(ran.stdout, expected);

    let ran = run(dir.path(), &["ls", "sub", "b.txt", "nope"], b"");
    assert_eq!(ran.code, Some(1));
    assert_eq!(
        ran.stdout,
        "sub:\n\
         file            3  inner.txt\n\
         \n\
         b.txt:\n\
         file           10  b.txt\n"
    );
    assert_eq!(
        guest_stderr(&ran),
        "ls: nope: No such file or directory. (noent)\n"
    );
}

#[test]
fn env_shows_the_arguments_environment_clocks_and_random_bytes() {
    let dir = files();
    let ran = run(
        dir.path(),
        &[
            "--env",
            "GREETING=hello",
            "--env",
            "EQUATION=a=b=c",
            "--env",
            "UNICODE=grüße",
            "env",
            "one",
            "two words",
            "",
        ],
        b"",
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
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
        "{}",
        ran.stdout
    );
    let realtime = lines[9];
    assert!(
        realtime.starts_with("realtime:  ")
            && realtime.contains(" s since the epoch, ")
            && realtime.contains("Z (resolution "),
        "{realtime}"
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
    assert!(now.abs_diff(printed) < 600, "{printed} vs {now}");
    assert!(
        lines[10].starts_with("monotonic: ") && lines[10].contains(" s (resolution "),
        "{}",
        lines[10]
    );
    let hex = lines[11]
        .strip_prefix("random: 16 bytes ")
        .expect("a random line");
    assert_eq!(hex.len(), 32, "{hex}");
    assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()), "{hex}");
    assert_eq!(lines.len(), 12, "{}", ran.stdout);
}
