//! The components that import only WASI 0.2 run the same in wasmtime and in jco (Node with
//! `@bytecodealliance/preview2-shim`): same stdout, stderr, exit code and trap-or-not.
//!
//! jco is installed by `npm ci` in `tests/jco` (`.ci/run` does it); without it (or without
//! `node`) the jco half of each test is skipped with a line on stderr saying why, unless
//! `WASM_FUNCTION_REQUIRE_JCO` is set. Guests of the harness world (`test:harness/*`) are not
//! here: jco has no host for it.
//!
//! To add a case: build the guest with [`p2`], describe its inputs with [`ComponentInputs`], and
//! call [`assert_same_in_wasmtime_and_jco`] with the stdout and exit code you expect.

use wasm_function_tests::{
    ComponentInputs, Guest, Profile, Target, assert_same_in_wasmtime_and_jco, guest_for, jco_run,
};

/// The guest `tests/guests/<name>` built for wasm32-wasip2 (release).
fn p2(name: &str) -> Guest {
    guest_for(name, Target::Wasip2, Profile::Release)
        .unwrap_or_else(|e| panic!("{name} builds: {e:#}"))
}

#[test]
fn no_std_hello_through_the_attribute() {
    assert_same_in_wasmtime_and_jco(
        &p2("p2-hello"),
        &ComponentInputs::new(),
        "Hello from a no_std component!\n",
        0,
    );
}

#[test]
fn hand_written_hello_imports_wasi_0_2_6() {
    assert_same_in_wasmtime_and_jco(
        &p2("p2-hello-raw"),
        &ComponentInputs::new(),
        "Hello, world!\n",
        0,
    );
}

#[test]
fn declarations_from_another_crate() {
    assert_same_in_wasmtime_and_jco(
        &p2("p2-cross"),
        &ComponentInputs::new(),
        "Hello across crates!\n",
        0,
    );
}

#[test]
fn the_wasip2_crate_hello() {
    assert_same_in_wasmtime_and_jco(
        &p2("bench-p2-wasip2"),
        &ComponentInputs::new(),
        "Hello, world!\n",
        0,
    );
}

#[test]
fn std_arguments_environment_and_a_preopened_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("notes.txt"), "grüße aus der Datei").expect("write");
    let inputs = ComponentInputs::new()
        .args(["two words", "ünï©ødé ✓", "", "exit=0"])
        .env("READ", "notes.txt")
        .env("EQUATION", "a=b=c")
        .env("EMPTY", "")
        .preopen(dir.path(), ".");
    let (_, jco) = assert_same_in_wasmtime_and_jco(
        &p2("p2-std-hello"),
        &inputs,
        "hello from p2-std-hello\n\
         args: [\"p2-std-hello\", \"two words\", \"ünï©ødé ✓\", \"\", \"exit=0\"]\n\
         env: READ=notes.txt\n\
         env: EQUATION=a=b=c\n\
         env: EMPTY=\n\
         notes.txt: grüße aus der Datei\n",
        0,
    );
    if let Some(jco) = jco {
        assert_eq!(jco.stderr_str(), "p2-std-hello on stderr\n");
    }
}

#[test]
fn std_reads_an_absolute_path_through_a_root_preopen() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/deep.txt"), "under /").expect("write");
    assert_same_in_wasmtime_and_jco(
        &p2("p2-std-hello"),
        &ComponentInputs::new()
            .env("READ", "/sub/deep.txt")
            .preopen(dir.path(), "/"),
        "hello from p2-std-hello\n\
         args: [\"p2-std-hello\"]\n\
         env: READ=/sub/deep.txt\n\
         /sub/deep.txt: under /\n",
        0,
    );
}

#[test]
fn std_without_a_preopen_cannot_read_the_file() {
    let (wasmtime, _) = assert_same_in_wasmtime_and_jco(
        &p2("p2-std-hello"),
        &ComponentInputs::new().env("READ", "notes.txt"),
        "hello from p2-std-hello\n\
         args: [\"p2-std-hello\"]\n\
         env: READ=notes.txt\n\
         notes.txt: error No such file or directory (os error 44)\n",
        0,
    );
    assert_eq!(wasmtime.stderr_str(), "p2-std-hello on stderr\n");
}

#[test]
fn std_exit_codes_and_a_panic() {
    let hello = p2("p2-std-hello");
    // `process::exit(3)` reaches the host as `wasi:cli/exit.exit(err)`: 1 in both.
    assert_same_in_wasmtime_and_jco(
        &hello,
        &ComponentInputs::new().arg("exit=3"),
        "hello from p2-std-hello\nargs: [\"p2-std-hello\", \"exit=3\"]\n",
        1,
    );
    // A panic aborts: a trap, 134 in both, and the panic message on stderr in both.
    let inputs = ComponentInputs::new().arg("exit=x");
    let hello_out = "hello from p2-std-hello\nargs: [\"p2-std-hello\", \"exit=x\"]\n";
    let (wasmtime, jco) = assert_same_in_wasmtime_and_jco(&hello, &inputs, hello_out, 134);
    assert!(
        wasmtime.stderr_str().contains("exit=N takes a number"),
        "{}",
        wasmtime.stderr_str()
    );
    if let Some(jco) = jco {
        let trap = jco.trap.expect("jco reports the trap");
        assert!(trap.contains("unreachable"), "{trap}");
    }
}

#[test]
fn the_transpiled_component_is_cached() {
    let hello = p2("p2-hello");
    let inputs = ComponentInputs::new();
    let Some(first) = jco_run(&hello, &inputs).expect("jco runs p2-hello") else {
        eprintln!("skipping: jco is not installed");
        return;
    };
    let second = jco_run(&hello, &inputs)
        .expect("jco runs p2-hello again")
        .expect("still installed");
    assert_eq!(
        second.transpile_time, None,
        "the second run transpiles again"
    );
    assert_eq!(first.stdout, second.stdout);
    eprintln!(
        "jco: transpile {:?} (None: cached by an earlier run), node run {:?}, cached run {:?}",
        first.transpile_time, first.run_time, second.run_time
    );
}
