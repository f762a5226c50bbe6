unsafe impl ::wasm_function::__private::WasmLayout for Fd {}
unsafe impl ::wasm_function::__private::WasmWritable for Fd {}
unsafe impl ::wasm_function::__private::WasmType for Fd {
    type Core = <u32 as ::wasm_function::__private::WasmType>::Core;
    #[inline(always)]
    fn into_core(self) -> Self::Core {
        <u32 as ::wasm_function::__private::WasmType>::into_core(self.0)
    }
    #[inline(always)]
    fn from_core(core: Self::Core) -> Self {
        let inner = <u32 as ::wasm_function::__private::WasmType>::from_core(core);
        Self(inner)
    }
}
