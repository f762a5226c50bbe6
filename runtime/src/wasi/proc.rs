//! The process: exiting, yielding, raising a signal.

use super::{Errno, Exitcode, Signal, sys};

/// Terminates the process with exit status `code` (0 is success); does not return.
///
/// Nothing is unwound and no destructor runs: flush buffered output first.
///
/// ```no_run
/// wasm_function::wasi::proc::exit(3);
/// ```
#[inline]
pub fn exit(code: Exitcode) -> ! {
    sys::proc_exit(code)
}

/// Lets other threads or processes run (`sched_yield`).
///
/// # Errors
///
/// What the host returns from `sched_yield`, such as [`Errno::NOSYS`] if it does not implement
/// it.
#[inline]
pub fn yield_now() -> Result<(), Errno> {
    sys::sched_yield()
}

/// Sends `signal` to the process (`proc_raise`). Many hosts answer [`Errno::NOSYS`] or
/// [`Errno::NOTSUP`]: the function was dropped from later WASI versions.
///
/// # Errors
///
/// [`Errno::INVAL`] for a signal the specification does not define (the host is not called),
/// or what the host returns from `proc_raise`: often [`Errno::NOSYS`] or [`Errno::NOTSUP`].
#[inline]
pub fn raise(signal: Signal) -> Result<(), Errno> {
    if !signal.is_known() {
        return Err(Errno::INVAL);
    }
    sys::proc_raise(signal)
}
