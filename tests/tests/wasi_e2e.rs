//! End-to-end tests of `wasm_function::wasi`: guests built for wasm32-wasip1, run in wasmtime
//! and cross-checked under Node's `node:wasi`.
//!
//! - `wasi-all` references all 46 preview1 functions; its import section must equal the
//!   reference table (`research/wasi_preview1.md` §2) exactly.
//! - `wasi-fs`, `wasi-env` (no_std) and `wasi-std` (std) exercise the safe layer and print one
//!   line per check: `ok <check> <details>` or `FAIL <check> <details>`; lines starting with
//!   `info` report results on which runtimes legitimately differ.

mod wasi_fs_shared;

use std::path::Path;
use wasi_fs_shared::{
    FS_CHECKS, ROOT_CHECKS, assert_fs_sandbox_after, assert_lines, assert_root_sandbox_after,
    fs_sandbox, root_sandbox, split_lines,
};
use wasm_function_tests::NumType::{self, I32, I64};

use wasm_function_tests::{
    FuncImport, Guest, NodeInputs, NodeOutcome, Outcome, WASI_MODULE, guest, node_run,
};

/// The reference table of `research/wasi_preview1.md` §2: every preview1 function with its
/// lowered core signature (parameters, results).
const PREVIEW1: [(&str, &[NumType], &[NumType]); 46] = [
    ("args_get", &[I32, I32], &[I32]),
    ("args_sizes_get", &[I32, I32], &[I32]),
    ("environ_get", &[I32, I32], &[I32]),
    ("environ_sizes_get", &[I32, I32], &[I32]),
    ("clock_res_get", &[I32, I32], &[I32]),
    ("clock_time_get", &[I32, I64, I32], &[I32]),
    ("fd_advise", &[I32, I64, I64, I32], &[I32]),
    ("fd_allocate", &[I32, I64, I64], &[I32]),
    ("fd_close", &[I32], &[I32]),
    ("fd_datasync", &[I32], &[I32]),
    ("fd_fdstat_get", &[I32, I32], &[I32]),
    ("fd_fdstat_set_flags", &[I32, I32], &[I32]),
    ("fd_fdstat_set_rights", &[I32, I64, I64], &[I32]),
    ("fd_filestat_get", &[I32, I32], &[I32]),
    ("fd_filestat_set_size", &[I32, I64], &[I32]),
    ("fd_filestat_set_times", &[I32, I64, I64, I32], &[I32]),
    ("fd_pread", &[I32, I32, I32, I64, I32], &[I32]),
    ("fd_prestat_get", &[I32, I32], &[I32]),
    ("fd_prestat_dir_name", &[I32, I32, I32], &[I32]),
    ("fd_pwrite", &[I32, I32, I32, I64, I32], &[I32]),
    ("fd_read", &[I32, I32, I32, I32], &[I32]),
    ("fd_readdir", &[I32, I32, I32, I64, I32], &[I32]),
    ("fd_renumber", &[I32, I32], &[I32]),
    ("fd_seek", &[I32, I64, I32, I32], &[I32]),
    ("fd_sync", &[I32], &[I32]),
    ("fd_tell", &[I32, I32], &[I32]),
    ("fd_write", &[I32, I32, I32, I32], &[I32]),
    ("path_create_directory", &[I32, I32, I32], &[I32]),
    ("path_filestat_get", &[I32, I32, I32, I32, I32], &[I32]),
    (
        "path_filestat_set_times",
        &[I32, I32, I32, I32, I64, I64, I32],
        &[I32],
    ),
    ("path_link", &[I32, I32, I32, I32, I32, I32, I32], &[I32]),
    (
        "path_open",
        &[I32, I32, I32, I32, I32, I64, I64, I32, I32],
        &[I32],
    ),
    ("path_readlink", &[I32, I32, I32, I32, I32, I32], &[I32]),
    ("path_remove_directory", &[I32, I32, I32], &[I32]),
    ("path_rename", &[I32, I32, I32, I32, I32, I32], &[I32]),
    ("path_symlink", &[I32, I32, I32, I32, I32], &[I32]),
    ("path_unlink_file", &[I32, I32, I32], &[I32]),
    ("poll_oneoff", &[I32, I32, I32, I32], &[I32]),
    ("proc_exit", &[I32], &[]),
    ("proc_raise", &[I32], &[I32]),
    ("sched_yield", &[], &[I32]),
    ("random_get", &[I32, I32], &[I32]),
    ("sock_accept", &[I32, I32, I32], &[I32]),
    ("sock_recv", &[I32, I32, I32, I32, I32, I32], &[I32]),
    ("sock_send", &[I32, I32, I32, I32, I32], &[I32]),
    ("sock_shutdown", &[I32, I32], &[I32]),
];

