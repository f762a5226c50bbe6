//! End-to-end tests of `wasm_function::wasi`: guests built for wasm32-wasip1, run in wasmtime
//! and cross-checked under Node's `node:wasi`.
//!
//! - `wasi-all` references all 46 preview1 functions; its import section must equal the
//!   reference table (`research/wasi_preview1.md` §2) exactly.
//! - `wasi-fs`, `wasi-env` (no_std) and `wasi-std` (std) exercise the safe layer and print one
//!   line per check: `ok <check> <details>` or `FAIL <check> <details>`; lines starting with
//!   `info` report results on which runtimes legitimately differ.

use wasm_function_tests::CoreType::{self, I32, I64};
use wasm_function_tests::{Import, NodeInputs, WASI_MODULE, guest, node_run};

/// The reference table of `research/wasi_preview1.md` §2: every preview1 function with its
/// lowered core signature (parameters, results).
const PREVIEW1: [(&str, &[CoreType], &[CoreType]); 46] = [
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

fn sorted(mut imports: Vec<Import>) -> Vec<Import> {
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
    let expected: Vec<Import> = PREVIEW1
        .iter()
        .map(|(name, params, results)| Import::new(WASI_MODULE, name, params, results))
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
