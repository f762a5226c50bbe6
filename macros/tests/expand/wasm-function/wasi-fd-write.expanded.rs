/// Writes to a file descriptor.
#[cfg_attr(target_arch = "wasm32", inline)]
pub fn fd_write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<usize, Errno> {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        #[link_name = "fd_write"]
        fn __wasm_function_import(
            __arg0: i32,
            __arg1: i32,
            __arg2: i32,
            __arg3: i32,
        ) -> i32;
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import(_: i32, _: i32, _: i32, _: i32) -> i32 {
        ::wasm_function::__private::not_on_this_target(
            "wasi_snapshot_preview1",
            "fd_write",
        )
    }
    let (__ptr1, __len1) = ::wasm_function::__private::slice_parts::<Ciovec<'_>>(iovs);
    let mut __out0 = ::wasm_function::__private::OutSlot::<usize>::new();
    let __status = unsafe {
        __wasm_function_import(
            ::wasm_function::__private::into_core::<Fd, i32>(fd),
            __ptr1,
            __len1,
            __out0.as_core_ptr(),
        )
    };
    if __status == 0 {
        ::core::result::Result::Ok(unsafe { __out0.assume_written() })
    } else {
        ::core::result::Result::Err(
            <Errno as ::wasm_function::__private::ErrorCode>::from_status(__status),
        )
    }
}
