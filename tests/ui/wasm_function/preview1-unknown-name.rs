use wasm_function::wasm_function;

#[derive(Debug)]
pub struct Errno(pub u16);

// SAFETY: every status converts to a value.
unsafe impl wasm_function::abi::ErrorCode for Errno {
    fn from_status(status: i32) -> Self {
        Errno(status as u16)
    }
}

#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_wirte(fd: u32, iovs: &[u64]) -> Result<usize, Errno>;

fn main() {}
