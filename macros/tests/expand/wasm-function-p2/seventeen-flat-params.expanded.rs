pub fn sum17(
    a1: u32,
    a2: u32,
    a3: u32,
    a4: u32,
    a5: u32,
    a6: u32,
    a7: u32,
    a8: u32,
    a9: u32,
    a10: u32,
    a11: u32,
    a12: u32,
    a13: u32,
    a14: u32,
    a15: u32,
    a16: u32,
    a17: u32,
) -> u64 {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "sum17"]
        fn __wasm_function_import(__arg3: i32) -> i64;
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32) -> i64 {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/calls@0.1.0",
            "sum17",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:04a8a3ab6b76c7b4")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1767] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let mut __params1 = ::core::mem::MaybeUninit::<[u64; 9]>::uninit();
    let __base2: *mut u8 = __params1.as_mut_ptr().cast::<u8>();
    unsafe {
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 0usize, (a1 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 4usize, (a2 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 8usize, (a3 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 12usize, (a4 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 16usize, (a5 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 20usize, (a6 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 24usize, (a7 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 28usize, (a8 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 32usize, (a9 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 36usize, (a10 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 40usize, (a11 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 44usize, (a12 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 48usize, (a13 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 52usize, (a14 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 56usize, (a15 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 60usize, (a16 as u32));
        ::wasm_function::__private::component::store::<
            u32,
        >(__base2, 64usize, (a17 as u32));
    }
    let __core = unsafe {
        __wasm_function_import(
            ::wasm_function::__private::component::address_of(__base2),
        )
    };
    (__core as u64)
}
