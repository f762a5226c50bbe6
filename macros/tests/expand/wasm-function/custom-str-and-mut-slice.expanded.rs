#[cfg_attr(target_arch = "wasm32", inline)]
pub(crate) fn log_message(level: u32, message: &str, scratch: &mut [u8]) {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "env")]
    unsafe extern "C" {
        #[link_name = "log"]
        fn __wasm_function_import(
            __arg0: i32,
            __arg1: i32,
            __arg2: i32,
            __arg3: i32,
            __arg4: i32,
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import(_: i32, _: i32, _: i32, _: i32, _: i32) {
        ::wasm_function::__private::not_on_this_target("env", "log")
    }
    let (__ptr1, __len1) = ::wasm_function::__private::str_parts(message);
    let (__ptr2, __len2) = ::wasm_function::__private::slice_mut_parts::<u8>(scratch);
    unsafe {
        __wasm_function_import(
            ::wasm_function::__private::into_core::<u32, i32>(level),
            __ptr1,
            __len1,
            __ptr2,
            __len2,
        )
    }
}
