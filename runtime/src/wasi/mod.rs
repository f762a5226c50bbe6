//! WASI preview1 (`wasi_snapshot_preview1`), typed.
//!
//! - The types of the specification: [`Errno`] (all 77 codes, with names and messages),
//!   [`Fd`] and the scalar aliases, the flag sets ([`Rights`], [`Oflags`], …), the enumerations
//!   ([`Whence`], [`Clockid`], [`Filetype`], …) and the records with their exact wasm32
//!   layout ([`Ciovec`], [`Iovec`], [`Fdstat`], [`Filestat`], [`Prestat`], [`Dirent`],
//!   [`Event`], [`Subscription`]).
//!
//! Enumerations are newtypes with associated constants rather than Rust `enum`s, and flag sets
//! keep undefined bits, so whatever a host returns is a value and never undefined behaviour.

#[macro_use]
mod macros;

mod enums;
mod errno;
mod flags;
mod records;
mod scratch;
mod types;

pub mod clock;
pub mod env;
pub mod fs;
pub mod io;
pub mod poll;
pub mod print;
pub mod proc;
pub mod random;
pub mod raw;

pub use enums::{Advice, Clockid, Eventtype, Filetype, Preopentype, Signal, Whence};
pub use errno::Errno;
pub use flags::{
    Eventrwflags, Fdflags, Fstflags, Lookupflags, Oflags, Riflags, Rights, Roflags, Sdflags,
    Siflags, Subclockflags,
};
pub use records::{
    Ciovec, Dirent, Event, EventFdReadwrite, Fdstat, Filestat, Iovec, Prestat, PrestatDir,
    Subscription, SubscriptionClock, SubscriptionFdReadwrite,
};
pub use types::{
    DIRCOOKIE_START, Device, Dircookie, Dirnamlen, Exitcode, Fd, Filedelta, Filesize, Inode,
    Linkcount, Size, Timestamp, Userdata,
};
