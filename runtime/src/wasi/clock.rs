//! Clocks: wall-clock time, a monotonic [`Instant`], and their resolutions.
//!
//! ```no_run
//! use wasm_function::wasi::clock::{self, Instant};
//!
//! let start = Instant::now()?;
//! let since_epoch = clock::realtime()?;
//! wasm_function::println!("{} s since 1970", since_epoch.as_secs());
//! wasm_function::println!("took {:?}", start.elapsed()?);
//! # Ok::<(), wasm_function::wasi::Errno>(())
//! ```

use core::time::Duration;

use super::{Clockid, Errno, Timestamp, sys};

/// The precision asked of the host: the finest it has.
const PRECISION: Timestamp = 1;

/// The current time of `clock`, in nanoseconds from the clock's origin.
///
/// # Errors
///
/// [`Errno::INVAL`] for a clock id the specification does not define (the host is not
/// called), or what the host returns from `clock_time_get`: [`Errno::INVAL`] or
/// [`Errno::NOTSUP`] for a clock it does not have.
#[inline]
pub fn now_nanos(clock: Clockid) -> Result<Timestamp, Errno> {
    if !clock.is_known() {
        return Err(Errno::INVAL);
    }
    sys::clock_time_get(clock, PRECISION)
}

/// The current time of `clock`, from the clock's origin (the Unix epoch for
/// [`Clockid::REALTIME`], an arbitrary point for the others).
///
/// # Errors
///
/// As for [`now_nanos`].
#[inline]
pub fn now(clock: Clockid) -> Result<Duration, Errno> {
    now_nanos(clock).map(Duration::from_nanos)
}

/// The resolution of `clock`: the smallest step its time can advance by.
///
/// # Errors
///
/// [`Errno::INVAL`] for a clock id the specification does not define (the host is not
/// called), or what the host returns from `clock_res_get`: [`Errno::INVAL`] or
/// [`Errno::NOTSUP`] for a clock it does not have.
#[inline]
pub fn resolution(clock: Clockid) -> Result<Duration, Errno> {
    if !clock.is_known() {
        return Err(Errno::INVAL);
    }
    sys::clock_res_get(clock).map(Duration::from_nanos)
}

/// Wall-clock time: the duration since 1970-01-01 00:00:00 UTC. It may jump.
///
/// # Errors
///
/// As for [`now_nanos`]: what the host returns if it has no wall clock.
#[inline]
pub fn realtime() -> Result<Duration, Errno> {
    now(Clockid::REALTIME)
}

/// Monotonic time from an arbitrary origin; it never goes backwards.
///
/// # Errors
///
/// As for [`now_nanos`]: what the host returns if it has no monotonic clock.
#[inline]
pub fn monotonic() -> Result<Duration, Errno> {
    now(Clockid::MONOTONIC)
}

/// A point on the monotonic clock, for measuring elapsed time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(Timestamp);

impl Instant {
    /// The current point of the monotonic clock.
    ///
    /// # Errors
    ///
    /// As for [`monotonic`].
    #[inline]
    pub fn now() -> Result<Self, Errno> {
        now_nanos(Clockid::MONOTONIC).map(Self)
    }

    /// The instant `nanos` nanoseconds after the clock's origin.
    #[inline]
    #[must_use]
    pub const fn from_nanos(nanos: Timestamp) -> Self {
        Self(nanos)
    }

    /// Nanoseconds since the clock's origin.
    #[inline]
    #[must_use]
    pub const fn as_nanos(self) -> Timestamp {
        self.0
    }

    /// The time from `earlier` to `self`, zero if `earlier` is later.
    #[inline]
    #[must_use]
    pub const fn saturating_duration_since(self, earlier: Self) -> Duration {
        Duration::from_nanos(self.0.saturating_sub(earlier.0))
    }

    /// The time elapsed since `self`.
    ///
    /// # Errors
    ///
    /// As for [`Instant::now`].
    #[inline]
    pub fn elapsed(self) -> Result<Duration, Errno> {
        Ok(Self::now()?.saturating_duration_since(self))
    }

    /// The instant `duration` after `self`, or `None` past the clock's range.
    #[inline]
    #[must_use]
    pub fn checked_add(self, duration: Duration) -> Option<Self> {
        let nanos = u64::try_from(duration.as_nanos()).ok()?;
        self.0.checked_add(nanos).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instant_arithmetic() {
        let a = Instant::from_nanos(1_000);
        let b = Instant::from_nanos(3_500);
        assert_eq!(b.saturating_duration_since(a), Duration::from_nanos(2_500));
        assert_eq!(a.saturating_duration_since(b), Duration::ZERO);
        assert_eq!(
            a.checked_add(Duration::from_micros(2)),
            Some(Instant::from_nanos(3_000))
        );
        assert_eq!(
            Instant::from_nanos(u64::MAX).checked_add(Duration::from_nanos(1)),
            None
        );
        assert_eq!(a.checked_add(Duration::MAX), None);
        assert!(a < b);
        assert_eq!(b.as_nanos(), 3_500);
    }
}
