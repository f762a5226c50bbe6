//! The wasm32-wasip1 demo: `cargo run -p wasm-function-tests --bin run`.
//!
//! It declares WASI `fd_write` and `proc_exit` and two functions of the runner's custom host
//! module `demo_host` with `#[wasm_function]`, prints through an iovec and buffers allocated in
//! a `with_memory_allocator!` scope (the way the seed design's `println` did), shows a nested
//! scope giving its memory back, and exits through `proc_exit`.

use wasm_function::abi::ErrorCode;
use wasm_function::memory::MemorySegment;
use wasm_function::{wasm_function, with_memory_allocator};

/// A preview1 errno, kept as the raw code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Errno(i32);

// SAFETY: every status is kept as a value; preview1 writes every out-value on success.
unsafe impl ErrorCode for Errno {
    fn from_status(status: i32) -> Self {
        Self(status)
    }
}

/// `fd_write` taking the iovec array and the result slot by address, as the seed did.
///
/// # Safety
///
/// `iovs` must point at `iovs_len` valid `ciovec`s and `nwritten` at 4 writable bytes.
#[wasm_function("wasi_snapshot_preview1", "fd_write")]
unsafe fn fd_write_at(fd: u32, iovs: *const u8, iovs_len: usize, nwritten: *mut u8) -> i32;

/// Ends the process with `code`.
#[wasm_function("wasi_snapshot_preview1")]
fn proc_exit(code: u32) -> !;

/// Logs a message on the host, at a level.
#[wasm_function("demo_host")]
fn log(level: u32, message: &str);

/// Adds two numbers on the host.
#[wasm_function("demo_host")]
fn add_i64(a: i64, b: i64) -> i64;

/// A segment's address in linear memory (wasm32 addresses are 32 bits).
fn address(segment: &MemorySegment<'_>) -> u32 {
    segment.as_ptr() as usize as u32
}

/// Writes `text` and a newline to stdout through an iovec and a buffer allocated in a scope,
/// looping over short writes; every byte of it is released when the function returns.
fn println_scoped(text: &str) -> Result<usize, Errno> {
    with_memory_allocator!(|mem| {
        let mut line = mem.allocate(text.len() + 1);
        line.copy_from_slice(0, text.as_bytes());
        line.set_u8(text.len(), b'\n');
        let mut iovec = mem.allocate(8);
        let mut nwritten = mem.allocate(4);
        let mut done = 0;
        while done < line.len() {
            iovec.set_u32(0, address(&line) + done as u32);
            iovec.set_u32(4, (line.len() - done) as u32);
            // SAFETY: `iovec` holds one ciovec pointing into `line`, and `nwritten` is 4
            // writable bytes; both stay allocated until the scope ends.
            let status = unsafe { fd_write_at(1, iovec.as_ptr(), 1, nwritten.as_mut_ptr()) };
            if status != 0 {
                return Err(Errno::from_status(status));
            }
            done += nwritten.get_u32(0) as usize;
        }
        Ok(done)
    })
}

/// Runs the demo; ends the process through `proc_exit(0)`.
pub(crate) fn main() -> ! {
    let written =
        println_scoped("Hello from wasm-function: this line went through a scoped iovec.")
            .expect("fd_write");
    println_scoped(&format!("fd_write reported {written} bytes written")).expect("fd_write");

    let (outer_at, inner_at, reused_at) = with_memory_allocator!(|mem| {
        let mut outer = mem.allocate(32);
        outer.set_u64(0, 0x1122_3344_5566_7788);
        let inner_at = with_memory_allocator!(|child| in mem {
            let mut inner = child.allocate(1024);
            inner.fill(0xab);
            // The parent's segments stay readable while the child is open.
            assert_eq!(outer.get_u64(0), 0x1122_3344_5566_7788);
            address(&inner)
        });
        // The child's memory was given back: the next allocation starts where it did.
        let again = mem.allocate(8);
        (address(&outer), inner_at, address(&again))
    });
    println_scoped(&format!(
        "nested scopes: outer segment at {outer_at:#x}, inner at {inner_at:#x}, \
         first allocation after the inner scope at {reused_at:#x} ({})",
        if reused_at == inner_at {
            "reused"
        } else {
            "not reused"
        }
    ))
    .expect("fd_write");

    log(
        1,
        "a message for the host, passed as a pointer and a length",
    );
    let sum = add_i64(40, 2);
    println_scoped(&format!("demo_host.add_i64(40, 2) = {sum}")).expect("fd_write");

    println_scoped("bye: exiting through proc_exit(0)").expect("fd_write");
    proc_exit(0);
}
