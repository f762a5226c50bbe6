#[cfg(target_arch = "wasm32")]
#[inline]
pub fn mix(a: i32, b: u64, c: f32, d: f64) -> f64 {
    #[link(wasm_import_module = "math")]
    unsafe extern "C" {
        #[link_name = "mix"]
        fn __wasm_function_import(
            __arg0: <i32 as ::wasm_function::__private::WasmType>::Core,
            __arg1: <u64 as ::wasm_function::__private::WasmType>::Core,
            __arg2: <f32 as ::wasm_function::__private::WasmType>::Core,
            __arg3: <f64 as ::wasm_function::__private::WasmType>::Core,
        ) -> <f64 as ::wasm_function::__private::WasmType>::Core;
    }
    let __status = unsafe {
        __wasm_function_import(
            <i32 as ::wasm_function::__private::WasmType>::into_core(a),
            <u64 as ::wasm_function::__private::WasmType>::into_core(b),
            <f32 as ::wasm_function::__private::WasmType>::into_core(c),
            <f64 as ::wasm_function::__private::WasmType>::into_core(d),
        )
    };
    <f64 as ::wasm_function::__private::WasmType>::from_core(__status)
}
#[cfg(not(target_arch = "wasm32"))]
pub fn mix(a: i32, b: u64, c: f32, d: f64) -> f64 {
    ::wasm_function::__private::assert_wasm_type::<i32>();
    ::wasm_function::__private::assert_wasm_type::<u64>();
    ::wasm_function::__private::assert_wasm_type::<f32>();
    ::wasm_function::__private::assert_wasm_type::<f64>();
    ::wasm_function::__private::assert_wasm_type::<f64>();
    { f64::from(a) + b as f64 + f64::from(c) + d }
}
