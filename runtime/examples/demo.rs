//! The demo, one program per target:
//!
//! ```text
//! cargo run -p wasm-function-tests --bin run                           # wasm32-wasip1
//! cargo run -p wasm-function-tests --bin run -- --target wasm32-wasip2 # wasm32-wasip2
//! ```
//!
//! - On wasm32-wasip1 (`demo/p1.rs`) it declares WASI preview1 `fd_write` and `proc_exit` and
//!   two functions of the runner's custom host module `demo_host` with `#[wasm_function]`,
//!   prints through an iovec in a `with_memory_allocator!` scope and exits through
//!   `proc_exit`.
//! - On wasm32-wasip2 (`demo/p2.rs`), a component, it declares WASI 0.2 interfaces with
//!   `#[wasm_function]` (`wasi:cli/stdout`, `wasi:io/streams`, `wasi:clocks`,
//!   `wasi:random`), calls them directly next to the safe layer's `println!`, and returns from
//!   `main`, which returns `ok` from `wasi:cli/run`.

#[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
#[path = "demo/p1.rs"]
mod p1;
#[cfg(all(target_arch = "wasm32", target_env = "p2"))]
#[path = "demo/p2.rs"]
mod p2;

fn main() {
    #[cfg(not(all(target_arch = "wasm32", target_env = "p2")))]
    p1::main();
    #[cfg(all(target_arch = "wasm32", target_env = "p2"))]
    p2::main();
}
