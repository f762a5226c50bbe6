//! Tests of the harness itself, with the guests `smoke-raw` (no_std, hand-written imports)
//! and `smoke-std` (a std bin).

use std::sync::{Arc, Mutex};

use wasm_function_tests::NumType::{I32, I64};
use wasm_function_tests::{FuncImport, HostCall, Value, guest, guest_from_wat};

fn echo_host(run: wasm_function_tests::Run) -> wasm_function_tests::Run {
    run.host_fn("test_host", "echo_i64", |_ctx, args| Ok(args.to_vec()))
}

#[test]
fn smoke_raw_stdout_exit_code_and_call() {
    let smoke = guest("smoke-raw").unwrap();
    let out = echo_host(smoke.run()).execute().unwrap();
    assert_eq!(out.stdout, b"hello from smoke-raw\n");
    assert_eq!(out.stdout_str(), "hello from smoke-raw\n");
    assert_eq!(out.stderr_str(), "echo: -9223372036854775808\n");
    assert_eq!(out.exit_code, 7);
    assert_eq!(out.trap, None);
    assert_eq!(
        out.calls,
        [HostCall {
            module: "test_host".into(),
            name: "echo_i64".into(),
            args: vec![Value::I64(i64::MIN)],
        }]
    );
    assert!(
        out.fuel_consumed > 0,
        "fuel_consumed = {}",
        out.fuel_consumed
    );
    assert!(out.memory_pages >= 1, "memory_pages = {}", out.memory_pages);
    out.assert_exit(7);
}

#[test]
fn smoke_raw_imports_read_back_exactly() {
    let smoke = guest("smoke-raw").unwrap();
    let imports = smoke.imports().unwrap();
    assert_eq!(
        imports,
        [
            FuncImport::new(
                "wasi_snapshot_preview1",
                "fd_write",
                &[I32, I32, I32, I32],
                &[I32]
            ),
            FuncImport::new("test_host", "echo_i64", &[I64], &[I64]),
            FuncImport::new("wasi_snapshot_preview1", "proc_exit", &[I32], &[]),
        ]
    );
    assert_eq!(
        imports[0].to_string(),
        "wasi_snapshot_preview1.fd_write: (i32, i32, i32, i32) -> (i32)"
    );
    assert_eq!(
        imports[2].to_string(),
        "wasi_snapshot_preview1.proc_exit: (i32) -> ()"
    );
    assert_eq!(smoke.size(), smoke.bytes.len());
    assert!(smoke.path.is_file());
}

#[test]
fn missing_custom_import_is_an_error_naming_it() {
    let smoke = guest("smoke-raw").unwrap();
    let err = smoke.run().execute().unwrap_err();
    let msg = format!("{err:#}");
    assert!(msg.contains("test_host.echo_i64"), "{msg}");
    assert!(msg.contains("(i64) -> (i64)"), "{msg}");
}

#[test]
fn unknown_imports_are_recorded_and_return_zero() {
    let smoke = guest("smoke-raw").unwrap();
    let out = smoke.run().record_unknown_imports().execute().unwrap();
    assert_eq!(out.exit_code, 7);
    assert_eq!(out.stderr_str(), "echo: 0\n");
    assert_eq!(out.calls.len(), 1);
    assert_eq!(out.calls[0].args, [Value::I64(i64::MIN)]);
}

#[test]
fn host_fn_sees_arguments_and_its_results_reach_the_guest() {
    let smoke = guest("smoke-raw").unwrap();
    let out = smoke
        .run()
        .host_fn("test_host", "echo_i64", |ctx, args| {
            ctx.write_stdout(b"[host]\n")?;
            Ok(vec![Value::I64(
                args[0].as_i64().unwrap().wrapping_add(i64::MAX),
            )])
        })
        .execute()
        .unwrap();
    assert_eq!(out.stdout_str(), "hello from smoke-raw\n[host]\n");
    assert_eq!(out.stderr_str(), "echo: -1\n");
}

