const _: () = {
    const fn field<T: ::wasm_function::__private::WasmLayout>() {}
    field::<u32>();
    field::<u64>();
    ::core::assert!(
        ::core::mem::size_of:: < Span > () == 16,
        "`Span` is not 16 bytes, as `#[wasm_type(size = 16)]` says"
    );
    ::core::assert!(
        ::core::mem::align_of:: < Span > () == 8,
        "`Span` is not aligned to 8, as `#[wasm_type(align = 8)]` says"
    );
    ::core::assert!(
        ::core::mem::offset_of!(Span, 0) == 0,
        "the offset of `Span.0` is not 0, as its `#[wasm_type(offset = 0)]` says"
    );
    ::core::assert!(
        ::core::mem::offset_of!(Span, 1) == 8,
        "the offset of `Span.1` is not 8, as its `#[wasm_type(offset = 8)]` says"
    );
};
unsafe impl ::wasm_function::__private::WasmLayout for Span {}
