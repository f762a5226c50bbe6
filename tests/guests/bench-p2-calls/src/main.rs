//! Loops of component import calls for the benchmark: `bench-p2-calls <loop> <n>` runs the loop
//! `n` times and prints the sum of what the calls returned (the runner checks it).
//!
//! Loops: `string-len-attr` / `string-len-raw` call `test:harness/calls.string-len` with a
//! string; `echo-string-attr` / `echo-string-raw` call `echo-string` with a string inside a
//! fresh `with_memory_allocator!` scope per iteration, the result landing in that scope. The
//! `-attr` forms use `#[wasm_function]` declarations, the `-raw` forms hand-written externs of
//! the same imports that lower and lift by hand what the Canonical ABI asks for, with the same
//! memory: `cabi_realloc` served by the scope (the runtime's `with_realloc_scope`, which is how
//! a scope serves `cabi_realloc` at all), the result checked for UTF-8 as `&str` must be.

use std::hint::black_box;
use std::mem::MaybeUninit;

use wasm_function::memory::MemoryAllocator;
use wasm_function::{wasm_function, with_memory_allocator};

/// The string each call sends (27 bytes, not all ASCII).
const TEXT: &str = "a string for the host, ü✓";

#[wasm_function("test:harness/calls@0.1.0", "string-len")]
fn string_len(s: &str) -> u32;

#[wasm_function("test:harness/calls@0.1.0", "echo-string")]
fn echo_string<'s>(memory: &MemoryAllocator<'s>, s: &str) -> &'s str;

/// The same imports, written by hand: `string` flattens to `(ptr, len)`; `echo-string`'s
/// `string` result goes to a return area (`ptr` at 0, `len` at 4). Their component types come
/// from the declarations above (same import module and names).
mod raw {
    #[link(wasm_import_module = "test:harness/calls@0.1.0")]
    unsafe extern "C" {
        #[link_name = "string-len"]
        pub fn string_len(ptr: i32, len: i32) -> i32;
        #[link_name = "echo-string"]
        pub fn echo_string(ptr: i32, len: i32, ret: i32);
    }
}

/// `string-len` through the hand-written extern.
#[inline(always)]
fn string_len_raw(s: &str) -> u32 {
    // SAFETY: (ptr, len) of a live string, as the Canonical ABI lowers `string`.
    unsafe { raw::string_len(s.as_ptr() as i32, s.len() as i32) as u32 }
}

/// `echo-string` through the hand-written extern, its result in `memory`'s scope.
#[inline(always)]
fn echo_string_raw<'s>(memory: &MemoryAllocator<'s>, s: &str) -> &'s str {
    let mut ret = MaybeUninit::<[u32; 2]>::uninit();
    let ret_addr = ret.as_mut_ptr() as i32;
    wasm_function::__private::component::with_realloc_scope(memory, || {
        // SAFETY: (ptr, len) of a live string; `ret` is a writable, 4-aligned 8-byte area.
        unsafe { raw::echo_string(s.as_ptr() as i32, s.len() as i32, ret_addr) }
    });
    // SAFETY: the host wrote the result's pointer and length.
    let [ptr, len] = unsafe { ret.assume_init() };
    if len == 0 {
        return "";
    }
    // SAFETY: `cabi_realloc` put `len` bytes at `ptr` in the scope, which outlives `'s`.
    let bytes: &'s [u8] = unsafe {
        std::slice::from_raw_parts(
            std::ptr::with_exposed_provenance(ptr as usize),
            len as usize,
        )
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => std::process::abort(),
    }
}

#[inline(never)]
fn string_len_attr_loop(n: u32) -> u64 {
    let mut sum = 0;
    for _ in 0..n {
        sum += u64::from(string_len(black_box(TEXT)));
    }
    sum
}

#[inline(never)]
fn string_len_raw_loop(n: u32) -> u64 {
    let mut sum = 0;
    for _ in 0..n {
        sum += u64::from(string_len_raw(black_box(TEXT)));
    }
    sum
}

#[inline(never)]
fn echo_string_attr_loop(n: u32) -> u64 {
    let mut sum = 0;
    for _ in 0..n {
        sum +=
            with_memory_allocator!(|memory| { echo_string(&memory, black_box(TEXT)).len() as u64 });
    }
    sum
}

#[inline(never)]
fn echo_string_raw_loop(n: u32) -> u64 {
    let mut sum = 0;
    for _ in 0..n {
        sum += with_memory_allocator!(|memory| {
            echo_string_raw(&memory, black_box(TEXT)).len() as u64
        });
    }
    sum
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(name), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<u32>().ok()))
    else {
        eprintln!("usage: bench-p2-calls <loop> <n>");
        std::process::exit(2);
    };
    let sum = match name.as_str() {
        "string-len-attr" => string_len_attr_loop(n),
        "string-len-raw" => string_len_raw_loop(n),
        "echo-string-attr" => echo_string_attr_loop(n),
        "echo-string-raw" => echo_string_raw_loop(n),
        other => {
            eprintln!("unknown loop {other:?}");
            std::process::exit(2);
        }
    };
    println!("{sum}");
}