fn sorted(mut imports: Vec<FuncImport>) -> Vec<FuncImport> {
    imports.sort_by(|a, b| (&a.module, &a.name).cmp(&(&b.module, &b.name)));
    imports
}

/// Prints a skip message when `node` is absent; returns whether it is present.
fn node_or_skip(outcome: &Option<impl Sized>, what: &str) -> bool {
    if outcome.is_none() {
        eprintln!("skipping the Node cross-check of {what}: `node` is not installed");
    }
    outcome.is_some()
}

// -------------------------------------------------------------------------------------------
// The import check

#[test]
fn wasi_all_imports_exactly_the_46_functions_of_the_reference_table() {
    let guest = guest("wasi-all").expect("wasi-all builds");
    let actual = guest.imports().expect("import section");
    let expected: Vec<FuncImport> = PREVIEW1
        .iter()
        .map(|(name, params, results)| FuncImport::new(WASI_MODULE, name, params, results))
        .collect();
    assert_eq!(expected.len(), 46);
    // No other import: not from another module, not a second copy of a WASI function.
    assert_eq!(actual.len(), 46, "{actual:#?}");
    let actual = sorted(actual);
    let expected = sorted(expected);
    for (a, e) in actual.iter().zip(&expected) {
        assert_eq!(a, e, "\nactual:   {a}\nexpected: {e}");
    }
    assert_eq!(actual, expected);
}

#[test]
fn wasi_all_instantiates_in_wasmtime_and_node_and_calls_nothing() {
    let guest = guest("wasi-all").expect("wasi-all builds");
    // wasmtime provides all 46: instantiation would fail naming any missing import.
    let outcome = guest.run().execute().expect("instantiates");
    outcome.assert_exit(0);
    assert!(outcome.stdout.is_empty() && outcome.stderr.is_empty());
    let node = node_run(&guest, &NodeInputs::default()).expect("node runs");
    if node_or_skip(&node, "wasi-all") {
        let node = node.expect("checked");
        assert_eq!(
            node.exit_code,
            0,
            "{}",
            String::from_utf8_lossy(&node.stderr)
        );
        assert!(node.stdout.is_empty());
    }
}

// -------------------------------------------------------------------------------------------
// The line-per-check guests: running them, comparing their lines

/// Runs `guest` in wasmtime with the same inputs a Node run takes.
fn in_wasmtime(guest: &Guest, inputs: &NodeInputs<'_>) -> Outcome {
    let mut run = guest.run().args(inputs.args).stdin(inputs.stdin);
    for (key, value) in inputs.env {
        run = run.env(key, value);
    }
    if let Some((host_dir, guest_path)) = inputs.preopen {
        run = run.preopen(host_dir, guest_path);
    }
    run.execute().expect("the guest runs in wasmtime")
}

/// Runs `guest` under Node, or prints why not and returns `None` when `node` is absent.
fn in_node(guest: &Guest, inputs: &NodeInputs<'_>) -> Option<NodeOutcome> {
    let outcome = node_run(guest, inputs).expect("the guest runs under Node");
    node_or_skip(&outcome, &guest.name);
    outcome
}

/// What an `info` line is about: its second word.
fn info_keys<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    lines
        .into_iter()
        .map(|line| line.split(' ').nth(1).unwrap_or(""))
        .collect()
}

// -------------------------------------------------------------------------------------------
// Files and directories: `wasi-fs`

fn fs_inputs(sandbox: &Path) -> NodeInputs<'_> {
    NodeInputs {
        preopen: Some((sandbox, "/sandbox")),
        ..NodeInputs::default()
    }
}

