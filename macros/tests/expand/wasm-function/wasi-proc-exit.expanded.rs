#[cfg_attr(target_arch = "wasm32", inline)]
pub fn exit(code: u32) -> ! {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        #[link_name = "proc_exit"]
        fn __wasm_function_import(__arg0: i32) -> !;
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import(_: i32) -> ! {
        ::wasm_function::__private::not_on_this_target(
            "wasi_snapshot_preview1",
            "proc_exit",
        )
    }
    unsafe {
        __wasm_function_import(::wasm_function::__private::into_core::<u32, i32>(code))
    }
}
