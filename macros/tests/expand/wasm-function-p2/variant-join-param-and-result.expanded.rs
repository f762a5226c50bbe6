pub fn echo_number(n: Number) -> Number {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "echo-number"]
        fn __wasm_function_import(
            __arg11: i32,
            __arg12: i64,
            __arg13: i32,
            __arg14: i32,
        );
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i64, _: i32, _: i32) {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/calls@0.1.0",
            "echo-number",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:159dc76b46eb6556")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1767] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let (__flat1, __flat2, __flat3) = match &n {
        Number::Float(__case4) => (0i32, (f64::to_bits((*__case4)) as i64), 0i32),
        Number::Int(__case4) => (1i32, ((((*__case4) as i32)) as u32 as i64), 0i32),
        Number::Text(__case4) => {
            let (__ptr5, __len6) = ::wasm_function::__private::component::str_parts(
                __case4,
            );
            (2i32, ((__ptr5) as u32 as i64), __len6)
        }
        Number::Nothing => (3i32, 0i64, 0i32),
    };
    let mut __ret7 = ::core::mem::MaybeUninit::<[u64; 2]>::uninit();
    let __ret_base8: *mut u8 = __ret7.as_mut_ptr().cast::<u8>();
    unsafe {
        __wasm_function_import(
            __flat1,
            __flat2,
            __flat3,
            ::wasm_function::__private::component::address_of(__ret_base8),
        )
    };
    {
        let __read9: *const u8 = __ret_base8;
        unsafe {
            match ::wasm_function::__private::component::load::<u8>(__read9, 0usize) {
                0 => {
                    Number::Float(
                        ::wasm_function::__private::component::load::<
                            f64,
                        >(__read9, 8usize),
                    )
                }
                1 => {
                    Number::Int(
                        (::wasm_function::__private::component::load::<
                            u32,
                        >(__read9, 8usize) as i32),
                    )
                }
                2 => {
                    Number::Text(
                        ::wasm_function::__private::component::lift_string(
                            ::wasm_function::__private::component::load::<
                                u32,
                            >(__read9, 8usize),
                            ::wasm_function::__private::component::load::<
                                u32,
                            >(__read9, 12usize),
                        ),
                    )
                }
                3 => Number::Nothing,
                _ => ::wasm_function::__private::component::invalid_discriminant(),
            }
        }
    }
}
