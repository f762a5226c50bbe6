//! Benchmark guest for allocation: `bench-alloc <case> <n>` runs one loop of `n` iterations.
//!
//! Every loop hands each pointer to `black_box`, so nothing is optimised away, and the
//! harness differences fuel between `n` and `2n` (setup cancels) and against `empty` (the
//! loop's own instructions cancel).
//!
//! | case | one iteration |
//! |---|---|
//! | `empty` | `black_box` of a pointer |
//! | `ours-alloc` | `mem.allocate(16)`, all in one `with_memory_allocator!` scope |
//! | `ours-scope` | a `with_memory_allocator!` scope holding one `allocate(16)` |
//! | `ours-scope-warm` | the same scope, nested in an outer scope that allocated first (so a chunk is current when each inner scope opens) |
//! | `ours-scope-child` | as `ours-scope-warm`, the inner scope a child of the outer handle (`|mem| in outer`) |
//! | `ours-three-scopes` | three `with_memory_allocator!` scopes one after another in one function, each holding one `allocate(16)` |
//! | `ours-three-allocs` | three `mem.allocate(16)` in one scope (the baseline of `ours-three-scopes`) |
//! | `bumpalo-alloc` | `bump.alloc_layout(16, align 8)`, one `Bump` |
//! | `bumpalo-scope` | `bump.alloc_layout(16, align 8)` then `bump.reset()` |
//! | `bump-scope-alloc` | `bump.allocate_layout(16, align 8)`, one `bump_scope::Bump` |
//! | `bump-scope-scope` | `bump.scoped(|b| b.allocate_layout(16, align 8))` |
//! | `bump-scope-three-scopes` | three `bump.scoped(…)` one after another, each around one allocation |
//! | `bump-scope-three-allocs` | three `bump.allocate_layout(16, align 8)` (the baseline of `bump-scope-three-scopes`) |
//! | `std-alloc` | `Vec::<u8>::with_capacity(16)`, then drop (std's allocator: malloc + free) |

use core::alloc::Layout;
use core::hint::black_box;

use bump_scope::traits::BumpAllocatorTyped as _;
use wasm_function::with_memory_allocator;

const LAYOUT: Layout = match Layout::from_size_align(16, 8) {
    Ok(layout) => layout,
    Err(_) => panic!("16 bytes aligned to 8 is a valid layout"),
};

#[inline(never)]
fn empty(n: u32) {
    let p = black_box(LAYOUT.align() as *const u8);
    for _ in 0..n {
        black_box(p);
    }
}

#[inline(never)]
fn ours_alloc(n: u32) {
    with_memory_allocator!(|mem| {
        for _ in 0..n {
            black_box(mem.allocate(16).as_ptr());
        }
    });
}

#[inline(never)]
fn ours_scope(n: u32) {
    for _ in 0..n {
        with_memory_allocator!(|mem| {
            black_box(mem.allocate(16).as_ptr());
        });
    }
}

#[inline(never)]
fn ours_scope_warm(n: u32) {
    with_memory_allocator!(|outer| {
        black_box(outer.allocate(16).as_ptr());
        for _ in 0..n {
            with_memory_allocator!(|mem| {
                black_box(mem.allocate(16).as_ptr());
            });
        }
    });
}

#[inline(never)]
fn ours_scope_child(n: u32) {
    with_memory_allocator!(|outer| {
        black_box(outer.allocate(16).as_ptr());
        for _ in 0..n {
            with_memory_allocator!(|mem| in outer {
                black_box(mem.allocate(16).as_ptr());
            });
        }
    });
}

#[inline(never)]
fn ours_three_scopes(n: u32) {
    for _ in 0..n {
        with_memory_allocator!(|a| {
            black_box(a.allocate(16).as_ptr());
        });
        with_memory_allocator!(|b| {
            black_box(b.allocate(16).as_ptr());
        });
        with_memory_allocator!(|c| {
            black_box(c.allocate(16).as_ptr());
        });
    }
}

#[inline(never)]
fn ours_three_allocs(n: u32) {
    with_memory_allocator!(|mem| {
        for _ in 0..n {
            black_box(mem.allocate(16).as_ptr());
            black_box(mem.allocate(16).as_ptr());
            black_box(mem.allocate(16).as_ptr());
        }
    });
}

#[inline(never)]
fn bumpalo_alloc(n: u32) {
    let bump = bumpalo::Bump::new();
    for _ in 0..n {
        black_box(bump.alloc_layout(LAYOUT).as_ptr());
    }
}

#[inline(never)]
fn bumpalo_scope(n: u32) {
    let mut bump = bumpalo::Bump::new();
    for _ in 0..n {
        black_box(bump.alloc_layout(LAYOUT).as_ptr());
        bump.reset();
    }
}

#[inline(never)]
fn bump_scope_alloc(n: u32) {
    let bump: bump_scope::Bump = bump_scope::Bump::new();
    for _ in 0..n {
        black_box(bump.allocate_layout(LAYOUT).as_ptr());
    }
}

#[inline(never)]
fn bump_scope_scope(n: u32) {
    let mut bump: bump_scope::Bump = bump_scope::Bump::new();
    for _ in 0..n {
        bump.scoped(|scope| {
            black_box(scope.allocate_layout(LAYOUT).as_ptr());
        });
    }
}

#[inline(never)]
fn bump_scope_three_scopes(n: u32) {
    let mut bump: bump_scope::Bump = bump_scope::Bump::new();
    for _ in 0..n {
        bump.scoped(|scope| {
            black_box(scope.allocate_layout(LAYOUT).as_ptr());
        });
        bump.scoped(|scope| {
            black_box(scope.allocate_layout(LAYOUT).as_ptr());
        });
        bump.scoped(|scope| {
            black_box(scope.allocate_layout(LAYOUT).as_ptr());
        });
    }
}

#[inline(never)]
fn bump_scope_three_allocs(n: u32) {
    let bump: bump_scope::Bump = bump_scope::Bump::new();
    for _ in 0..n {
        black_box(bump.allocate_layout(LAYOUT).as_ptr());
        black_box(bump.allocate_layout(LAYOUT).as_ptr());
        black_box(bump.allocate_layout(LAYOUT).as_ptr());
    }
}

#[inline(never)]
fn std_alloc(n: u32) {
    for _ in 0..n {
        let v = Vec::<u8>::with_capacity(16);
        black_box(v.as_ptr());
        drop(v);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(case), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<u32>().ok()))
    else {
        eprintln!("usage: bench-alloc <case> <n>");
        std::process::exit(2);
    };
    match case.as_str() {
        "empty" => empty(n),
        "ours-alloc" => ours_alloc(n),
        "ours-scope" => ours_scope(n),
        "ours-scope-warm" => ours_scope_warm(n),
        "ours-scope-child" => ours_scope_child(n),
        "ours-three-scopes" => ours_three_scopes(n),
        "ours-three-allocs" => ours_three_allocs(n),
        "bump-scope-three-scopes" => bump_scope_three_scopes(n),
        "bump-scope-three-allocs" => bump_scope_three_allocs(n),
        "bumpalo-alloc" => bumpalo_alloc(n),
        "bumpalo-scope" => bumpalo_scope(n),
        "bump-scope-alloc" => bump_scope_alloc(n),
        "bump-scope-scope" => bump_scope_scope(n),
        "std-alloc" => std_alloc(n),
        other => {
            eprintln!("bench-alloc: unknown case {other:?}");
            std::process::exit(2);
        }
    }
}
