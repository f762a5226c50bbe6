//! The filesystem on wasm32-wasip2: the preview1 guest `wasi-fs`, built for wasm32-wasip2,
//! runs through the safe layer's primitives implemented over `wasi:filesystem@0.2` and must
//! print what it prints on preview1, leaving the same files behind; its component imports
//! WASI 0.2 only. `fs-edges` gives the primitives bad input (an errno per case, never a trap)
//! and lists `/` and `.` preopens.

mod wasi_fs_shared;

use wasi_fs_shared::{
    FS_CHECKS, ROOT_CHECKS, assert_fs_sandbox_after, assert_lines, assert_root_sandbox_after,
    fs_sandbox, root_sandbox, split_lines,
};
use wasm_function_tests::{Guest, Profile, Target, guest_for};

fn p2_guest(name: &str) -> Guest {
    guest_for(name, Target::Wasip2, Profile::Debug).expect("the guest builds for wasm32-wasip2")
}

#[test]
fn wasi_fs_on_p2_prints_the_preview1_checks() {
    let guest = p2_guest("wasi-fs");
    let sandbox = fs_sandbox();
    let outcome = guest
        .run_component()
        .preopen(sandbox.path(), "/sandbox")
        .execute()
        .expect("the component runs");
    outcome.assert_exit(0);
    let (checks, info) = split_lines(outcome.stdout_str());
    assert_lines(&checks, FS_CHECKS, "wasi-fs on wasm32-wasip2");
    assert_lines(&info, FS_INFO_P2, "wasi-fs info on wasm32-wasip2");
    assert_fs_sandbox_after(sandbox.path());
}

/// The second runtime of p2: the same `wasi-fs` component under jco 1.35 (Node's filesystem
/// through preview2-shim 0.26.1) prints the same checks, in order, up to the write to a
/// read-only file, where the shim throws Node's `EBADF` instead of returning an error-code
/// (the component traps there, in the host). Two checks differ because of the shim:
/// `descriptor.set-times` with a timestamp stores a wrong modification time (it reads back as
/// 15032385535000000000), so `fd-set-times` and `set-times-file` fail under jco only.
#[test]
fn wasi_fs_on_p2_under_jco_prints_the_same_checks_up_to_the_shims_limits() {
    use wasm_function_tests::{ComponentInputs, jco_run};

    const SHIM_SET_TIMES: [&str; 2] = ["fd-set-times ", "set-times-file "];
    let guest = p2_guest("wasi-fs");
    let sandbox = fs_sandbox();
    let inputs = ComponentInputs::new().preopen(sandbox.path(), "/sandbox");
    let Some(jco) = jco_run(&guest, &inputs).expect("jco runs") else {
        eprintln!("jco is not installed (npm ci in tests/jco): the jco comparison is skipped");
        return;
    };
    let stdout = jco.stdout_str();
    let (checks, _info) = split_lines(&stdout);
    let expected: Vec<&str> = FS_CHECKS.lines().collect();
    let stop = expected
        .iter()
        .position(|line| line.starts_with("ok read-only-write"))
        .expect("FS_CHECKS has the read-only write");
    assert_eq!(
        checks.len(),
        stop,
        "jco stops at the read-only write:\n{stdout}"
    );
    for (got, want) in checks.iter().zip(&expected) {
        let name = want.trim_start_matches("ok ");
        if SHIM_SET_TIMES.iter().any(|check| name.starts_with(check)) {
            assert!(got.starts_with("FAIL "), "the shim's set-times: {got}");
        } else {
            assert_eq!(got, want, "wasi-fs under jco");
        }
    }
    let trap = jco.trap.as_deref().unwrap_or_default();
    assert!(trap.contains("EBADF"), "the shim's write error: {trap:?}");
}

/// What `wasi-fs` reports on wasm32-wasip2 (wasmtime 48) where runtimes differ. Against
/// preview1 in wasmtime: `fd_read`/`fd_write` fill and drain every buffer (the primitives loop
/// over the iovecs); a seek past `i64::MAX` is `inval` (WASI 0.2 offsets are signed on the
/// host); the `sock_*` functions are `notsup` (WASI 0.2 has no preview1 sockets on file
/// descriptors); `fd_readdir` on a file is the host's `not-directory`.
const FS_INFO_P2: &str = "\
info fd_read of two buffers: the first call read 7 of 7 bytes
info fd_write of two buffers: the first call wrote 12 of 12 bytes
info set_symlink_times ok
info set_append(false), then fdflags append false
info set_nonblocking on a file ok
info advise huge inval, allocate 0..64 notsup (size 0), allocate zero length notsup, allocate huge notsup
info read-only file: write badf, set_len inval, set_append ok
info huge: read_at u64::MAX inval, seek end+i64::MAX inval
info fd_allocate notsup
info fd_fdstat_set_rights notsup, then fd_write ok
info sock_accept notsup, sock_recv notsup, sock_send notsup, sock_shutdown notsup (on a regular file)
info fd_readdir on a file notdir
info open ../outside perm
info unlink a directory isdir
";

