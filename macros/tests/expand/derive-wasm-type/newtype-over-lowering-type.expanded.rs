unsafe impl ::wasm_function::__private::WasmType for Socket {
    type Core = <Fd as ::wasm_function::__private::WasmType>::Core;
    #[inline(always)]
    fn into_core(self) -> Self::Core {
        <Fd as ::wasm_function::__private::WasmType>::into_core(self.fd)
    }
    #[inline(always)]
    fn from_core(core: Self::Core) -> Self {
        let inner = <Fd as ::wasm_function::__private::WasmType>::from_core(core);
        Self { fd: inner }
    }
}
