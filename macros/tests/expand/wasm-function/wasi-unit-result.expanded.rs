#[cfg_attr(target_arch = "wasm32", inline)]
pub fn fd_close(fd: Fd) -> Result<(), Errno> {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        #[link_name = "fd_close"]
        fn __wasm_function_import(__arg0: i32) -> i32;
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import(_: i32) -> i32 {
        ::wasm_function::__private::not_on_this_target(
            "wasi_snapshot_preview1",
            "fd_close",
        )
    }
    let __status = unsafe {
        __wasm_function_import(::wasm_function::__private::into_core::<Fd, i32>(fd))
    };
    if __status == 0 {
        ::core::result::Result::Ok(())
    } else {
        ::core::result::Result::Err(
            <Errno as ::wasm_function::__private::ErrorCode>::from_status(__status),
        )
    }
}
