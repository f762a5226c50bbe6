#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
const _: () = {
    #[unsafe(link_section = "component-type:wasm-function:run-0.2.12")]
    static COMPONENT_TYPE: [u8; 173] = *b"<the encoded world>";
    #[unsafe(export_name = "wasi:cli/run@0.2.12#run")]
    extern "C" fn __wasm_function_run() -> i32 {
        let __wasm_function_user_run: fn() -> ::core::result::Result<(), ()> = crate::app::run;
        match __wasm_function_user_run() {
            ::core::result::Result::Ok(()) => 0,
            ::core::result::Result::Err(()) => 1,
        }
    }
};
