//! The filesystem on wasm32-wasip2: the preview1 guest `wasi-fs`, built for wasm32-wasip2,
//! runs through the safe layer's primitives implemented over `wasi:filesystem@0.2` and must
//! print what it prints on preview1, leaving the same files behind.

mod wasi_fs_shared;

use wasm_function_tests::{Guest, Profile, Target, guest_for};
use wasi_fs_shared::{FS_CHECKS, assert_fs_sandbox_after, assert_lines, fs_sandbox, split_lines};

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
    println!("{}", outcome.stdout_str());
    outcome.assert_exit(0);
    let (checks, _info) = split_lines(outcome.stdout_str());
    assert_lines(&checks, FS_CHECKS, "wasi-fs on wasm32-wasip2");
    assert_fs_sandbox_after(sandbox.path());
}
