//! Tests of the Component Model side: the built-in WIT kept in step with `wasmtime-wasi`'s,
//! resolution, and the Canonical ABI layout.

use std::path::PathBuf;

use wit_parser::Resolve;

use super::wit_source;

/// The `src/p2/wit` directory of the `wasmtime-wasi` the workspace depends on (the tests crate
/// does), found through `cargo metadata`, so it works on a fresh clone.
fn wasmtime_wasi_wit() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest)
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let package = metadata["packages"]
        .as_array()
        .expect("a package list")
        .iter()
        .find(|package| package["name"] == "wasmtime-wasi")
        .expect("the workspace depends on wasmtime-wasi");
    let manifest = PathBuf::from(package["manifest_path"].as_str().expect("a manifest path"));
    manifest
        .parent()
        .expect("a crate directory")
        .join("src/p2/wit")
}

/// The WASI packages of `wasmtime-wasi`'s WIT printed as names and types only: `wasi:cli`
/// first, the others nested, in a fixed order.
fn print_wasi(resolve: &Resolve) -> String {
    let find = |name: &str| {
        resolve
            .packages
            .iter()
            .find(|(_, pkg)| pkg.name.namespace == "wasi" && pkg.name.name == name)
            .map(|(id, _)| id)
            .unwrap_or_else(|| panic!("wasmtime-wasi's WIT has wasi:{name}"))
    };
    let nested: Vec<_> = ["io", "clocks", "random", "filesystem", "sockets"]
        .into_iter()
        .map(find)
        .collect();
    let mut printer = wit_component::WitPrinter::default();
    printer.emit_docs(false);
    printer
        .print(resolve, find("cli"), &nested)
        .expect("the WIT prints");
    format!(
        "// WASI 0.2 names and types, printed without documentation from the WIT that\n\
         // wasmtime-wasi ships (src/p2/wit/deps). Regenerate with\n\
         // `WASM_FUNCTION_BLESS=1 cargo test -p wasm-function-macros kept_in_step`.\n{}",
        printer.output
    )
}

/// The built-in copy equals a fresh print of `wasmtime-wasi`'s WIT; `WASM_FUNCTION_BLESS=1`
/// rewrites it.
#[test]
fn kept_in_step() {
    let mut resolve = Resolve::default();
    resolve
        .push_dir(wasmtime_wasi_wit())
        .expect("wasmtime-wasi's WIT parses");
    let printed = print_wasi(&resolve);
    let ours = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("builtin-wit/wasi-0.2.wit");
    if std::env::var_os("WASM_FUNCTION_BLESS").is_some() {
        std::fs::write(&ours, &printed).expect("writable builtin-wit/wasi-0.2.wit");
        return;
    }
    assert!(
        wit_source::WASI_WIT == printed,
        "macros/builtin-wit/wasi-0.2.wit differs from wasmtime-wasi's WIT; regenerate it with WASM_FUNCTION_BLESS=1"
    );
}

#[test]
fn builtin_parses_with_every_interface() {
    let mut resolve = Resolve::default();
    resolve
        .push_str(wit_source::WASI_WIT_NAME, wit_source::WASI_WIT)
        .expect("the built-in WIT parses");
    for (package, interface) in [
        ("cli", "stdout"),
        ("io", "streams"),
        ("clocks", "monotonic-clock"),
        ("random", "random"),
        ("filesystem", "types"),
        ("sockets", "tcp"),
    ] {
        let found = resolve.packages.iter().any(|(_, pkg)| {
            pkg.name.namespace == "wasi"
                && pkg.name.name == package
                && pkg.interfaces.contains_key(interface)
        });
        assert!(found, "wasi:{package}/{interface} is built in");
    }
    assert!(
        !wit_source::WASI_WIT.contains("///"),
        "the built-in WIT carries no documentation"
    );
}
