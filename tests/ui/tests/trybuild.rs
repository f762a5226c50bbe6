//! Compile-fail (ui) tests: every input the macros reject, with the exact diagnostic.
//!
//! Re-bless the `.stderr` snapshots after an intended change with
//! `TRYBUILD=overwrite cargo test -p wasm-function-ui-tests`, using the stable toolchain.

#[test]
fn wasm_function_rejections() {
    trybuild::TestCases::new().compile_fail("wasm_function/*.rs");
}

#[test]
fn with_memory_allocator_rejections() {
    trybuild::TestCases::new().compile_fail("with_memory_allocator/*.rs");
}

#[test]
fn derive_wasm_type_rejections() {
    trybuild::TestCases::new().compile_fail("derive_wasm_type/*.rs");
}
