pub fn echo_perms(p: Perms) -> Perms {
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "echo-perms"]
        fn __wasm_function_import(__arg1: i32) -> i32;
    }
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    unsafe fn __wasm_function_import(_: i32) -> i32 {
        ::wasm_function::__private::not_on_this_target(
            "test:harness/calls@0.1.0",
            "echo-perms",
        )
    }
    const _: &[u8] = ::core::include_bytes!(
        ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"),
        "/tests/expand/wit/harness.wit")
    );
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[unsafe(link_section = "component-type:wasm-function:997c3b6f3886129e")]
    static __WASM_FUNCTION_COMPONENT_TYPE: [u8; 1767] = *b"<the encoded world>";
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    #[inline(never)]
    fn __wasm_function_component_type() {}
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    __wasm_function_component_type();
    const _: () = ::core::assert!(
        ::wasm_function::__private::component::same_str(< Perms as
        ::wasm_function::__private::component::WitType > ::WIT,
        "test:harness/types@0.1.0#perms"),
        "this Rust type is not of the WIT flags `test:harness/types@0.1.0#perms`: derive `ComponentType` for it with `#[component(\"test:harness/types@0.1.0\", \"perms\")]`"
    );
    let __core = unsafe {
        __wasm_function_import(
            (<Perms as ::wasm_function::__private::component::FlagsBits>::bits(&p)
                as i32),
        )
    };
    <Perms as ::wasm_function::__private::component::FlagsBits>::from_bits(
        ((__core as u8) & 7u8) as u32,
    )
}
