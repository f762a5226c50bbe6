fn case() {
    {
        let mut scope = ::wasm_function::__private::ScopeGuard::enter();
        let mut handle = ::wasm_function::__private::ScopeGuard::handle(&mut scope);
        let _: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut handle;
        work();
    }
}
