#[cfg(target_arch = "wasm32")]
/// An explicit name is imported exactly as written, raw prefix and all.
#[inline]
pub fn kind() -> u32 {
    #[link(wasm_import_module = "env")]
    unsafe extern "C" {
        #[link_name = "r#type"]
        fn __wasm_function_import() -> i32;
    }
    ::wasm_function::__private::from_core::<
        u32,
        i32,
    >(unsafe { __wasm_function_import() })
}
#[cfg(not(target_arch = "wasm32"))]
/// An explicit name is imported exactly as written, raw prefix and all.
pub fn kind() -> u32 {
    unsafe fn __wasm_function_import() -> i32 {
        ::wasm_function::__private::not_on_this_target("env", "r#type")
    }
    ::wasm_function::__private::from_core::<
        u32,
        i32,
    >(unsafe { __wasm_function_import() })
}
