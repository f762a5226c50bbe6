//! Strings and lists returned by the host into scopes, with no global allocator: 10,000
//! `echo-string` calls, each in its own scope, must leave the memory's page count where the
//! first one left it. Prints what it checked; `run` fails on the first mismatch.
#![no_std]

use wasm_function::memory::MemoryAllocator;
use wasm_function::{wasm_function, with_memory_allocator};

#[wasm_function("test:harness/calls@0.1.0", "echo-string")]
fn echo_string<'s>(memory: &MemoryAllocator<'s>, s: &str) -> &'s str;

#[wasm_function("test:harness/calls@0.1.0", "echo-bytes")]
fn echo_bytes<'s>(memory: &MemoryAllocator<'s>, b: &[u8]) -> &'s [u8];

#[wasm_function("test:harness/calls@0.1.0", "echo-option-string")]
fn echo_option_string<'s>(memory: &MemoryAllocator<'s>, o: Option<&str>) -> Option<&'s str>;

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout() -> u32;

#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush")]
fn write(stream: u32, contents: &[u8]) -> Result<(), StreamError>;

#[allow(dead_code, reason = "the host constructs it")]
enum StreamError {
    LastOperationFailed(u32),
    Closed,
}

/// Byte equality without `memcmp`, which a no_std wasip2 program has no libc to import from.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(true, |all, (x, y)| all & (x == y))
}

fn say(line: &str) {
    let _ = write(get_stdout(), line.as_bytes());
}

fn check(what: &str, pass: bool) -> Result<(), ()> {
    if pass {
        say("ok ");
        say(what);
        say("\n");
        Ok(())
    } else {
        say("FAILED ");
        say(what);
        say("\n");
        Err(())
    }
}

fn run() -> Result<(), ()> {
    let text = "a string the host sends back, ü✓";
    let first = with_memory_allocator!(|memory| { same(echo_string(&memory, text).as_bytes(), text.as_bytes()) });
    check("echo-string into a scope", first)?;
    let pages = core::arch::wasm32::memory_size(0);
    let mut all = true;
    for _ in 0..10_000 {
        all &= with_memory_allocator!(|memory| { same(echo_string(&memory, text).as_bytes(), text.as_bytes()) });
    }
    check("10,000 scoped echo-string calls", all)?;
    check(
        "page count flat after 10,000 calls",
        core::arch::wasm32::memory_size(0) == pages,
    )?;
    let bytes = with_memory_allocator!(|memory| {
        let outer = echo_bytes(&memory, &[1, 2, 3]);
        let inner = with_memory_allocator!(|child| in memory { echo_bytes(&child, &[]).is_empty() });
        same(outer, &[1, 2, 3]) && inner
    });
    check("echo-bytes, nested scope, empty list", bytes)?;
    let option = with_memory_allocator!(|memory| {
        echo_option_string(&memory, Some("")).is_some_and(str::is_empty)
            && echo_option_string(&memory, None).is_none()
    });
    check("option<string> into a scope", option)
}

wasm_function::wasi_cli_run!(run);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
