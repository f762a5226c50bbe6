//! End-to-end tests of `#[wasm_function]`: guests built for wasm32-wasip1, run in wasmtime,
//! their import sections read back.

use wasm_function_tests::NumType::{F32, F64, I32, I64};
use wasm_function_tests::{FuncImport, Guest, HostCall, Outcome, Run, Value, guest};

const ECHOES: [&str; 9] = [
    "echo_i32",
    "echo_u32",
    "echo_i64",
    "echo_u64",
    "echo_f32",
    "echo_f64",
    "echo_bool",
    "echo_i8",
    "echo_u16",
];

fn with_hosts(run: Run, exit_code: i32) -> Run {
    let mut run = run
        .host_fn("test_other", "echo_i32", |_, args| match args {
            [Value::I32(v)] => Ok(vec![Value::I32(v.wrapping_add(1))]),
            other => anyhow::bail!("unexpected arguments {other:?}"),
        })
        .host_fn("test_values", "mixed", |_, args| match args {
            [Value::I64(a), b, c, Value::I32(d)] => {
                let (b, c) = (
                    b.as_f64().unwrap_or(f64::NAN),
                    c.as_f32().unwrap_or(f32::NAN),
                );
                #[allow(clippy::cast_precision_loss)]
                let sum = *a as f64 + b + f64::from(c) + f64::from(*d);
                Ok(vec![Value::from_f64(sum)])
            }
            other => anyhow::bail!("unexpected arguments {other:?}"),
        })
        .host_fn("test_values", "exit_code", move |_, _| {
            Ok(vec![Value::I32(exit_code)])
        });
    for name in ECHOES {
        run = run.host_fn("test_values", name, |_, args| Ok(args.to_vec()));
    }
    run
}

fn roundtrip(exit_code: i32) -> (Guest, Outcome) {
    let guest = guest("abi-roundtrip").expect("abi-roundtrip builds");
    let outcome = with_hosts(guest.run(), exit_code).execute().expect("runs");
    (guest, outcome)
}

fn calls_to<'a>(outcome: &'a Outcome, name: &str) -> Vec<&'a [Value]> {
    outcome
        .calls
        .iter()
        .filter(|call| call.module == "test_values" && call.name == name)
        .map(|call| call.args.as_slice())
        .collect()
}

#[test]
fn imports_come_out_exactly_as_declared() {
    let guest = guest("abi-roundtrip").expect("abi-roundtrip builds");
    let mut actual = guest.imports().expect("import section");
    let mut expected = vec![
        FuncImport::new(
            "wasi_snapshot_preview1",
            "fd_write",
            &[I32, I32, I32, I32],
            &[I32],
        ),
        FuncImport::new("wasi_snapshot_preview1", "proc_exit", &[I32], &[]),
        FuncImport::new("test_values", "echo_i32", &[I32], &[I32]),
        FuncImport::new("test_values", "echo_u32", &[I32], &[I32]),
        FuncImport::new("test_values", "echo_i64", &[I64], &[I64]),
        FuncImport::new("test_values", "echo_u64", &[I64], &[I64]),
        FuncImport::new("test_values", "echo_f32", &[F32], &[F32]),
        FuncImport::new("test_values", "echo_f64", &[F64], &[F64]),
        FuncImport::new("test_values", "echo_bool", &[I32], &[I32]),
        FuncImport::new("test_values", "echo_i8", &[I32], &[I32]),
        FuncImport::new("test_values", "echo_u16", &[I32], &[I32]),
        FuncImport::new("test_values", "mixed", &[I64, F64, F32, I32], &[F64]),
        FuncImport::new("test_values", "exit_code", &[], &[I32]),
        FuncImport::new("test_other", "echo_i32", &[I32], &[I32]),
    ];
    let key = |import: &FuncImport| (import.module.clone(), import.name.clone());
    actual.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(actual, expected);
}

