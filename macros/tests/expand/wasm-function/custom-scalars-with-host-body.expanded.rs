#[cfg(target_arch = "wasm32")]
#[inline]
pub fn mix(a: i32, b: u64, c: f32, d: f64) -> f64 {
    #[link(wasm_import_module = "math")]
    unsafe extern "C" {
        #[link_name = "mix"]
        fn __wasm_function_import(
            __arg0: i32,
            __arg1: i64,
            __arg2: f32,
            __arg3: f64,
        ) -> f64;
    }
    ::wasm_function::__private::from_core::<
        f64,
        f64,
    >(unsafe {
        __wasm_function_import(
            ::wasm_function::__private::into_core::<i32, i32>(a),
            ::wasm_function::__private::into_core::<u64, i64>(b),
            ::wasm_function::__private::into_core::<f32, f32>(c),
            ::wasm_function::__private::into_core::<f64, f64>(d),
        )
    })
}
#[cfg(not(target_arch = "wasm32"))]
pub fn mix(a: i32, b: u64, c: f32, d: f64) -> f64 {
    #[allow(dead_code)]
    fn __wasm_function_lowered(a: i32, b: u64, c: f32, d: f64) -> f64 {
        unsafe fn __wasm_function_import(_: i32, _: i64, _: f32, _: f64) -> f64 {
            ::wasm_function::__private::not_on_this_target("math", "mix")
        }
        ::wasm_function::__private::from_core::<
            f64,
            f64,
        >(unsafe {
            __wasm_function_import(
                ::wasm_function::__private::into_core::<i32, i32>(a),
                ::wasm_function::__private::into_core::<u64, i64>(b),
                ::wasm_function::__private::into_core::<f32, f32>(c),
                ::wasm_function::__private::into_core::<f64, f64>(d),
            )
        })
    }
    { f64::from(a) + b as f64 + f64::from(c) + d }
}
