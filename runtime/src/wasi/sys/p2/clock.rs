//! Clocks and `poll_oneoff` over `wasi:clocks@0.2.0` and `wasi:io/poll`.
//!
//! [`Clockid::REALTIME`] is `wall-clock`, [`Clockid::MONOTONIC`] is `monotonic-clock`. The
//! CPU-time clocks do not exist in WASI 0.2: they are [`Errno::BADF`] (as wasmtime's
//! preview1 reports them), unknown ids [`Errno::INVAL`].

use crate::component::glue::Resource;
use crate::memory;
use crate::wasi::p2::{clocks, io};
use crate::wasi::{
    Clockid, Errno, Event, EventFdReadwrite, Eventrwflags, Eventtype, Fd, Size, Subclockflags,
    Subscription, Timestamp,
};

use super::stdio;

/// Nanoseconds since the epoch, or [`Errno::OVERFLOW`] past `u64::MAX` (the year 2554).
fn nanos(datetime: clocks::Datetime) -> Result<Timestamp, Errno> {
    datetime
        .seconds
        .checked_mul(1_000_000_000)
        .and_then(|n| n.checked_add(u64::from(datetime.nanoseconds)))
        .ok_or(Errno::OVERFLOW)
}

fn unsupported(id: Clockid) -> Errno {
    if id == Clockid::PROCESS_CPUTIME_ID || id == Clockid::THREAD_CPUTIME_ID {
        Errno::BADF
    } else {
        Errno::INVAL
    }
}

/// `clock_time_get`: the time on clock `id`, in nanoseconds (`precision` is a hint WASI 0.2
/// has no use for).
pub fn clock_time_get(id: Clockid, precision: Timestamp) -> Result<Timestamp, Errno> {
    let _ = precision;
    match id {
        Clockid::REALTIME => nanos(clocks::wall_now()),
        Clockid::MONOTONIC => Ok(clocks::monotonic_now()),
        other => Err(unsupported(other)),
    }
}

/// `clock_res_get`: the resolution of clock `id`, in nanoseconds.
pub fn clock_res_get(id: Clockid) -> Result<Timestamp, Errno> {
    match id {
        Clockid::REALTIME => nanos(clocks::wall_resolution()),
        Clockid::MONOTONIC => Ok(clocks::monotonic_resolution()),
        other => Err(unsupported(other)),
    }
}

/// What one subscription waits on: a pollable to poll, or an event ready at once.
enum Wait {
    Pollable(io::Pollable),
    Now(Event),
}

fn event(subscription: &Subscription, error: Errno) -> Event {
    Event {
        userdata: subscription.userdata(),
        error,
        type_: subscription.tag(),
        fd_readwrite: EventFdReadwrite::default(),
    }
}

/// The pollable for a clock subscription: relative timeouts through `subscribe-duration`,
/// absolute monotonic ones through `subscribe-instant`, absolute real-time ones as the
/// duration from the wall clock's now.
fn clock_wait(subscription: &Subscription) -> Wait {
    let Some(clock) = subscription.as_clock() else {
        return Wait::Now(event(subscription, Errno::INVAL));
    };
    let absolute = clock
        .flags
        .contains(Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME);
    match (clock.id, absolute) {
        (Clockid::REALTIME | Clockid::MONOTONIC, false) => {
            Wait::Pollable(clocks::subscribe_duration(clock.timeout))
        }
        (Clockid::MONOTONIC, true) => Wait::Pollable(clocks::subscribe_instant(clock.timeout)),
        (Clockid::REALTIME, true) => match nanos(clocks::wall_now()) {
            Ok(now) => Wait::Pollable(clocks::subscribe_duration(
                clock.timeout.saturating_sub(now),
            )),
            Err(error) => Wait::Now(event(subscription, error)),
        },
        (other, _) => Wait::Now(event(subscription, unsupported(other))),
    }
}

/// The pollable for an `fd_read`/`fd_write` subscription: the standard streams' own; other
/// descriptors are not pollable here and get an [`Errno::BADF`] event at once.
fn fd_wait(subscription: &Subscription, read: bool) -> Wait {
    match (subscription.fd(), read) {
        (Some(Fd::STDIN), true) => Wait::Pollable(stdio::subscribe_stdin()),
        (Some(fd @ (Fd::STDOUT | Fd::STDERR)), false) => {
            Wait::Pollable(stdio::subscribe_output(fd))
        }
        _ => Wait::Now(event(subscription, Errno::BADF)),
    }
}

