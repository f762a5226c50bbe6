/// A raw identifier is imported without its `r#` prefix.
#[cfg_attr(target_arch = "wasm32", inline)]
pub fn r#type() -> u32 {
    #[cfg(target_arch = "wasm32")]
    #[link(wasm_import_module = "env")]
    unsafe extern "C" {
        #[link_name = "type"]
        fn __wasm_function_import() -> i32;
    }
    #[cfg(not(target_arch = "wasm32"))]
    unsafe fn __wasm_function_import() -> i32 {
        ::wasm_function::__private::not_on_this_target("env", "type")
    }
    ::wasm_function::__private::from_core::<
        u32,
        i32,
    >(unsafe { __wasm_function_import() })
}
