#[cfg_attr(target_arch = "wasm32", inline)]
pub fn copy(source: &MemorySegment<'_>, target: &mut MemorySegment<'_>) -> u32 {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "env")]
    unsafe extern "C" {
        #[link_name = "copy"]
        fn __wasm_function_import(
            __arg0: i32,
            __arg1: i32,
            __arg2: i32,
            __arg3: i32,
        ) -> i32;
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import(_: i32, _: i32, _: i32, _: i32) -> i32 {
        ::wasm_function::__private::not_on_this_target("env", "copy")
    }
    let (__ptr0, __len0) = ::wasm_function::__private::segment_parts(source);
    let (__ptr1, __len1) = ::wasm_function::__private::segment_mut_parts(target);
    ::wasm_function::__private::from_core::<
        u32,
        i32,
    >(unsafe { __wasm_function_import(__ptr0, __len0, __ptr1, __len1) })
}
