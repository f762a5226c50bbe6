//! `env`: prints what a WASI program gets from its host — arguments, environment variables,
//! the wall and monotonic clocks with their resolutions, and random bytes — through
//! `wasm_function::wasi`.
//!
//! ```text
//! cargo run -p wasm-function-tests --bin run -- --env GREETING=hello --env LANG=C env one "two words"
//! ```
//!
//! (`--env K=V` options go before the example's name; the guest sees only those variables.)
//! Output:
//!
//! ```text
//! arguments: 3
//!   [0] "env"
//!   [1] "one"
//!   [2] "two words"
//! environment: 2
//!   GREETING="hello"
//!   LANG="C"
//! realtime:  1764547200.000000000 s since the epoch, 2025-12-01T00:00:00Z (resolution 1ns)
//! monotonic: 0.001234567 s (resolution 1ns)
//! random: 16 bytes 5f0c…
//! ```
//!
//! The arguments and variables are read with [`env::args_in`] and [`env::vars_in`] into memory
//! of a [`with_memory_allocator!`] scope: they borrow it, the compiler keeps them from
//! outliving it, and it is all released at the scope's end.

use core::time::Duration;

use wasm_function::wasi::{Clockid, Errno, clock, env, proc, random};
use wasm_function::{eprintln, println, with_memory_allocator};

/// The date and time (UTC) `since_epoch` after 1970-01-01T00:00:00Z, as ISO 8601.
fn utc(since_epoch: Duration) -> String {
    let secs = since_epoch.as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Days to a civil date: Howard Hinnant's algorithm, for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Seconds with nanoseconds.
fn seconds(d: Duration) -> String {
    format!("{}.{:09}", d.as_secs(), d.subsec_nanos())
}

fn run() -> Result<(), Errno> {
    with_memory_allocator!(|mem| {
        let args = env::args_in(mem)?;
        println!("arguments: {}", args.len());
        for (i, arg) in args.iter().enumerate() {
            println!("  [{i}] {arg:?}");
        }
        let vars = env::vars_in(mem)?;
        println!("environment: {}", vars.len());
        for (name, value) in vars.iter() {
            println!("  {name}={value:?}");
        }
    });

    let now = clock::realtime()?;
    println!(
        "realtime:  {} s since the epoch, {} (resolution {:?})",
        seconds(now),
        utc(now),
        clock::resolution(Clockid::REALTIME)?
    );
    println!(
        "monotonic: {} s (resolution {:?})",
        seconds(clock::monotonic()?),
        clock::resolution(Clockid::MONOTONIC)?
    );

    let bytes: [u8; 16] = random::bytes()?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    println!("random: {} bytes {hex}", bytes.len());
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("env: {} ({})", e.message(), e.name());
        proc::exit(1);
    }
}
