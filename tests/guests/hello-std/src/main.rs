//! Prints "Hello, world!" with std's `println!` (benchmark row (f)).

fn main() {
    println!("Hello, world!");
}