/// The event of a subscription whose pollable is ready.
fn ready_event(subscription: &Subscription) -> Event {
    let mut ready = event(subscription, Errno::SUCCESS);
    if subscription.tag() == Eventtype::FD_WRITE {
        ready.fd_readwrite = match subscription.fd().map(stdio::check_write) {
            Some(Ok(room)) => EventFdReadwrite {
                nbytes: room,
                flags: Eventrwflags::empty(),
            },
            _ => EventFdReadwrite {
                nbytes: 0,
                flags: Eventrwflags::FD_READWRITE_HANGUP,
            },
        };
    } else if subscription.tag() == Eventtype::FD_READ {
        // WASI 0.2 does not say how many bytes are ready: at least one, or the end.
        ready.fd_readwrite.nbytes = 1;
    }
    ready
}

/// `poll_oneoff`: waits until at least one subscription is ready; writes one event per ready
/// subscription to `out` and returns their number. Clock subscriptions become
/// `monotonic-clock` pollables, `fd_read` on stdin and `fd_write` on stdout/stderr the
/// streams' pollables, all polled at once with `wasi:io/poll.poll`. A subscription that cannot
/// be waited on (an unknown clock or tag, another descriptor) produces an error event at once,
/// and then nothing blocks. No subscriptions is [`Errno::INVAL`] (WASI 0.2's `poll` traps on an
/// empty list).
///
/// # Safety
///
/// `in_` is valid for reads of `nsubscriptions` [`Subscription`]s and `out` for writes of as
/// many [`Event`]s, both aligned.
pub unsafe fn poll_oneoff(
    in_: *const Subscription,
    out: *mut Event,
    nsubscriptions: Size,
) -> Result<Size, Errno> {
    if nsubscriptions == 0 {
        return Err(Errno::INVAL);
    }
    // SAFETY: the caller guarantees `in_` holds `nsubscriptions` aligned subscriptions.
    let subscriptions = unsafe { core::slice::from_raw_parts(in_, nsubscriptions) };
    memory::scope(|memory| {
        let waits = memory
            .try_allocate_slice(nsubscriptions, 0u32)
            .map_err(|_| Errno::NOMEM)?;
        // Handles of the pollables, 0 for none (the Component Model never hands out handle 0),
        // and the events ready at once.
        let mut count: Size = 0;
        for (index, subscription) in subscriptions.iter().enumerate() {
            let wait = match subscription.tag() {
                Eventtype::CLOCK => clock_wait(subscription),
                Eventtype::FD_READ => fd_wait(subscription, true),
                Eventtype::FD_WRITE => fd_wait(subscription, false),
                _ => Wait::Now(event(subscription, Errno::INVAL)),
            };
            match wait {
                Wait::Pollable(pollable) => waits[index] = Resource::into_handle(pollable),
                Wait::Now(ready) => {
                    // SAFETY: `count < nsubscriptions`, within `out` as the caller guarantees.
                    unsafe { out.add(count).write(ready) };
                    count += 1;
                }
            }
        }
        if count == 0 {
            // Nothing ready yet, so every subscription has a pollable: block until one is.
            let ready = poll_handles(memory, waits);
            for &index in ready {
                let Some(subscription) = subscriptions.get(index as usize) else {
                    continue;
                };
                if count < nsubscriptions {
                    // SAFETY: as above.
                    unsafe { out.add(count).write(ready_event(subscription)) };
                    count += 1;
                }
            }
        }
        for &handle in waits.iter().filter(|&&handle| handle != 0) {
            // SAFETY: each nonzero entry is an owned pollable given up by `into_handle`
            // above and not taken back since; dropping it closes it.
            drop(unsafe { <io::Pollable as Resource>::from_handle(handle) });
        }
        Ok(count)
    })
}

/// `wasi:io/poll.poll` on raw pollable handles: the indices into `handles` of the ready ones,
/// in `memory`'s scope.
#[crate::wasm_function("wasi:io/poll@0.2.0", "poll")]
fn poll_handles<'s>(memory: &memory::MemoryAllocator<'s>, handles: &[u32]) -> &'s [u32];
