//! Prints "Hello, world!" as a no_std component through the `wasip2` crate: the program of
//! p2-hello-raw (get the stdout stream, one blocking write, drop the stream, `run` fails if the
//! write did) with wit-bindgen's generated bindings and its `export!` for `wasi:cli/run`.
#![no_std]

struct Hello;

impl wasip2::exports::cli::run::Guest for Hello {
    fn run() -> Result<(), ()> {
        let stdout = wasip2::cli::stdout::get_stdout();
        stdout
            .blocking_write_and_flush(b"Hello, world!\n")
            .map_err(|_| ())
    }
}

wasip2::cli::command::export!(Hello);

/// The crate links `alloc` (its bindings use `Vec` and `String`), so a no_std program must name a
/// global allocator. This one refuses every request: the smallest possible, and this program
/// never allocates (writing a static message and dropping a handle need no memory).
struct NoAllocator;

// SAFETY: `alloc` returns null (a refusal, which the trait allows); `dealloc` is then never
// called with a block from here.
unsafe impl core::alloc::GlobalAlloc for NoAllocator {
    unsafe fn alloc(&self, _: core::alloc::Layout) -> *mut u8 {
        core::ptr::null_mut()
    }
    unsafe fn dealloc(&self, _: *mut u8, _: core::alloc::Layout) {}
}

#[global_allocator]
static ALLOCATOR: NoAllocator = NoAllocator;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