/// What `wasi-fs` reports in wasmtime 48 where runtimes differ. Node 20 says instead, line by
/// line: both buffers filled by one call (7 of 7, 12 of 12); `fd_allocate` ok (it calls
/// `posix_fallocate`); `fd_fdstat_set_rights` ok, and the write it no longer allows
/// `notcapable` (wasmtime does not track rights); `sock_*` on a file `notcapable` (the rights
/// check comes first), `sock_shutdown` `notsup`; `fd_readdir` on a file `notcapable`; a path
/// out of the preopen `notcapable`; unlinking a directory `isdir`, as here. From `parity`:
/// Node keeps reporting `append` after `set_append(false)`; `fd_allocate` succeeds for 0..64
/// (size 64) and for a zero length; a write to a read-only file is `notcapable` (here `badf`) and
/// `set_len` on it `notcapable` (here `inval`); a seek to `end + i64::MAX` is `inval` (here
/// ok).
const FS_INFO_WASMTIME: &str = "\
info fd_read of two buffers: the first call read 3 of 7 bytes
info fd_write of two buffers: the first call wrote 7 of 12 bytes
info set_symlink_times ok
info set_append(false), then fdflags append false
info set_nonblocking on a file ok
info advise huge inval, allocate 0..64 notsup (size 0), allocate zero length notsup, allocate huge notsup
info read-only file: write badf, set_len inval, set_append ok
info huge: read_at u64::MAX inval, seek end+i64::MAX ok
info fd_allocate notsup
info fd_fdstat_set_rights notsup, then fd_write ok
info sock_accept notsock, sock_recv notsock, sock_send notsock, sock_shutdown notsock (on a regular file)
info fd_readdir on a file badf
info open ../outside perm
info unlink a directory isdir
";

#[test]
fn wasi_fs_in_wasmtime() {
    let guest = guest("wasi-fs").expect("wasi-fs builds");
    let sandbox = fs_sandbox();
    let outcome = in_wasmtime(&guest, &fs_inputs(sandbox.path()));
    outcome.assert_exit(0);
    let (checks, info) = split_lines(outcome.stdout_str());
    assert_lines(&checks, FS_CHECKS, "wasi-fs in wasmtime");
    assert_lines(&info, FS_INFO_WASMTIME, "wasi-fs info in wasmtime");
    assert_fs_sandbox_after(sandbox.path());
}

#[test]
fn wasi_fs_in_node_prints_the_same_checks() {
    let guest = guest("wasi-fs").expect("wasi-fs builds");
    let sandbox = fs_sandbox();
    let Some(node) = in_node(&guest, &fs_inputs(sandbox.path())) else {
        return;
    };
    let stdout = node.stdout_str();
    assert_eq!(node.exit_code, 0, "{stdout}");
    let (checks, info) = split_lines(&stdout);
    assert_lines(&checks, FS_CHECKS, "wasi-fs under Node");
    // The same questions, answered differently: see `FS_INFO_WASMTIME`.
    assert_eq!(info_keys(info), info_keys(FS_INFO_WASMTIME.lines()));
    assert_fs_sandbox_after(sandbox.path());
}

// -------------------------------------------------------------------------------------------
// Why undefined flag bits are refused before the call