#[test]
fn host_fn_error_and_bad_result_type_are_traps() {
    let smoke = guest("smoke-raw").unwrap();
    let out = smoke
        .run()
        .host_fn("test_host", "echo_i64", |_, _| {
            anyhow::bail!("boom from host")
        })
        .execute()
        .unwrap();
    let trap = out.trap.as_deref().expect("a trap");
    assert!(trap.contains("boom from host"), "{trap}");
    assert_eq!(out.exit_code, 134);
    assert_eq!(out.stdout_str(), "hello from smoke-raw\n");

    let out = smoke
        .run()
        .host_fn("test_host", "echo_i64", |_, _| Ok(vec![Value::I32(1)]))
        .execute()
        .unwrap();
    let trap = out.trap.as_deref().expect("a trap");
    assert!(
        trap.contains("test_host.echo_i64: (i64) -> (i64)"),
        "{trap}"
    );
}

#[test]
fn wasi_function_can_be_replaced() {
    let smoke = guest("smoke-raw").unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let seen2 = seen.clone();
    let out = echo_host(smoke.run())
        .host_fn("wasi_snapshot_preview1", "fd_write", move |ctx, args| {
            // fd, iovs, iovs_len, nwritten: read the one iovec, claim it all written.
            let [
                Value::I32(fd),
                Value::I32(iovs),
                Value::I32(1),
                Value::I32(nwritten),
            ] = *args
            else {
                anyhow::bail!("unexpected fd_write args {args:?}");
            };
            let iov = ctx.read_memory(iovs as u32, 8)?;
            let ptr = u32::from_le_bytes(iov[0..4].try_into()?);
            let len = u32::from_le_bytes(iov[4..8].try_into()?);
            seen2.lock().unwrap().push((fd, ctx.read_str(ptr, len)?));
            ctx.write_memory(nwritten as u32, &len.to_le_bytes())?;
            Ok(vec![Value::I32(0)])
        })
        .execute()
        .unwrap();
    assert_eq!(out.exit_code, 7);
    assert!(out.stdout.is_empty());
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0], (1, "hello from smoke-raw\n".to_owned()));
    assert_eq!(seen[1], (2, "echo: ".to_owned()));
    assert_eq!(out.calls.len(), 5, "{:?}", out.calls); // 4 fd_write + echo_i64
}

#[test]
fn trap_is_an_outcome() {
    let smoke = guest("smoke-raw").unwrap();
    let out = echo_host(smoke.run()).entry("trap").execute().unwrap();
    let trap = out.trap.as_deref().expect("a trap");
    assert!(trap.contains("unreachable"), "{trap}");
    assert_eq!(out.exit_code, 134);
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_entry_is_an_error() {
    let smoke = guest("smoke-raw").unwrap();
    let err = echo_host(smoke.run()).entry("nope").execute().unwrap_err();
    let msg = format!("{err:#}");
    assert!(msg.contains("nope") && msg.contains("_start"), "{msg}");
}

#[test]
fn running_out_of_fuel_is_a_trap() {
    let smoke = guest("smoke-raw").unwrap();
    let out = echo_host(smoke.run()).fuel(3).execute().unwrap();
    let trap = out.trap.as_deref().expect("a trap");
    assert!(trap.contains("fuel"), "{trap}");
}

#[test]
fn unknown_guest_is_an_error_listing_guests() {
    let err = guest("no-such-guest").unwrap_err();
    let msg = format!("{err:#}");
    assert!(msg.contains("smoke-raw"), "{msg}");
}

#[test]
fn smoke_std_args_env_stdin_and_preopen() {
    let smoke = guest("smoke-std").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.txt"), "from the host").unwrap();
    let out = smoke
        .run()
        .arg("first")
        .args(["second arg", "ünïcödé"])
        .env("GREETING", "hi")
        .env("EMPTY", "")
        .stdin(b"piped input")
        .preopen(dir.path(), "/data")
        .execute()
        .unwrap();
    out.assert_exit(0);
    assert_eq!(
        out.stdout_str(),
        "arg[0]=smoke-std\narg[1]=first\narg[2]=second arg\narg[3]=ünïcödé\n\
         env GREETING=hi\nenv EMPTY=\nstdin=piped input\nin.txt=from the host\n"
    );
    assert_eq!(out.stderr_str(), "smoke-std done\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.txt")).unwrap(),
        "written by smoke-std"
    );
    assert!(out.calls.is_empty());
}

