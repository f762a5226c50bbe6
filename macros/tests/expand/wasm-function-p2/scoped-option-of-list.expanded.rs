pub fn maybe_names<'s>(memory: &MemoryAllocator<'s>) -> Option<&'s [&'s str]> {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:lists/lists@0.1.0")]
    unsafe extern "C" {
        #[link_name = "maybe-names"]
        fn __wasm_function_import(__arg6: i32);
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32) {
        ::wasm_function::__private::not_on_this_target(
            "test:lists/lists@0.1.0",
            "maybe-names",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit-lists/lists.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:4bb6d3267c2a48d3")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 402] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let mut __ret1 = ::core::mem::MaybeUninit::<[u64; 2]>::uninit();
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
            match ::wasm_function::__private::component::load::<u8>(__read3, 0usize) {
                0 => ::core::option::Option::None,
                1 => {
                    ::core::option::Option::Some(
                        ::wasm_function::__private::component::lift_scoped_list(
                            memory,
                            ::wasm_function::__private::component::load::<
                                u32,
                            >(__read3, 4usize),
                            ::wasm_function::__private::component::load::<
                                u32,
                            >(__read3, 8usize),
                            8usize,
                            |__at5: *const u8| ::wasm_function::__private::component::lift_scoped_str(
                                memory,
                                ::wasm_function::__private::component::load::<
                                    u32,
                                >(__at5, 0usize),
                                ::wasm_function::__private::component::load::<
                                    u32,
                                >(__at5, 4usize),
                            ),
                        ),
                    )
                }
                _ => ::wasm_function::__private::component::invalid_discriminant(),
            }
        }
    }
}
