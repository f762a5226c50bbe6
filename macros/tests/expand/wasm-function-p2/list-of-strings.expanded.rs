pub fn echo_strings(l: &[&str]) -> Vec<String> {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "echo-strings"]
        fn __wasm_function_import(__arg19: i32, __arg20: i32, __arg21: i32);
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i32, _: i32) {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/calls@0.1.0",
            "echo-strings",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:ba8d2f5a7c82d85c")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1767] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let mut __buffer4 = {
        let __list3 = &l;
        let mut __buffer4 = ::wasm_function::__private::component::Vec::<
            u64,
        >::with_capacity((__list3.len() * 8usize).div_ceil(8));
        let __base5: *mut u8 = __buffer4.as_mut_ptr().cast::<u8>();
        for (__index6, __item7) in __list3.iter().enumerate() {
            unsafe {
                let __at8: *mut u8 = __base5.add(__index6 * 8usize);
                let (__ptr9, __len10) = ::wasm_function::__private::component::str_parts(
                    __item7,
                );
                ::wasm_function::__private::component::store::<
                    u32,
                >(__at8, 0usize, __ptr9 as u32);
                ::wasm_function::__private::component::store::<
                    u32,
                >(__at8, 4usize, __len10 as u32);
            }
        }
        (__buffer4, __list3.len())
    };
    let __ptr1 = ::wasm_function::__private::component::address_of(
        __buffer4.0.as_mut_ptr().cast::<u8>(),
    );
    let __len2 = __buffer4.1 as i32;
    let mut __ret11 = ::core::mem::MaybeUninit::<[u64; 1]>::uninit();
    let __ret_base12: *mut u8 = __ret11.as_mut_ptr().cast::<u8>();
    unsafe {
        __wasm_function_import(
            __ptr1,
            __len2,
            ::wasm_function::__private::component::address_of(__ret_base12),
        )
    };
    {
        let __read13: *const u8 = __ret_base12;
        unsafe {
            {
                let __start14 = ::wasm_function::__private::component::load::<
                    u32,
                >(__read13, 0usize) as usize;
                let __count15 = ::wasm_function::__private::component::load::<
                    u32,
                >(__read13, 4usize) as usize;
                let mut __list16 = ::wasm_function::__private::component::Vec::with_capacity(
                    __count15,
                );
                for __index17 in 0..__count15 {
                    let __at18 = ::wasm_function::__private::component::address(
                        __start14 + __index17 * 8usize,
                    );
                    __list16
                        .push(
                            ::wasm_function::__private::component::lift_string(
                                ::wasm_function::__private::component::load::<
                                    u32,
                                >(__at18, 0usize),
                                ::wasm_function::__private::component::load::<
                                    u32,
                                >(__at18, 4usize),
                            ),
                        );
                }
                ::wasm_function::__private::component::free(
                    __start14,
                    __count15 * 8usize,
                    4usize,
                );
                __list16
            }
        }
    }
}
