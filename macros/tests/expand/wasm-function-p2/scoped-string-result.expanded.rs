pub fn echo_string_in<'s>(memory: &MemoryAllocator<'s>, s: &str) -> &'s str {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "echo-string"]
        fn __wasm_function_import(__arg6: i32, __arg7: i32, __arg8: i32);
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i32, _: i32) {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/calls@0.1.0",
            "echo-string",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:740d5ac3650423fa")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1767] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let (__ptr1, __len2) = ::wasm_function::__private::component::str_parts(&s);
    let mut __ret3 = ::core::mem::MaybeUninit::<[u64; 1]>::uninit();
    let __ret_base4: *mut u8 = __ret3.as_mut_ptr().cast::<u8>();
    ::wasm_function::__private::component::with_realloc_scope(
        memory,
        || unsafe {
            __wasm_function_import(
                __ptr1,
                __len2,
                ::wasm_function::__private::component::address_of(__ret_base4),
            )
        },
    );
    {
        let __read5: *const u8 = __ret_base4;
        unsafe {
            ::wasm_function::__private::component::lift_scoped_str(
                memory,
                ::wasm_function::__private::component::load::<u32>(__read5, 0usize),
                ::wasm_function::__private::component::load::<u32>(__read5, 4usize),
            )
        }
    }
}
