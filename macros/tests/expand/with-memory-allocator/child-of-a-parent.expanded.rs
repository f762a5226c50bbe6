fn case() {
    {
        let mut child = ::wasm_function::__private::ScopeGuard::enter_child(&mut *(mem));
        let mut child = ::wasm_function::__private::ScopeGuard::handle(&mut child);
        let child: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut child;
        child.allocate(8);
    }
}
