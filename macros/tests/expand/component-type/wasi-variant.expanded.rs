unsafe impl ::wasm_function::__private::component::WitType for StreamError {
    const WIT: &'static str = "wasi:io/streams@0.2.12#stream-error";
}