/// A module calling `path_filestat_get` on preopen 3 with lookup flags `flags` directly (no
/// safe layer in between), exiting with the errno it got.
fn path_filestat_get_with_flags(flags: u32) -> String {
    format!(
        r#"(module
  (import "wasi_snapshot_preview1" "path_filestat_get"
    (func $stat (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello.txt")
  (func (export "_start")
    (call $exit (call $stat (i32.const 3) (i32.const {flags}) (i32.const 16) (i32.const 9) (i32.const 64)))))"#
    )
}

#[test]
fn wasmtime_ends_the_instance_for_undefined_lookup_flags_which_raw_refuses_with_inval() {
    let sandbox = fs_sandbox();
    let run = |flags| {
        wasm_function_tests::guest_from_wat(&path_filestat_get_with_flags(flags))
            .expect("the module assembles")
            .run()
            .preopen(sandbox.path(), "/sandbox")
            .execute()
            .expect("runs")
    };
    // Defined flags: an answer (success).
    let fine = run(1);
    assert_eq!((fine.exit_code, &fine.trap), (0, &None));
    // Bit 1 is undefined: wasmtime traps instead of answering. `wasi-fs` makes the same call
    // through `raw::path_filestat_get` and gets `inval` (check `undefined-bits`).
    let killed = run(2);
    assert!(killed.trap.is_some(), "{killed:?}");
}

// -------------------------------------------------------------------------------------------
// Paths under a `/` or `.` preopen: `wasi-fs root`

fn root_inputs<'a>(sandbox: &'a Path, guest_path: &'a str) -> NodeInputs<'a> {
    NodeInputs {
        args: &["root"],
        preopen: Some((sandbox, guest_path)),
        ..NodeInputs::default()
    }
}

/// Runs `wasi-fs root` with its directory preopened as `guest_path` in wasmtime and Node.
fn check_root_preopen(guest_path: &str) {
    let guest = guest("wasi-fs").expect("wasi-fs builds");
    let sandbox = root_sandbox();
    let outcome = in_wasmtime(&guest, &root_inputs(sandbox.path(), guest_path));
    let (checks, info) = split_lines(outcome.stdout_str());
    assert_lines(
        &checks,
        ROOT_CHECKS,
        &format!("wasi-fs root as {guest_path:?} in wasmtime"),
    );
    outcome.assert_exit(0);
    assert_eq!(
        info,
        [
            format!("info root-preopen {guest_path:?} fd 3").as_str(),
            "info root-escape perm inside false"
        ]
    );
    assert_root_sandbox_after(sandbox.path());

    let sandbox = root_sandbox();
    let Some(node) = in_node(&guest, &root_inputs(sandbox.path(), guest_path)) else {
        return;
    };
    let stdout = node.stdout_str();
    let (checks, info) = split_lines(&stdout);
    assert_lines(
        &checks,
        ROOT_CHECKS,
        &format!("wasi-fs root as {guest_path:?} under Node"),
    );
    assert_eq!(node.exit_code, 0, "{stdout}");
    assert_eq!(info_keys(info), ["root-preopen", "root-escape"]);
    assert_root_sandbox_after(sandbox.path());
}

#[test]
fn wasi_fs_relative_paths_under_a_slash_preopen() {
    check_root_preopen("/");
}

#[test]
fn wasi_fs_relative_paths_under_a_dot_preopen() {
    check_root_preopen(".");
}

// -------------------------------------------------------------------------------------------
// Arguments, environment, streams, clocks, poll, random, process: `wasi-env`

/// Arguments after `argv[0]`: spaces, `=`, non-ASCII and an empty one.
const ENV_ARGS: [&str; 5] = ["plain", "with space", "a=b=c", "héllo wörld ✓", ""];
/// Environment variables: a value containing `=`, a non-ASCII one, an empty one, and the exit
/// code the guest is to end with. (Non-UTF-8 ones: `NON_UTF8_VARS`, wasmtime only.)
const ENV_VARS: [(&str, &str); 5] = [
    ("PLAIN", "value"),
    ("WITH_EQUALS", "a=b=c"),
    ("UNICODE", "grüße 🌍"),
    ("EMPTY", ""),
    ("EXIT_CODE", "42"),
];
const ENV_STDIN: &str = "line one\nline two ✓\n";

fn env_inputs() -> NodeInputs<'static> {
    NodeInputs {
        args: &ENV_ARGS,
        env: &ENV_VARS,
        stdin: ENV_STDIN.as_bytes(),
        preopen: None,
    }
}

/// What `wasi-env` must print in every runtime. `args_sizes_get` counts the NUL of each
/// string: 9 + 6 + 11 + 6 + 18 + 1 = 51 bytes.
const ENV_CHECKS: &str = "\
ok args-count 6 (args_sizes_get: 6 strings, 51 bytes)
ok arg 0 \"wasi-env\"
ok arg 1 \"plain\"
ok arg 2 \"with space\"
ok arg 3 \"a=b=c\"
ok arg 4 \"héllo wörld ✓\"
ok arg 5 \"\"
ok args-twice args_in and args_into agree
ok args-bytes 6 arguments as bytes, 6 of them UTF-8
ok args-small-buffer a 4-byte buffer -> nobufs
ok env-count 5 (environ_sizes_get: 5 strings, 71 bytes)
ok env PLAIN=\"value\"
ok env WITH_EQUALS=\"a=b=c\"
ok env UNICODE=\"grüße 🌍\"
ok env EMPTY=\"\"
ok env EXIT_CODE=\"42\"
ok env-bytes-count 5 variables as bytes, 5 of them UTF-8
ok env-get-bytes WITH_EQUALS -> Some(\"a=b=c\"), LATIN1 -> str None, bytes None
ok env-get WITH_EQUALS -> Some(\"a=b=c\"), MISSING -> None
ok stdin 22 bytes \"line one\\nline two ✓\\n\"
ok stdout-fmt-write 42
0123456789 buffered digits
ok long-line 012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
ok realtime after 2020
ok resolution realtime in (0, 1 s]
ok resolution monotonic in (0, 1 s]
ok monotonic 1000 readings never decrease
ok sleep 10 ms took at least 10 ms
ok monotonic-increases later than the first reading after the sleep
ok poll-timeouts of 5 ms and 60 s, 1 event(s), userdata 7
ok poll-abstime a realtime deadline 5 ms ahead fired, at most 2 ms early
ok poll-nothing no subscriptions -> inval
ok undefined-values poll with undefined clock flags or clock, now and resolution of clock 77, raise signal 200 -> [\"inval\", \"inval\", \"inval\", \"inval\", \"inval\"]
ok random 32 bytes not all equal; two draws differ
ok random-u64 two u64 differ; 16-byte array not constant
ok sched_yield ok
done 0 failed, exit 42
";

/// The `info` lines of `wasi-env` whose text is deterministic in wasmtime 48. Node 20 says:
/// the CPU-time clocks work; `poll_oneoff` on stdout (a file there) fails with `perm`
/// (epoll refuses regular files); `proc_raise` is `nosys`. Node also wakes up to 2 ms early from
/// clock subscriptions (its timers count whole milliseconds), and an absolute deadline on the
/// monotonic clock never fires there (uvwasi subtracts the realtime clock from every absolute
/// timeout), which is why the guest's absolute deadline is on the realtime clock.
const ENV_INFO_WASMTIME: [&str; 4] = [
    "info clock process_cputime_id time badf, resolution badf",
    "info clock thread_cputime_id time badf, resolution badf",
    "info poll fd_write on stdout: ok Some((3, \"success\"))",
    "info proc_raise none notsup",
];

/// The questions `wasi-env` reports on, in order (timings and resolutions vary).
const ENV_INFO_KEYS: [&str; 9] = [
    "resolution",
    "resolution",
    "clock",
    "clock",
    "sleep",
    "poll-timeouts",
    "poll-abstime",
    "poll",
    "proc_raise",
];

#[test]
fn wasi_env_in_wasmtime() {
    let guest = guest("wasi-env").expect("wasi-env builds");
    let outcome = in_wasmtime(&guest, &env_inputs());
    // `proc_exit(42)`, the code the guest read from its environment.
    outcome.assert_exit(42);
    let (checks, info) = split_lines(outcome.stdout_str());
    assert_lines(&checks, ENV_CHECKS, "wasi-env in wasmtime");
    assert_eq!(info_keys(info.iter().copied()), ENV_INFO_KEYS);
    for line in ENV_INFO_WASMTIME {
        assert!(info.contains(&line), "missing {line:?} in {info:#?}");
    }
    assert_eq!(outcome.stderr_str(), "a line on stderr from wasi-env\n");
}

#[test]
fn wasi_env_in_node_prints_the_same_checks() {
    let guest = guest("wasi-env").expect("wasi-env builds");
    let Some(node) = in_node(&guest, &env_inputs()) else {
        return;
    };
    let stdout = node.stdout_str();
    assert_eq!(node.exit_code, 42, "{stdout}");
    let (checks, info) = split_lines(&stdout);
    assert_lines(&checks, ENV_CHECKS, "wasi-env under Node");
    assert_eq!(info_keys(info), ENV_INFO_KEYS);
    assert_eq!(node.stderr, b"a line on stderr from wasi-env\n");
}

/// Environment entries that are not UTF-8, added after `ENV_VARS` by a fault-injecting
/// `environ_get`: a Latin-1 value and a name starting with a byte that is never UTF-8.
const NON_UTF8_VARS: [&[u8]; 2] = [b"LATIN1=caf\xe9", b"\xffKEY=v"];

/// Replaces wasmtime's `environ_sizes_get` and `environ_get` with ones that hand the guest
/// `entries` exactly (the WASI context of wasmtime takes `String`s only, and Node's takes
/// JavaScript strings: neither can pass a non-UTF-8 variable).
fn with_environment(
    run: wasm_function_tests::Run,
    entries: Vec<Vec<u8>>,
) -> wasm_function_tests::Run {
    use wasm_function_tests::Value;
    let entries = std::sync::Arc::new(entries);
    let for_sizes = entries.clone();
    let arg = |args: &[Value], i: usize| {
        args[i]
            .as_i32()
            .map(|v| v as u32)
            .ok_or_else(|| anyhow::anyhow!("argument {i} is not an i32"))
    };
    run.host_fn(WASI_MODULE, "environ_sizes_get", move |ctx, args| {
        let count = for_sizes.len() as u32;
        let size: usize = for_sizes.iter().map(|e| e.len() + 1).sum();
        ctx.write_memory(arg(args, 0)?, &count.to_le_bytes())?;
        ctx.write_memory(arg(args, 1)?, &(size as u32).to_le_bytes())?;
        Ok(vec![Value::I32(0)])
    })
    .host_fn(WASI_MODULE, "environ_get", move |ctx, args| {
        let (table, mut at) = (arg(args, 0)?, arg(args, 1)?);
        for (i, entry) in entries.iter().enumerate() {
            ctx.write_memory(table + 4 * i as u32, &at.to_le_bytes())?;
            let mut with_nul = entry.clone();
            with_nul.push(0);
            ctx.write_memory(at, &with_nul)?;
            at += with_nul.len() as u32;
        }
        Ok(vec![Value::I32(0)])
    })
}

#[test]
fn wasi_env_sees_non_utf8_variables_as_bytes_and_the_others_as_str_in_wasmtime() {
    let guest = guest("wasi-env").expect("wasi-env builds");
    let mut entries: Vec<Vec<u8>> = ENV_VARS
        .iter()
        .map(|(k, v)| format!("{k}={v}").into_bytes())
        .collect();
    entries.extend(NON_UTF8_VARS.iter().map(|e| e.to_vec()));
    let inputs = NodeInputs {
        env: &[],
        ..env_inputs()
    };
    let run = guest.run().args(inputs.args).stdin(inputs.stdin);
    let outcome = with_environment(run, entries)
        .execute()
        .expect("the guest runs in wasmtime");
    outcome.assert_exit(42);
    // 71 bytes as before, and 12 + 7 for the two entries with their NULs.
    let expected = ENV_CHECKS
        .replace(
            "ok env-count 5 (environ_sizes_get: 5 strings, 71 bytes)",
            "ok env-count 7 (environ_sizes_get: 7 strings, 90 bytes)",
        )
        .replace(
            "ok env-bytes-count 5 variables as bytes, 5 of them UTF-8",
            "ok env-bytes \"LATIN1\"=[99, 97, 102, 233]\n\
             ok env-bytes [255, 75, 69, 89]=\"v\"\n\
             ok env-bytes-count 7 variables as bytes, 5 of them UTF-8",
        )
        .replace(
            "LATIN1 -> str None, bytes None",
            "LATIN1 -> str None, bytes Some([99, 97, 102, 233])",
        );
    assert_ne!(expected, ENV_CHECKS, "the replacements applied");
    let (checks, _) = split_lines(outcome.stdout_str());
    assert_lines(
        &checks,
        &expected,
        "wasi-env with non-UTF-8 variables in wasmtime",
    );
}

#[test]
fn wasi_env_exit_codes_through_proc_exit() {
    let guest = guest("wasi-env").expect("wasi-env builds");
    let without: &[(&str, &str)] = &[("WITH_EQUALS", "a=b=c")];
    let with_seven: &[(&str, &str)] = &[("WITH_EQUALS", "a=b=c"), ("EXIT_CODE", "7")];
    for (vars, code) in [(without, 0), (with_seven, 7)] {
        let inputs = NodeInputs {
            env: vars,
            ..NodeInputs::default()
        };
        let outcome = in_wasmtime(&guest, &inputs);
        outcome.assert_exit(code);
        assert!(
            outcome
                .stdout_str()
                .ends_with(&format!("done 0 failed, exit {code}\n"))
        );
        if let Some(node) = in_node(&guest, &inputs) {
            assert_eq!(node.exit_code, code, "{}", node.stdout_str());
        }
    }
}

// -------------------------------------------------------------------------------------------
// The std conveniences against std itself: `wasi-std`

fn std_sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("data.txt"), "line 1\nline 2\n").expect("write");
    dir
}

fn std_inputs(sandbox: &Path) -> NodeInputs<'_> {
    NodeInputs {
        args: &["one", "two ✓"],
        env: &[("A", "1"), ("B", "x=y")],
        stdin: b"piped in\n",
        preopen: Some((sandbox, "/sandbox")),
    }
}

const STD_CHECKS: &str = "\
ok args [\"wasi-std\", \"one\", \"two ✓\"] (as std::env::args)
ok args-bytes 3 arguments (as std::env::args_os)
ok vars-bytes 2 variables (as std::env::vars_os)
ok vars [(\"A\", \"1\"), (\"B\", \"x=y\")] (as std::env::vars)
ok preopens [\"/sandbox\"]
ok read data.txt \"line 1\\nline 2\\n\" (as std::fs::read)
ok layer-to-std \"written with write! through wasm_function::wasi::fs::File\\n\"
ok std-to-layer seek end-4 -> 6, read \"6789\"
ok metadata size 10 regular_file (as std::fs::metadata)
ok read-dir [\"data.txt\", \"from-layer.txt\", \"from-std.txt\"] (as std::fs::read_dir)
ok read-dir-entries [\"data.txt\", \"from-layer.txt\", \"from-std.txt\"] (as std::fs::read_dir)
ok read-to-string \"line 1\\nline 2\\n\" (as std::fs::read_to_string)
ok exists data.txt true, missing.txt false (as std::fs::exists)
ok trees create_dir_all seen by std true; a tree std made, removed true
ok copy data.txt -> copied.txt 14 bytes (read back by std::fs::read)
ok errno-as-io-error NotFound os error Some(44) (as std::fs::read)
ok stdin \"piped in\\n\"
ok stdout std::io::Write on wasm_function::wasi::io::Stdout
ok println wasm_function::println! between std's println!
ok realtime within 1 s of std::time::SystemTime::now
ok random 16 bytes not all equal
done 0 failed
";

fn assert_std_sandbox_after(root: &Path) {
    assert_eq!(
        std::fs::read_to_string(root.join("from-layer.txt")).expect("from-layer.txt"),
        "written with write! through wasm_function::wasi::fs::File\n"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("from-std.txt")).expect("from-std.txt"),
        "0123456789"
    );
    assert_eq!(
        std::fs::read(root.join("copied.txt")).expect("copied.txt"),
        b"line 1\nline 2\n"
    );
    assert!(!root.join("made").exists(), "remove_dir_all removed made/");
}

#[test]
fn wasi_std_in_wasmtime() {
    let guest = guest("wasi-std").expect("wasi-std builds");
    let sandbox = std_sandbox();
    let outcome = in_wasmtime(&guest, &std_inputs(sandbox.path()));
    outcome.assert_exit(0);
    assert_lines(
        &outcome.stdout_str().lines().collect::<Vec<_>>(),
        STD_CHECKS,
        "wasi-std in wasmtime",
    );
    assert_eq!(
        outcome.stderr_str(),
        "stderr through wasm_function::wasi::io::Stderr\n"
    );
    assert_std_sandbox_after(sandbox.path());
}

#[test]
fn wasi_std_in_node_prints_the_same_checks() {
    let guest = guest("wasi-std").expect("wasi-std builds");
    let sandbox = std_sandbox();
    let Some(node) = in_node(&guest, &std_inputs(sandbox.path())) else {
        return;
    };
    let stdout = node.stdout_str();
    assert_eq!(node.exit_code, 0, "{stdout}");
    assert_lines(
        &stdout.lines().collect::<Vec<_>>(),
        STD_CHECKS,
        "wasi-std under Node",
    );
    assert_eq!(
        node.stderr,
        b"stderr through wasm_function::wasi::io::Stderr\n"
    );
    assert_std_sandbox_after(sandbox.path());
}
