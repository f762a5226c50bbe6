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

/// Forgetting guards until the count of open and leaked scopes would pass 2^32 - 1: the scope
/// that would wrap it panics (a trap on wasm32), never reusing a depth.
#[test]
fn forgotten_scope_guards_past_the_end_of_the_count_panic() {
    let guest = guest("memory-leaks").expect("memory-leaks builds");
    let outcome = guest
        .run()
        .arg("overflow")
        .fuel(u64::MAX)
        .execute()
        .expect("runs");
    assert_ne!(outcome.exit_code, 0, "{}", outcome.stdout_str());
    assert!(
        outcome
            .stderr_str()
            .contains("this thread has 2^32 - 1 memory scopes open or leaked"),
        "{}",
        outcome.stderr_str()
    );
    assert_eq!(outcome.stdout_str(), "");
}

#[test]
fn segments_cross_imports_as_pointer_and_length() {
    let guest = guest("memory-segments").expect("memory-segments builds");
    let reported = Arc::new(Mutex::new(None));
    let sink = Arc::clone(&reported);
    let outcome = guest
        .run()
        .host_fn("test_segments", "fill", |ctx, args| match args {
            [Value::I32(ptr), Value::I32(len), Value::I32(byte)] => {
                let bytes = vec![*byte as u8; *len as usize];
                ctx.write_memory(*ptr as u32, &bytes)?;
                Ok(vec![])
            }
            other => anyhow::bail!("unexpected arguments {other:?}"),
        })
        .host_fn("test_segments", "checksum", |ctx, args| match args {
            [Value::I32(ptr), Value::I32(len)] => {
                let bytes = ctx.read_memory(*ptr as u32, *len as u32)?;
                let sum: u32 = bytes.iter().map(|&byte| u32::from(byte)).sum();
                Ok(vec![Value::I32(sum as i32)])
            }
            other => anyhow::bail!("unexpected arguments {other:?}"),
        })
        .host_fn("test_segments", "report", move |_, args| {
            *sink.lock().expect("lock") = Some(args.to_vec());
            Ok(vec![])
        })
        .execute()
        .expect("runs");
    assert_eq!(outcome.trap, None);
    let args = reported.lock().expect("lock").clone().expect("reported");
    let [
        Value::I32(filled),
        Value::I32(host_sum),
        Value::I32(guest_sum),
        Value::I32(written),
    ] = args[..]
    else {
        panic!("unexpected report {args:?}");
    };
    assert_eq!(
        filled, 1,
        "the host's writes through `&mut MemorySegment` were not seen"
    );
    // "segments" then 16 bytes of 0xAB.
    let expected = b"segments".iter().map(|&b| u32::from(b)).sum::<u32>() + 16 * 0xAB;
    assert_eq!((host_sum as u32, guest_sum as u32), (expected, expected));
    // Two iovecs; a runtime may write only the first one per call.
    let all = "written from a scope\nwritten ";
    assert!(written == 21 || written == 29, "{written}");
    assert_eq!(outcome.stdout_str(), &all[..written as usize]);
}