#[test]
fn smoke_std_proc_exit_code_and_no_preopen() {
    let smoke = guest("smoke-std").unwrap();
    let out = smoke.run().arg("fail").execute().unwrap();
    assert_eq!(out.exit_code, 3);
    assert_eq!(out.trap, None);
    assert_eq!(out.stdout_str(), "arg[0]=smoke-std\narg[1]=fail\nstdin=\n");
}

#[test]
fn wat_guest_runs_and_counts_fuel() {
    let g = guest_from_wat(
        r#"(module
            (import "m" "f" (func $f (param i32 f64) (result f32)))
            (memory (export "memory") 2)
            (func (export "_start")
              (drop (call $f (i32.const -1) (f64.const -0.0)))))"#,
    )
    .unwrap();
    assert_eq!(
        g.imports().unwrap(),
        [FuncImport::new(
            "m",
            "f",
            &[I32, wasm_function_tests::NumType::F64],
            &[wasm_function_tests::NumType::F32]
        )]
    );
    let out = g
        .run()
        .host_fn("m", "f", |_, _| Ok(vec![Value::from_f32(f32::NAN)]))
        .execute()
        .unwrap();
    out.assert_exit(0);
    assert_eq!(out.calls[0].args, [Value::I32(-1), Value::F64(1 << 63)]);
    assert_eq!(out.calls[0].args[1], Value::from_f64(-0.0));
    assert_ne!(out.calls[0].args[1], Value::from_f64(0.0));
    assert_eq!(out.memory_pages, 2);
    assert!(out.fuel_consumed > 0);
}

/// A module that writes `a\n`, logs `hi` through `demo_host.log`, writes `b\n`, and exits
/// with `demo_host.add_i64(40, 2)`.
const DEMO_HOST_WAT: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "demo_host" "log" (func $log (param i32 i32 i32)))
  (import "demo_host" "add_i64" (func $add (param i64 i64) (result i64)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "a\0ab\0ahi")
  (func $write (param $ptr i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (i32.const 2))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "_start")
    (call $write (i32.const 16))
    (call $log (i32.const 3) (i32.const 20) (i32.const 2))
    (call $write (i32.const 18))
    (call $exit (i32.wrap_i64 (call $add (i64.const 40) (i64.const 2))))))"#;

#[test]
fn runner_binary_orders_host_logs_and_exits_with_guest_code() {
    let g = guest_from_wat(DEMO_HOST_WAT).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let wasm = dir.path().join("demo-host.wasm");
    std::fs::write(&wasm, &g.bytes).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_run"))
        .arg("--wasm")
        .arg(&wasm)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stdout, "a\n[host log level 3] hi\nb\n", "stderr: {stderr}");
    assert_eq!(out.status.code(), Some(42), "stderr: {stderr}");
    assert!(
        stderr.contains(&format!(
            "[run] demo-host: exit 42, fuel {}",
            g.run()
                .host_fn("demo_host", "log", |_, _| Ok(vec![]))
                .host_fn("demo_host", "add_i64", |_, _| Ok(vec![Value::I64(42)]))
                .execute()
                .unwrap()
                .fuel_consumed
        )),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(&format!("wasm size {} bytes\n", g.size())),
        "{stderr}"
    );
}

#[test]
fn runner_binary_runs_a_guest_crate_with_env_and_args() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_run"))
        .args(["--env", "K=V=W", "--guest", "smoke-std", "one", "fail"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stdout, "arg[0]=smoke-std\narg[1]=one\narg[2]=fail\nenv K=V=W\nstdin=\n",
        "stderr: {stderr}"
    );
    assert_eq!(out.status.code(), Some(3), "stderr: {stderr}");
    assert!(stderr.contains("[run] smoke-std: exit 3"), "{stderr}");
}
