fn case() {
    {
        let scope = ::wasm_function::__private::ScopeGuard::enter();
        let value = {
            let mut brand = ::wasm_function::__private::ScopeBrand::new();
            let mut handle = unsafe {
                ::wasm_function::__private::ScopeGuard::handle_unchecked(
                    &scope,
                    &mut brand,
                )
            };
            let _: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut handle;
            work();
        };
        #[allow(unreachable_code, clippy::diverging_sub_expression)]
        let value = ::wasm_function::__private::ScopeGuard::close_with(scope, value);
        value
    }
}
