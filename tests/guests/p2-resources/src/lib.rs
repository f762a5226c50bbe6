//! Resources as Rust types. `run` prints through an `OutputStream` (dropped by its `Drop`),
//! then, when the host has the harness world, exercises `counter`: constructor, method, a
//! static function taking two borrows and returning an own, one taking an own (moved), and
//! the host's drop count.
#![no_std]

use wasm_function::{wasm_function, wasm_resource};

#[wasm_resource("wasi:io/streams@0.2.0", "output-stream")]
pub struct OutputStream;

#[allow(dead_code, reason = "the host constructs it")]
enum StreamError {
    LastOperationFailed(u32),
    Closed,
}

#[wasm_function("wasi:cli/stdout@0.2.0", "get-stdout")]
fn get_stdout() -> OutputStream;

#[wasm_function("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush")]
fn write(stream: &OutputStream, contents: &[u8]) -> Result<(), StreamError>;

#[wasm_resource("test:harness/types@0.1.0", "counter")]
pub struct Counter;

#[wasm_function("test:harness/types@0.1.0", "[constructor]counter")]
fn counter_new(start: u32) -> Counter;

#[wasm_function("test:harness/types@0.1.0", "[method]counter.increment")]
fn increment(counter: &Counter, by: u32) -> u32;

#[wasm_function("test:harness/types@0.1.0", "[method]counter.get")]
fn get(counter: &Counter) -> u32;

#[wasm_function("test:harness/types@0.1.0", "[static]counter.sum")]
fn sum(a: &Counter, b: &Counter) -> Counter;

#[wasm_function("test:harness/types@0.1.0", "[static]counter.consume")]
fn consume(c: Counter) -> u32;

#[wasm_function("test:harness/types@0.1.0", "dropped")]
fn dropped() -> u32;

fn say(text: &str) -> Result<(), ()> {
    let stdout = get_stdout();
    write(&stdout, text.as_bytes()).map_err(|_| ())
}

fn counters() -> Result<(), ()> {
    let before = dropped();
    let a = counter_new(2);
    let b = counter_new(5);
    let ok_methods = increment(&a, 3) == 5 && get(&a) == 5;
    let c = sum(&a, &b);
    let ok_static = get(&c) == 10;
    let ok_consume = consume(c) == 10;
    drop((a, b));
    let ok_drops = dropped() == before + 3;
    if ok_methods && ok_static && ok_consume && ok_drops {
        say("ok counter: constructor, method, static, own, borrow, drops\n")
    } else {
        say("FAILED counter\n")?;
        Err(())
    }
}

fn run() -> Result<(), ()> {
    say("ok output-stream as a resource\n")?;
    counters()
}

wasm_function::wasi_cli_run!(run);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
