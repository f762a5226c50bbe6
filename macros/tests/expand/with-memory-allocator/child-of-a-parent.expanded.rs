fn case() {
    {
        let scope = ::wasm_function::__private::ScopeGuard::enter_child(&mut *(mem));
        let value = {
            let mut child = ::wasm_function::__private::ScopeBrand::new();
            let mut child = unsafe {
                ::wasm_function::__private::ScopeGuard::handle_unchecked(
                    &scope,
                    &mut child,
                )
            };
            let child: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut child;
            child.allocate(8);
        };
        #[allow(unreachable_code, clippy::diverging_sub_expression)]
        let value = ::wasm_function::__private::ScopeGuard::close_with(scope, value);
        value
    }
}
