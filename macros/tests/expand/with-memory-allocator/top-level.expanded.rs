fn case() {
    {
        let mut mem = ::wasm_function::__private::ScopeGuard::enter();
        let mut mem = ::wasm_function::__private::ScopeGuard::handle(&mut mem);
        let mem: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut mem;
        let segment = mem.allocate(8);
        segment.len()
    }
}