/// Every core import of every core module inside a component, as `module::name`.
fn core_imports(component: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(component) {
        if let wasmparser::Payload::ImportSection(section) = payload.expect("a valid component") {
            for import in section.into_imports() {
                let import = import.expect("a valid import");
                out.push(format!("{}::{}", import.module, import.name));
            }
        }
    }
    out
}

#[test]
fn wasi_fs_component_imports_only_wasi_0_2() {
    let guest = p2_guest("wasi-fs");
    let imports = guest.component_imports().expect("component imports");
    let names: Vec<&str> = imports.iter().map(|i| i.name.as_str()).collect();
    let core = core_imports(&guest.bytes);
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("wasi:") && n.contains("@0.2.")),
        "only WASI 0.2 interfaces: {names:?}"
    );
    assert!(
        !core
            .iter()
            .any(|i| i.starts_with("wasi_snapshot_preview1::")),
        "no preview1 import, so no adapter: {core:?}"
    );
}

// -------------------------------------------------------------------------------------------
// `fs-edges`: bad input, and `/` and `.` preopens

/// A fresh `/sandbox` for `fs-edges`.
fn edges_sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("hello.txt"), wasi_fs_shared::HELLO).expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink("hello.txt", dir.path().join("link")).expect("symlink");
    dir
}

/// What `fs-edges` prints for bad input on wasm32-wasip2: an errno for each case.
const EDGES_P2: &str = "\
open missing.txt -> noent
stat missing/x -> noent
open ../outside -> perm
open /etc/passwd -> perm
mkdir ../escape -> perm
resolve /elsewhere/x -> notcapable
read fd 77 -> badf
write fd 77 -> badf
close fd 77 -> badf
close fd u32::MAX -> badf
seek fd 77 -> badf
filestat fd 77 -> badf
prestat fd 77 -> badf
open in fd 77 -> badf
renumber onto fd 77 -> badf
readdir fd 77 -> badf
read 0 bytes -> ok 0
pread no buffers -> ok 0
readdir into 0 bytes -> ok 0
prestat name into 0 bytes -> nametoolong
readlink into 0 bytes -> ok 0
open empty path -> noent
read 1 MiB buffer -> ok 20
pread at u64::MAX -> inval
seek to i64::MAX -> ok 9223372036854775807
read at i64::MAX -> inval
seek past i64::MAX -> inval
pwrite at u64::MAX -> inval
set size u64::MAX -> inval
open a 5000-byte name -> nametoolong
write read-only -> badf
pwrite read-only -> badf
set size read-only -> inval
write a directory -> badf
stat lookupflags 1<<5 -> inval
open lookupflags 1<<5 -> inval
open oflags 1<<7 -> inval
open fdflags 1<<9 -> inval
set fdflags 1<<9 -> inval
set times fstflags 1<<6 -> inval
set times atim and atim_now -> inval
path set times fstflags 1<<6 -> inval
advise 9 -> inval
seek whence 7 -> inval
link lookupflags 1<<5 -> inval
hold 200 files open -> nfile after 123; closed, open again -> Ok(())
fdstat stdout -> ok \"character_device\"
seek stdout -> spipe
hello.txt still reads \"hello from the host\\n\"
write to stdout -> ok 0
read stdin, empty -> ok 0
done
";

#[test]
fn bad_input_on_p2_gives_errnos_not_traps() {
    let guest = p2_guest("fs-edges");
    let sandbox = edges_sandbox();
    let outcome = guest
        .run_component()
        .preopen(sandbox.path(), "/sandbox")
        .execute()
        .expect("the component runs");
    outcome.assert_exit(0);
    let lines: Vec<&str> = outcome.stdout_str().lines().collect();
    assert_lines(&lines, EDGES_P2, "fs-edges on wasm32-wasip2");
    let mut names: Vec<String> = std::fs::read_dir(sandbox.path())
        .expect("listing")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["hello.txt", "link"],
        "nothing created, nothing escaped"
    );
    assert!(
        !sandbox
            .path()
            .parent()
            .expect("a parent")
            .join("escape")
            .exists()
    );
    assert_eq!(
        std::fs::read_to_string(sandbox.path().join("hello.txt")).expect("hello.txt"),
        wasi_fs_shared::HELLO,
        "the read-only descriptor wrote nothing"
    );
}