#[test]
fn extremes_reach_the_host_bit_for_bit() {
    let (_, outcome) = roundtrip(0);
    assert_eq!(outcome.trap, None);
    assert_eq!(outcome.stdout_str(), "abi-roundtrip done\n");
    assert_eq!(
        calls_to(&outcome, "echo_i32"),
        [
            &[Value::I32(i32::MIN)][..],
            &[Value::I32(-1)],
            &[Value::I32(0)],
            &[Value::I32(1)],
            &[Value::I32(i32::MAX)],
            // `again::echo_i32_again(-7)`: the second declaration calls the same import.
            &[Value::I32(-7)],
        ]
    );
    // u32 values reach the host as the same 32 bits.
    assert_eq!(
        calls_to(&outcome, "echo_u32"),
        [
            &[Value::I32(0)][..],
            &[Value::I32(1)],
            &[Value::I32(i32::MIN)],
            &[Value::I32(-1)],
        ]
    );
    assert_eq!(
        calls_to(&outcome, "echo_i64"),
        [
            &[Value::I64(i64::MIN)][..],
            &[Value::I64(-1)],
            &[Value::I64(0)],
            &[Value::I64(i64::MAX)]
        ]
    );
    assert_eq!(
        calls_to(&outcome, "echo_u64"),
        [
            &[Value::I64(0)][..],
            &[Value::I64(i64::MIN)],
            &[Value::I64(-1)]
        ]
    );
    let f32_bits: Vec<u32> = calls_to(&outcome, "echo_f32")
        .iter()
        .map(|args| match args {
            [Value::F32(bits)] => *bits,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        f32_bits,
        [
            0x8000_0000,
            0x7f80_0000,
            0xff80_0000,
            0x7fc0_0001,
            0x7f80_0001,
            0xffc1_2345,
            0x3fc0_0000,
            1
        ]
    );
    let f64_bits: Vec<u64> = calls_to(&outcome, "echo_f64")
        .iter()
        .map(|args| match args {
            [Value::F64(bits)] => *bits,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        f64_bits,
        [
            0x8000_0000_0000_0000,
            0x7ff0_0000_0000_0000,
            0xfff0_0000_0000_0000,
            0x7ff8_0000_0000_0001,
            0x7ff0_0000_0000_0001,
            0xfff8_dead_beef_0001,
            0x3ff8_0000_0000_0000,
            1
        ]
    );
    assert_eq!(
        calls_to(&outcome, "echo_bool"),
        [&[Value::I32(1)][..], &[Value::I32(0)]]
    );
    // i8 is sign-extended, u16 zero-extended, as the C ABI lowers them.
    assert_eq!(
        calls_to(&outcome, "echo_i8"),
        [&[Value::I32(-128)][..], &[Value::I32(127)]]
    );
    assert_eq!(calls_to(&outcome, "echo_u16"), [&[Value::I32(65535)][..]]);
    assert!(outcome.calls.contains(&HostCall {
        module: "test_other".into(),
        name: "echo_i32".into(),
        args: vec![Value::I32(41)],
    }));
    // Every value also came back unchanged: the guest counts mismatches into its exit code.
    assert_eq!(
        outcome.exit_code, 0,
        "the guest saw values change on the way back"
    );
}

#[test]
fn proc_exit_ends_the_run_with_its_code() {
    // wasmtime accepts exit codes below 126 (larger ones trap).
    for code in [42, 1, 125] {
        let (_, outcome) = roundtrip(code);
        assert_eq!(outcome.exit_code, code);
        assert_eq!(outcome.trap, None);
    }
}

#[test]
fn no_std_hello_world_is_no_larger_than_the_wasip1_crate() {
    let ours = guest("hello-attr").expect("hello-attr builds");
    let peer = guest("hello-wasip1").expect("hello-wasip1 builds");
    for hello in [&ours, &peer] {
        let outcome = hello.run().execute().expect("runs");
        assert_eq!(outcome.stdout_str(), "Hello, world!\n", "{}", hello.name);
        assert_eq!(outcome.exit_code, 0);
    }
    assert_eq!(
        ours.imports().expect("imports"),
        [FuncImport::new(
            "wasi_snapshot_preview1",
            "fd_write",
            &[I32, I32, I32, I32],
            &[I32]
        )]
    );
    assert!(
        ours.size() <= peer.size(),
        "#[wasm_function] hello world is {} bytes, the wasip1 crate's {} bytes",
        ours.size(),
        peer.size()
    );
}

#[test]
fn node_runs_the_hello_world_the_same_way() {
    let hello = guest("hello-attr").expect("hello-attr builds");
    let Some(node) =
        wasm_function_tests::node_run(&hello, &wasm_function_tests::NodeInputs::default())
            .expect("node runs")
    else {
        eprintln!("node is not installed: skipping the cross-check under node:wasi");
        return;
    };
    let wasmtime = hello.run().execute().expect("runs");
    assert_eq!(node.stdout, wasmtime.stdout);
    assert_eq!(node.exit_code, wasmtime.exit_code);
}
