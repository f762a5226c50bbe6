//! End-to-end tests of the scoped allocator in wasmtime.

use std::sync::{Arc, Mutex};

use wasm_function_tests::{Value, guest};

#[test]
fn scoped_memory_coexists_with_std_allocations_and_survives_out_of_memory() {
    let guest = guest("memory-std").expect("memory-std builds");
    // 64 MiB: the guest's request for 3 GiB cannot be met, as on a small host.
    let outcome = guest.run().max_memory(64 << 20).execute().expect("runs");
    let stdout = outcome.stdout_str();
    assert_eq!(outcome.exit_code, 0, "{stdout}{}", outcome.stderr_str());
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "interleaved: 300 rounds, no overlap");
    assert!(
        lines[1].starts_with("out of memory: Err(") && lines[1].ends_with("), then carried on"),
        "{}",
        lines[1]
    );
}

#[test]
fn a_million_scopes_in_a_no_std_module_do_not_grow_memory() {
    let guest = guest("memory-nostd").expect("memory-nostd builds");
    let reported = Arc::new(Mutex::new(None));
    let sink = Arc::clone(&reported);
    let outcome = guest
        .run()
        .host_fn("test_memory", "iterations", |_, _| {
            Ok(vec![Value::I32(1_000_000)])
        })
        .host_fn("test_memory", "report", move |_, args| {
            *sink.lock().expect("lock") = Some(args.to_vec());
            Ok(vec![])
        })
        .execute()
        .expect("runs");
    assert_eq!(outcome.trap, None);
    let args = reported
        .lock()
        .expect("lock")
        .clone()
        .expect("the guest reported");
    let [
        Value::I32(after_first),
        Value::I32(after_loop),
        Value::I32(failures),
    ] = args[..]
    else {
        panic!("unexpected report {args:?}");
    };
    assert_eq!(failures, 0, "data written in a scope read back wrong");
    assert_eq!(after_loop, after_first, "memory grew during the loop");
    // No global allocator: the only imports are the test host's.
    let imports = guest.imports().expect("imports");
    assert!(
        imports.iter().all(|import| import.module == "test_memory"),
        "{imports:?}"
    );
}

/// The reported exploit, at full scale (before the fix every line but the last said `FAILED`).
#[test]
fn four_billion_forgotten_scope_guards_never_free_live_memory() {
    let guest = guest("memory-leaks").expect("memory-leaks builds");
    let outcome = guest
        .run()
        .args(["two words", "ünïcode"])
        .fuel(u64::MAX)
        .execute()
        .expect("runs");
    let stdout = outcome.stdout_str();
    assert_eq!(outcome.exit_code, 0, "{stdout}{}", outcome.stderr_str());
    assert_eq!(
        stdout,
        "new scopes never overlap the leaked segment: ok\n\
         the leaked segment is intact: ok\n\
         args_in strings intact: ok\n\
         scopes after the leaks reuse their memory: ok\n"
    );
}