/// Runs `wasi-fs root` on wasm32-wasip2 with its directory preopened as `guest_path`: the
/// preview1 checks of paths under a `/` or `.` preopen, and the same files left behind.
fn check_root_preopen_on_p2(guest_path: &str) {
    let guest = p2_guest("wasi-fs");
    let sandbox = root_sandbox();
    let outcome = guest
        .run_component()
        .arg("root")
        .preopen(sandbox.path(), guest_path)
        .execute()
        .expect("the component runs");
    let (checks, info) = split_lines(outcome.stdout_str());
    assert_lines(
        &checks,
        ROOT_CHECKS,
        &format!("wasi-fs root as {guest_path:?} on wasm32-wasip2"),
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
}

#[test]
fn wasi_fs_relative_paths_under_a_slash_preopen_on_p2() {
    check_root_preopen_on_p2("/");
}

#[test]
fn wasi_fs_relative_paths_under_a_dot_preopen_on_p2() {
    check_root_preopen_on_p2(".");
}

#[test]
fn slash_and_dot_preopens_together_on_p2() {
    let guest = p2_guest("fs-edges");
    let (root, dot) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    std::fs::write(root.path().join("file.txt"), "in the root").expect("write");
    std::fs::write(dot.path().join("file.txt"), "in the current directory").expect("write");
    let outcome = guest
        .run_component()
        .preopen(root.path(), "/")
        .preopen(dot.path(), ".")
        .execute()
        .expect("the component runs");
    outcome.assert_exit(0);
    let lines: Vec<&str> = outcome.stdout_str().lines().collect();
    assert_lines(
        &lines,
        "\
preopen \"/\" fd 3 file.txt \"in the root\"
preopen \"/\" is a directory
preopen \".\" fd 4 file.txt \"in the current directory\"
preopen \".\" is a directory
done
",
        "fs-edges with / and . preopens",
    );
}

/// What `fs-edges` prints on wasm32-wasip1 in wasmtime: the wasm32-wasip2 lines but where
/// preview1's host answers otherwise (undefined flags are `inval` on both, refused before the
/// host by `raw` there and by the primitives over WASI 0.2 here). Preview1 wasmtime seeks
/// past `i64::MAX`; holds 200 files open (the table over WASI 0.2 has 128 slots, then
/// `nfile`); answers a write through a read-only descriptor with `inval` where WASI 0.2 says
/// `bad-descriptor`; gives captured stdout the file type `unknown` (the primitives over WASI
/// 0.2 say `character_device` for fds 0, 1 and 2).
fn edges_p1() -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in EDGES_P2.lines() {
        lines.push(match line {
            "seek past i64::MAX -> inval" => "seek past i64::MAX -> ok 18446744073709551614".into(),
            "write read-only -> badf" => "write read-only -> inval".into(),
            // The table here has 128 slots (fds 0-2, the preopen and one open file taken).
            "hold 200 files open -> nfile after 123; closed, open again -> Ok(())" => {
                "hold 200 files open -> ok; closed, open again -> Ok(())".into()
            }
            // The harness captures stdout in memory: preview1 wasmtime calls that `unknown`.
            r#"fdstat stdout -> ok "character_device""# => {
                r#"fdstat stdout -> ok "unknown""#.into()
            }
            other => other.into(),
        });
    }
    lines.join("\n") + "\n"
}

#[test]
fn bad_input_on_p1_gives_the_same_errnos_but_where_hosts_differ() {
    let guest = wasm_function_tests::guest("fs-edges").expect("fs-edges builds for wasm32-wasip1");
    let sandbox = edges_sandbox();
    let outcome = guest
        .run()
        .preopen(sandbox.path(), "/sandbox")
        .execute()
        .expect("the module runs");
    outcome.assert_exit(0);
    let lines: Vec<&str> = outcome.stdout_str().lines().collect();
    assert_lines(&lines, &edges_p1(), "fs-edges on wasm32-wasip1");
}
