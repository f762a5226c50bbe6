use core::marker::PhantomData;

use wasm_function::WasmType;

#[derive(Clone, Copy, WasmType)]
#[repr(transparent)]
pub struct Tagged(u32, PhantomData<u8>);

fn main() {}
