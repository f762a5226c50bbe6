pub fn sum(a: &Counter, b: &Counter) -> Counter {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/types@0.1.0")]
    unsafe extern "C" {
        #[link_name = "[static]counter.sum"]
        fn __wasm_function_import(__arg1: i32, __arg2: i32) -> i32;
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i32) -> i32 {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/types@0.1.0",
            "[static]counter.sum",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:1f542b055d49664c")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 725] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    const _: () = ::core::assert!(
        ::wasm_function::__private::component::same_str(< Counter as
        ::wasm_function::__private::component::Resource > ::WIT,
        "test:harness/types@0.1.0#counter"),
        "this Rust type is not the WIT resource `test:harness/types@0.1.0#counter`: declare it with `#[wasm_resource(\"test:harness/types@0.1.0\", \"counter\")]`"
    );
    let __core = unsafe {
        __wasm_function_import(
            (<Counter as ::wasm_function::__private::component::Resource>::handle(a)
                as i32),
            (<Counter as ::wasm_function::__private::component::Resource>::handle(b)
                as i32),
        )
    };
    unsafe {
        <Counter as ::wasm_function::__private::component::Resource>::from_handle(
            __core as u32,
        )
    }
}
