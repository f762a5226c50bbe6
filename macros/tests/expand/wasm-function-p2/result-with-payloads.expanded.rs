pub fn checked(ok: bool) -> Result<u32, String> {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "checked"]
        fn __wasm_function_import(__arg5: i32, __arg6: i32);
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i32) {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/calls@0.1.0",
            "checked",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:34841b946e5e9920")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1767] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let mut __ret1 = ::core::mem::MaybeUninit::<[u64; 2]>::uninit();
    let __ret_base2: *mut u8 = __ret1.as_mut_ptr().cast::<u8>();
    unsafe {
        __wasm_function_import(
            (ok as i32),
            ::wasm_function::__private::component::address_of(__ret_base2),
        )
    };
    {
        let __read3: *const u8 = __ret_base2;
        unsafe {
            match ::wasm_function::__private::component::load::<u8>(__read3, 0usize) {
                0 => {
                    ::core::result::Result::Ok(
                        ::wasm_function::__private::component::load::<
                            u32,
                        >(__read3, 4usize),
                    )
                }
                1 => {
                    ::core::result::Result::Err(
                        ::wasm_function::__private::component::lift_string(
                            ::wasm_function::__private::component::load::<
                                u32,
                            >(__read3, 4usize),
                            ::wasm_function::__private::component::load::<
                                u32,
                            >(__read3, 8usize),
                        ),
                    )
                }
                _ => ::wasm_function::__private::component::invalid_discriminant(),
            }
        }
    }
}
