#[cfg(target_arch = "wasm32")]
/// A raw identifier is imported without its `r#` prefix.
#[inline]
pub fn r#type() -> u32 {
    #[link(wasm_import_module = "env")]
    unsafe extern "C" {
        #[link_name = "type"]
        fn __wasm_function_import() -> i32;
    }
    let __status = unsafe { __wasm_function_import() };
    <u32 as ::wasm_function::__private::WasmType>::from_core(__status)
}
#[cfg(not(target_arch = "wasm32"))]
/// A raw identifier is imported without its `r#` prefix.
pub fn r#type() -> u32 {
    unsafe fn __wasm_function_import() -> i32 {
        ::wasm_function::__private::not_on_this_target("env", "type")
    }
    let __status = unsafe { __wasm_function_import() };
    <u32 as ::wasm_function::__private::WasmType>::from_core(__status)
}
