//! Waiting for events (`poll_oneoff`): a safe [`poll`] and [`sleep`].
//!
//! ```no_run
//! use core::time::Duration;
//! use wasm_function::wasi::poll;
//!
//! poll::sleep(Duration::from_millis(10))?;
//! # Ok::<(), wasm_function::wasi::Errno>(())
//! ```

use core::time::Duration;

use super::clock::Instant;
use super::{Clockid, Errno, Event, Subclockflags, Subscription, sys};

/// Waits until at least one of `subscriptions` fires; returns the events, one per fired
/// subscription, in the front of `events`.
///
/// # Errors
///
/// [`Errno::INVAL`] if `subscriptions` is empty (waiting for nothing would never return), if
/// `events` has fewer slots than there are subscriptions, or if a clock subscription names an
/// undefined clock or holds undefined flag bits (the host is not called); else what the host
/// returns. A
/// subscription that failed is reported in its event's [`Event::error`], not here.
///
/// ```no_run
/// use wasm_function::wasi::{poll, Clockid, Event, Fd, Subscription};
///
/// let subs = [
///     Subscription::fd_read(1, Fd::STDIN),
///     Subscription::timeout(2, Clockid::MONOTONIC, 500_000_000),
/// ];
/// let mut events = [Event::ZERO; 2];
/// for event in poll::poll(&subs, &mut events)? {
///     match event.userdata {
///         1 => wasm_function::println!("input ready"),
///         _ => wasm_function::println!("timed out"),
///     }
/// }
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
pub fn poll<'e>(
    subscriptions: &[Subscription],
    events: &'e mut [Event],
) -> Result<&'e [Event], Errno> {
    if subscriptions.is_empty() || events.len() < subscriptions.len() {
        return Err(Errno::INVAL);
    }
    let undefined = subscriptions.iter().any(|s| {
        s.as_clock()
            .is_some_and(|c| !c.id.is_known() || !Subclockflags::all().contains(c.flags))
    });
    if undefined {
        return Err(Errno::INVAL);
    }
    // SAFETY: `subscriptions` is valid for reads of `subscriptions.len()` elements and
    // `events` for writes of at least that many (checked above); both are aligned slices.
    // `Event` accepts any bytes the host writes (`WasmWritable`).
    let n = unsafe {
        sys::poll_oneoff(
            subscriptions.as_ptr(),
            events.as_mut_ptr(),
            subscriptions.len(),
        )
    }?;
    Ok(&events[..n.min(subscriptions.len())])
}

/// Blocks for at least `duration`, on the monotonic clock.
///
/// If the host wakes the guest early, the remaining time is slept again, so the duration is
/// a lower bound whenever the monotonic clock is available.
///
/// # Errors
///
/// What the host returns from `poll_oneoff` or in the event's `error` (for example
/// [`Errno::NOTSUP`] if it cannot wait on the monotonic clock), or from reading the monotonic
/// clock after waking.
pub fn sleep(duration: Duration) -> Result<(), Errno> {
    let start = Instant::now().ok();
    let mut remaining = duration;
    loop {
        sleep_once(remaining)?;
        let Some(start) = start else {
            return Ok(());
        };
        let elapsed = start.elapsed()?;
        match duration.checked_sub(elapsed) {
            Some(rest) if !rest.is_zero() => remaining = rest,
            _ => return Ok(()),
        }
    }
}

fn sleep_once(duration: Duration) -> Result<(), Errno> {
    let nanos = u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX);
    let subscription = Subscription::timeout(0, Clockid::MONOTONIC, nanos);
    let mut events = [Event::ZERO];
    for event in poll(&[subscription], &mut events)? {
        event.result()?;
    }
    Ok(())
}
