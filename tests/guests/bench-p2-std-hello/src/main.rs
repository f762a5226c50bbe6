//! Prints "Hello, world!" with std's `println!`, as a wasm32-wasip2 component (benchmark row 5.4).

fn main() {
    println!("Hello, world!");
}
