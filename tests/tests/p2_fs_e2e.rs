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
    println!("{names:?}");
    let core = core_imports(&guest.bytes);
    println!("{core:?}");
    assert!(
        names.iter().all(|n| n.starts_with("wasi:") && n.contains("@0.2.")),
        "only WASI 0.2 interfaces: {names:?}"
    );
    assert!(
        !core.iter().any(|i| i.starts_with("wasi_snapshot_preview1::")),
        "no preview1 import, so no adapter: {core:?}"
    );
}
