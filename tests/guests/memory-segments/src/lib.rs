//! Scope memory handed to imports without addresses or `unsafe`: a `&mut MemorySegment` the host
//! fills, a `&MemorySegment` it reads, and `fd_write` with its `Ciovec` array and its text
//! allocated in the scope. Reports through `test_segments.report`.

#![no_std]

use wasm_function::memory::MemorySegment;
use wasm_function::wasi::{Ciovec, Fd, raw};
use wasm_function::{wasm_function, with_memory_allocator};

/// Writes `byte` into every byte of `target`.
#[wasm_function("test_segments")]
fn fill(target: &mut MemorySegment<'_>, byte: u32);

/// The sum of the bytes of `source`.
#[wasm_function("test_segments")]
fn checksum(source: &MemorySegment<'_>) -> u32;

/// What the guest saw: whether every byte was filled, the host's checksum, the guest's own,
/// and how many bytes `fd_write` reported written (or `u32::MAX` on an error).
#[wasm_function("test_segments")]
fn report(filled: bool, host_sum: u32, guest_sum: u32, written: u32);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    with_memory_allocator!(|mem| {
        let mut buffer = mem.allocate(24);
        fill(&mut buffer, 0xAB);
        let filled = buffer.as_bytes().iter().all(|&byte| byte == 0xAB);
        buffer.copy_from_slice(0, b"segments");
        let host_sum = checksum(&buffer);
        let guest_sum = buffer.as_bytes().iter().map(|&byte| u32::from(byte)).sum();
        let text: &[u8] = mem.allocate_str("written from a scope\n").into_bytes_mut();
        let iovs = mem.allocate_slice(2, Ciovec::new(text));
        iovs[1] = Ciovec::new(&text[..8]);
        let written = raw::fd_write(Fd::STDOUT, iovs).map_or(u32::MAX, |n| n as u32);
        report(filled, host_sum, guest_sum, written);
    });
}
