unsafe impl<'a> ::wasm_function::__private::component::WitType for Segment<'a> {
    const WIT: &'static str = "test:harness/types@0.1.0#segment";
}
const _: &[u8] = ::core::include_bytes!(
    ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/tests/expand/wit/harness.wit")
);
