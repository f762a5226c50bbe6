fn case() {
    {
        let scope = ::wasm_function::__private::ScopeGuard::enter();
        let value = {
            let mut mem = ::wasm_function::__private::ScopeBrand::new();
            let mut mem = unsafe {
                ::wasm_function::__private::ScopeGuard::handle_unchecked(
                    &scope,
                    &mut mem,
                )
            };
            let mem: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut mem;
            let segment = mem.allocate(8);
            segment.len()
        };
        #[allow(unreachable_code, clippy::diverging_sub_expression)]
        let value = ::wasm_function::__private::ScopeGuard::close_with(scope, value);
        value
    }
}
