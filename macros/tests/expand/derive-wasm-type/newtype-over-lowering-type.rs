#[derive(Clone, Copy, WasmType)]
#[repr(transparent)]
pub struct Socket {
    fd: Fd,
}
