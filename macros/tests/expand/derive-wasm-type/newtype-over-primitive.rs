#[derive(Clone, Copy, WasmType)]
#[repr(transparent)]
pub struct Fd(u32);
