//! The leaked-scope exploit that once made the scoped allocator hand out memory still in use,
//! run at full scale on wasm32 with safe code only: four billion forgotten scope guards (which
//! carried the old 32-bit open-scope count into its leak generation; today they take the count
//! of open and leaked scopes to just below its end), a leak detected inside a scope `a`, then a
//! `Box::leak`ed scope whose `'static` segment and `wasi::env::args_in` strings must survive `a`
//! closing. Prints one line per check, `ok` or `FAILED`.
//!
//! `memory-leaks overflow` forgets guards until the count would pass 2^32 - 1: the scope that
//! would wrap it panics instead (a trap here, with the panic message on stderr).

use std::mem;

use wasm_function::__private::ScopeGuard;
use wasm_function::memory::{self, MemorySegment};
use wasm_function::wasi::env;
use wasm_function::with_memory_allocator;

fn paint(segment: &mut MemorySegment<'_>, tag: u8) {
    for offset in 0..segment.len() {
        segment.set_u8(offset, tag ^ offset as u8);
    }
}

fn painted(segment: &MemorySegment<'_>, tag: u8) -> bool {
    (0..segment.len()).all(|offset| segment.get_u8(offset) == tag ^ offset as u8)
}

fn overlap(a: &MemorySegment<'_>, b: &MemorySegment<'_>) -> bool {
    let (a_start, b_start) = (a.addr() as usize, b.addr() as usize);
    a_start < b_start + b.len() && b_start < a_start + a.len()
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "FAILED" }
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("overflow") {
        for _ in 0..1u64 << 32 {
            mem::forget(ScopeGuard::enter());
        }
        println!("the count wrapped: FAILED");
        return;
    }
    with_memory_allocator!(|outer| {
        outer.allocate(8);
        // Up to 16 below the end of the count: the scopes opened below need a few more depths.
        for _ in 0..(1u64 << 32) - 17 {
            mem::forget(ScopeGuard::enter());
        }
        let (leaked, args) = with_memory_allocator!(|a| {
            a.allocate(16);
            // A leak inside `a`, noticed when `middle` closes.
            with_memory_allocator!(|middle| {
                mem::forget(ScopeGuard::enter());
                let _ = middle;
            });
            let guard: &'static mut ScopeGuard<'static> = Box::leak(Box::new(ScopeGuard::enter()));
            let handle = Box::leak(Box::new(guard.handle()));
            let mut leaked = handle.allocate(256);
            paint(&mut leaked, 0x5A);
            (leaked, env::args_in(handle).expect("args_in"))
        });
        let before: Vec<String> = args.iter().map(String::from).collect(); // `a` closes while the leaked scope is open: its memory must stay reserved
        let mut overlapped = false;
        for round in 0..64u8 {
            with_memory_allocator!(|scratch| {
                let mut fresh = scratch.allocate(4096);
                overlapped |= overlap(&fresh, &leaked);
                fresh.fill(round);
            });
        }
        let after: Vec<String> = args.iter().map(String::from).collect();
        println!(
            "new scopes never overlap the leaked segment: {}",
            verdict(!overlapped)
        );
        println!(
            "the leaked segment is intact: {}",
            verdict(painted(&leaked, 0x5A))
        );
        let expected = before.len() == 3 && before[1..] == ["two words", "ünïcode"];
        println!(
            "args_in strings intact: {}",
            verdict(before == after && expected)
        );
    });
    let first = memory::scope(|mem| mem.allocate(8).addr());
    let second = memory::scope(|mem| mem.allocate(8).addr());
    println!(
        "scopes after the leaks reuse their memory: {}",
        verdict(first == second)
    );
}
