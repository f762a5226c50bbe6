pub fn arguments<'s>(memory: &MemoryAllocator<'s>) -> &'s [&'s str] {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "wasi:cli/environment@0.2.0")]
    unsafe extern "C" {
        #[link_name = "get-arguments"]
        fn __wasm_function_import(__arg5: i32);
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32) {
        ::wasm_function::__private::not_on_this_target(
            "wasi:cli/environment@0.2.0",
            "get-arguments",
        )
    }
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:97e309a40bf0e4f5")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 294] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let mut __ret1 = ::core::mem::MaybeUninit::<[u64; 1]>::uninit();
    let __ret_base2: *mut u8 = __ret1.as_mut_ptr().cast::<u8>();
    ::wasm_function::__private::component::with_realloc_scope(
        memory,
        || unsafe {
            __wasm_function_import(
                ::wasm_function::__private::component::address_of(__ret_base2),
            )
        },
    );
    {
        let __read3: *const u8 = __ret_base2;
        unsafe {
            ::wasm_function::__private::component::lift_scoped_list(
                memory,
                ::wasm_function::__private::component::load::<u32>(__read3, 0usize),
                ::wasm_function::__private::component::load::<u32>(__read3, 4usize),
                8usize,
                |__at4: *const u8| ::wasm_function::__private::component::lift_scoped_str(
                    memory,
                    ::wasm_function::__private::component::load::<u32>(__at4, 0usize),
                    ::wasm_function::__private::component::load::<u32>(__at4, 4usize),
                ),
            )
        }
    }
}
