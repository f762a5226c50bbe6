pub fn string_len(s: &str) -> u32 {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "string-len"]
        fn __wasm_function_import(__arg3: i32, __arg4: i32) -> i32;
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i32) -> i32 {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/calls@0.1.0",
            "string-len",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:c087faf9578b82aa")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1767] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let (__ptr1, __len2) = ::wasm_function::__private::component::str_parts(&s);
    let __core = unsafe { __wasm_function_import(__ptr1, __len2) };
    (__core as u32)
}
