//! Compile-fail (ui) tests: every input the macros reject, with the exact diagnostic.
//!
//! Re-bless the `.stderr` snapshots after an intended change with
//! `TRYBUILD=overwrite cargo test -p wasm-function-ui-tests`, using the stable toolchain.

#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn wasm_function_rejections() {
    trybuild::TestCases::new().compile_fail("wasm_function/*.rs");
}

/// Component Model imports (`"ns:pkg/iface@version"` modules), checked against WIT on every
/// target: the built-in WASI 0.2, and `wit-bad/` for a WIT that does not parse.
#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn wasm_function_component_rejections() {
    trybuild::TestCases::new().compile_fail("wasm_function_p2/*.rs");
}

#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn with_memory_allocator_rejections() {
    trybuild::TestCases::new().compile_fail("with_memory_allocator/*.rs");
}

#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn with_memory_allocator_acceptances() {
    trybuild::TestCases::new().pass("with_memory_allocator/pass/*.rs");
}

#[test]
#[cfg_attr(miri, ignore = "trybuild runs rustc")]
fn derive_wasm_type_rejections() {
    trybuild::TestCases::new().compile_fail("derive_wasm_type/*.rs");
}
