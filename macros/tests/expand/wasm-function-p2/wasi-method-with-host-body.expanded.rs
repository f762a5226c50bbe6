#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
pub fn blocking_write_and_flush(
    stream: u32,
    contents: &[u8],
) -> Result<(), StreamError> {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "wasi:io/streams@0.2.0")]
    unsafe extern "C" {
        #[link_name = "[method]output-stream.blocking-write-and-flush"]
        fn __wasm_function_import(__arg8: i32, __arg9: i32, __arg10: i32, __arg11: i32);
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32, _: i32, _: i32, _: i32) {
        ::wasm_function::__private::not_on_this_target(
            "wasi:io/streams@0.2.0",
            "[method]output-stream.blocking-write-and-flush",
        )
    }
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:7dfad24783b85cb7")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1324] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    let (__ptr1, __len2) = ::wasm_function::__private::component::list_parts(&contents);
    let mut __ret3 = ::core::mem::MaybeUninit::<[u64; 2]>::uninit();
    let __ret_base4: *mut u8 = __ret3.as_mut_ptr().cast::<u8>();
    unsafe {
        __wasm_function_import(
            (stream as i32),
            __ptr1,
            __len2,
            ::wasm_function::__private::component::address_of(__ret_base4),
        )
    };
    {
        let __read5: *const u8 = __ret_base4;
        unsafe {
            match ::wasm_function::__private::component::load::<u8>(__read5, 0usize) {
                0 => ::core::result::Result::Ok(()),
                1 => {
                    ::core::result::Result::Err(
                        match ::wasm_function::__private::component::load::<
                            u8,
                        >(__read5, 4usize) {
                            0 => {
                                StreamError::LastOperationFailed(
                                    <_ as ::wasm_function::__private::component::LiftHandle>::lift_handle(
                                        ::wasm_function::__private::component::load::<
                                            u32,
                                        >(__read5, 8usize),
                                        "wasi:io/error@0.2.12#error",
                                    ),
                                )
                            }
                            1 => StreamError::Closed,
                            _ => {
                                ::wasm_function::__private::component::invalid_discriminant()
                            }
                        },
                    )
                }
                _ => ::wasm_function::__private::component::invalid_discriminant(),
            }
        }
    }
}
#[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
pub fn blocking_write_and_flush(
    stream: u32,
    contents: &[u8],
) -> Result<(), StreamError> {
    #[allow(dead_code, unused_variables)]
    fn __wasm_function_lowered(stream: u32, contents: &[u8]) -> Result<(), StreamError> {
        #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
        #[link(wasm_import_module = "wasi:io/streams@0.2.0")]
        unsafe extern "C" {
            #[link_name = "[method]output-stream.blocking-write-and-flush"]
            fn __wasm_function_import(
                __arg8: i32,
                __arg9: i32,
                __arg10: i32,
                __arg11: i32,
            );
        }
        #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
        unsafe fn __wasm_function_import(_: i32, _: i32, _: i32, _: i32) {
            ::wasm_function::__private::not_on_this_target(
                "wasi:io/streams@0.2.0",
                "[method]output-stream.blocking-write-and-flush",
            )
        }
        #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
        #[unsafe(link_section = "component-type:wasm-function:7dfad24783b85cb7")]
        static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1324] = *b"<the encoded world>";
        #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
        #[inline(never)]
        fn __wasm_function_component_type() {}
        #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
        __wasm_function_component_type();
        let (__ptr1, __len2) = ::wasm_function::__private::component::list_parts(
            &contents,
        );
        let mut __ret3 = ::core::mem::MaybeUninit::<[u64; 2]>::uninit();
        let __ret_base4: *mut u8 = __ret3.as_mut_ptr().cast::<u8>();
        unsafe {
            __wasm_function_import(
                (stream as i32),
                __ptr1,
                __len2,
                ::wasm_function::__private::component::address_of(__ret_base4),
            )
        };
        {
            let __read5: *const u8 = __ret_base4;
            unsafe {
                match ::wasm_function::__private::component::load::<
                    u8,
                >(__read5, 0usize) {
                    0 => ::core::result::Result::Ok(()),
                    1 => {
                        ::core::result::Result::Err(
                            match ::wasm_function::__private::component::load::<
                                u8,
                            >(__read5, 4usize) {
                                0 => {
                                    StreamError::LastOperationFailed(
                                        <_ as ::wasm_function::__private::component::LiftHandle>::lift_handle(
                                            ::wasm_function::__private::component::load::<
                                                u32,
                                            >(__read5, 8usize),
                                            "wasi:io/error@0.2.12#error",
                                        ),
                                    )
                                }
                                1 => StreamError::Closed,
                                _ => {
                                    ::wasm_function::__private::component::invalid_discriminant()
                                }
                            },
                        )
                    }
                    _ => ::wasm_function::__private::component::invalid_discriminant(),
                }
            }
        }
    }
    {
        let _ = (stream, contents);
        Ok(())
    }
}
