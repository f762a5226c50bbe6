//! The preview1 primitives over WASI 0.2.
//!
//! Until every function is implemented here, the rest come from [`raw`](crate::wasi::raw)
//! (through the preview1 adapter the linker adds); an item defined or imported by name below
//! shadows the glob.

pub(crate) use crate::wasi::raw::*;

// Arguments, environment, exit, signals and yielding: `wasi:cli`.
mod cli;
pub(crate) use cli::{
    args_get, args_sizes_get, environ_get, environ_sizes_get, proc_exit, proc_raise, sched_yield,
};

// Clocks and `poll_oneoff`: `wasi:clocks` and `wasi:io/poll`.
mod clock;
pub(crate) use clock::{clock_res_get, clock_time_get, poll_oneoff};

// `random_get`: `wasi:random`.
mod random;
pub(crate) use random::random_get;

// `fd_write`/`fd_read` on the standard streams; other descriptors through `fd`.
mod fd;
mod stdio;
pub(crate) use stdio::{fd_read, fd_write};
