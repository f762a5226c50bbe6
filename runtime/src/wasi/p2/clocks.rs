//! `wasi:clocks@0.2.0`: the monotonic clock (with pollables for timeouts) and the wall clock.
//!
//! ```no_run
//! use wasm_function::wasi::p2::clocks;
//!
//! let start = clocks::monotonic_now();
//! clocks::subscribe_duration(10_000_000).block(); // sleep 10 ms
//! assert!(clocks::monotonic_now() - start >= 10_000_000);
//! let now = clocks::wall_now();
//! assert!(now.nanoseconds < 1_000_000_000);
//! ```

use super::io::Pollable;
use crate::{ComponentType, wasm_function};

/// `wasi:clocks/monotonic-clock.instant`: nanoseconds on the monotonic clock (the functions
/// below spell it `u64`, as the attribute checks Rust types by name).
pub type Instant = u64;

/// `wasi:clocks/monotonic-clock.duration`: a span of nanoseconds.
pub type Duration = u64;

/// `wasi:clocks/wall-clock.datetime`: seconds and nanoseconds since the Unix epoch
/// (1970-01-01T00:00:00Z), `nanoseconds` below 1,000,000,000.
///
/// ```no_run
/// let now = wasm_function::wasi::p2::clocks::wall_now();
/// let nanos = u128::from(now.seconds) * 1_000_000_000 + u128::from(now.nanoseconds);
/// # let _ = nanos;
/// ```
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[component("wasi:clocks/wall-clock@0.2.0", "datetime")]
pub struct Datetime {
    /// Whole seconds since the epoch.
    pub seconds: u64,
    /// Nanoseconds past `seconds`.
    pub nanoseconds: u32,
}

/// `wasi:clocks/monotonic-clock.now`: the current instant (never goes backwards).
#[wasm_function("wasi:clocks/monotonic-clock@0.2.0", "now")]
pub fn monotonic_now() -> u64;

/// `wasi:clocks/monotonic-clock.resolution`: the clock's resolution, in nanoseconds.
#[wasm_function("wasi:clocks/monotonic-clock@0.2.0", "resolution")]
pub fn monotonic_resolution() -> u64;

/// `wasi:clocks/monotonic-clock.subscribe-instant`: a pollable ready at instant `when`
/// (at once if it has passed).
#[wasm_function("wasi:clocks/monotonic-clock@0.2.0", "subscribe-instant")]
pub fn subscribe_instant(when: u64) -> Pollable;

/// `wasi:clocks/monotonic-clock.subscribe-duration`: a pollable ready `when` nanoseconds from
/// now.
///
/// ```no_run
/// wasm_function::wasi::p2::clocks::subscribe_duration(1_000_000).block();
/// ```
#[wasm_function("wasi:clocks/monotonic-clock@0.2.0", "subscribe-duration")]
pub fn subscribe_duration(when: u64) -> Pollable;

/// `wasi:clocks/wall-clock.now`: the current wall-clock time (may jump; not for timing).
#[wasm_function("wasi:clocks/wall-clock@0.2.0", "now")]
pub fn wall_now() -> Datetime;

/// `wasi:clocks/wall-clock.resolution`: the wall clock's resolution.
#[wasm_function("wasi:clocks/wall-clock@0.2.0", "resolution")]
pub fn wall_resolution() -> Datetime;
