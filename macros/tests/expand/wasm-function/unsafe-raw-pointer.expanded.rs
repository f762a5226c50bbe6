/// # Safety
/// `buffer` must be valid for writes of `len` bytes.
#[cfg_attr(target_arch = "wasm32", inline)]
pub unsafe fn fill(buffer: *mut u8, len: usize) -> Result<u32, Status> {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "env")]
    unsafe extern "C" {
        #[link_name = "fill"]
        fn __wasm_function_import(
            __arg0: <*mut u8 as ::wasm_function::__private::WasmType>::Core,
            __arg1: i32,
            __arg2: i32,
        ) -> i32;
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import(
        _: impl ::wasm_function::__private::CoreType,
        _: i32,
        _: i32,
    ) -> i32 {
        ::wasm_function::__private::not_on_this_target("env", "fill")
    }
    let mut __out0 = ::wasm_function::__private::OutSlot::<u32>::new();
    let __status = unsafe {
        __wasm_function_import(
            <*mut u8 as ::wasm_function::__private::WasmType>::into_core(buffer),
            ::wasm_function::__private::into_core::<usize, i32>(len),
            __out0.as_core_ptr(),
        )
    };
    if __status == 0 {
        ::core::result::Result::Ok(unsafe { __out0.assume_written() })
    } else {
        ::core::result::Result::Err(
            <Status as ::wasm_function::__private::ErrorCode>::from_status(__status),
        )
    }
}
