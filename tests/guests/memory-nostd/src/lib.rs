//! No `std`, no `alloc`, no global allocator: scopes get their pages from `memory.grow`.
//!
//! `_start` runs `iterations()` scopes (the host chooses; a million in the test), each with
//! allocations and a nested scope, records the memory size after the first iteration and after
//! the loop, checks the data it wrote, and reports through `test_memory.report`.
#![no_std]

use wasm_function::{wasm_function, with_memory_allocator};

/// How many scope iterations to run.
#[wasm_function("test_memory")]
fn iterations() -> u32;

/// Reports the memory size in pages after the first iteration and after the loop, and how
/// many data checks failed.
#[wasm_function("test_memory")]
fn report(pages_after_first: u32, pages_after_loop: u32, failures: u32);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

fn pages() -> u32 {
    core::arch::wasm32::memory_size(0) as u32
}

fn one_iteration(i: u32) -> bool {
    with_memory_allocator!(|mem| {
        let mut a = mem.allocate(16);
        a.set_u32(0, i);
        let mut b = mem.allocate(100 + (i as usize % 7));
        b.set_u64(8, u64::from(i) << 32);
        let inner_ok = with_memory_allocator!(|child| in mem {
            let mut c = child.allocate(64);
            c.set_u16(62, i as u16);
            c.get_u16(62) == i as u16
        });
        inner_ok && a.get_u32(0) == i && b.get_u64(8) == u64::from(i) << 32
    })
}

/// The entry point.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    let n = iterations();
    let mut failures = u32::from(!one_iteration(0));
    let after_first = pages();
    for i in 1..n {
        failures += u32::from(!one_iteration(i));
    }
    report(after_first, pages(), failures);
}
