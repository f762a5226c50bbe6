//! The wasm32-wasip2 demo: `cargo run -p wasm-function-tests --bin run -- --target
//! wasm32-wasip2`.
//!
//! A component. It declares functions of WASI 0.2 with `#[wasm_function]`, each checked
//! against WASI's WIT while compiling, and calls them directly: `wasi:cli/stdout.get-stdout`
//! returns an [`OutputStream`] resource written with `wasi:io/streams` (and dropped by its
//! `Drop`), `wasi:clocks/wall-clock.now` a `datetime` record (a struct checked field by field
//! with `#[derive(ComponentType)]`), `wasi:clocks/monotonic-clock.now` a `u64`, and
//! `wasi:random/random.get-random-bytes` a `list<u8>` lifted into a `with_memory_allocator!`
//! scope. Next to them it prints with the safe layer's [`println!`], which works the same on
//! both targets.

use wasm_function::memory::MemoryAllocator;
use wasm_function::wasi::p2::io::OutputStream;
use wasm_function::{ComponentType, println, wasm_function, with_memory_allocator};

/// `wasi:io/streams.stream-error`, case by case.
#[allow(dead_code, reason = "the host constructs it")]
enum StreamError {
    /// The last operation failed: the handle of an `error` resource saying why (a resource in a
    /// variant's payload is lifted as its handle; [`drop_error`] gives it back).
    LastOperationFailed(u32),
    /// The stream is closed.
    Closed,
}

/// Gives an `error` resource's handle back to the host.
#[wasm_function("wasi:io/error@0.2.0", "[resource-drop]error")]
fn drop_error(handle: u32);

impl Drop for StreamError {
    fn drop(&mut self) {
        if let StreamError::LastOperationFailed(handle) = *self {
            drop_error(handle);
        }
    }
}

/// `wasi:clocks/wall-clock.datetime`: seconds and nanoseconds since the Unix epoch.
#[derive(ComponentType, Clone, Copy)]
#[component("wasi:clocks/wall-clock@0.2.0", "datetime")]
struct Datetime {
    seconds: u64,
    nanoseconds: u32,
}

/// The process's standard output, as a stream resource.
#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout() -> OutputStream;

/// How many bytes `stream` accepts now without blocking.
#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.check-write")]
fn check_write(stream: &OutputStream) -> Result<u64, StreamError>;

/// Writes `contents` (at most 4096 bytes) to `stream`, blocking until they are flushed.
#[wasm_function(
    "wasi:io/streams@0.2.0",
    "[method]output-stream.blocking-write-and-flush"
)]
fn blocking_write_and_flush(stream: &OutputStream, contents: &[u8]) -> Result<(), StreamError>;

/// The wall clock's time.
#[wasm_function("wasi:clocks/wall-clock@0.2.0", "now")]
fn wall_clock_now() -> Datetime;

/// The wall clock's resolution.
#[wasm_function("wasi:clocks/wall-clock@0.2.0", "resolution")]
fn wall_clock_resolution() -> Datetime;

/// The monotonic clock's time in nanoseconds (from an arbitrary start).
#[wasm_function("wasi:clocks/monotonic-clock@0.2.0", "now")]
fn monotonic_now() -> u64;

/// `len` cryptographically secure random bytes, in memory of the caller's scope.
#[wasm_function("wasi:random/random@0.2.0", "get-random-bytes")]
fn get_random_bytes<'s>(memory: &MemoryAllocator<'s>, len: u64) -> &'s [u8];

/// A random `u64`.
#[wasm_function("wasi:random/random@0.2.0", "get-random-u64")]
fn get_random_u64() -> u64;

/// `bytes` in lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs the demo; returning from `main` makes `wasi:cli/run` return `ok`.
pub(crate) fn main() {
    println!("Hello from wasm-function on wasm32-wasip2: this line went through println!.");

    let stdout = get_stdout();
    let budget = check_write(&stdout);
    let line = b"and this one through wasi:cli/stdout and wasi:io/streams, declared with #[wasm_function].\n";
    let written = blocking_write_and_flush(&stdout, line);
    // `[resource-drop]output-stream`: the handle is given back here.
    drop(stdout);
    match (budget, written) {
        (Ok(budget), Ok(())) => println!(
            "check-write allowed {budget} bytes; {} were written; the stream was dropped",
            line.len()
        ),
        _ => println!("writing to the stdout stream failed"),
    }

    let now = wall_clock_now();
    let resolution = wall_clock_resolution();
    println!(
        "wall clock: {}.{:09} s since the epoch (resolution {} ns)",
        now.seconds,
        now.nanoseconds,
        resolution.seconds * 1_000_000_000 + u64::from(resolution.nanoseconds)
    );
    let start = monotonic_now();
    let later = monotonic_now();
    println!(
        "monotonic clock: {start} ns, then {later} ns ({})",
        if later >= start {
            "not going back"
        } else {
            "went back!"
        }
    );

    let (random, len) = with_memory_allocator!(|mem| {
        // The list is lifted into `mem`'s memory, given back when the scope ends.
        let bytes = get_random_bytes(mem, 16);
        (hex(bytes), bytes.len())
    });
    println!(
        "random: {len} bytes {random}, and a u64 {:#018x}",
        get_random_u64()
    );

    println!("bye: returning from main, so wasi:cli/run returns ok");
}
