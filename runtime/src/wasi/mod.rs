//! WASI preview1 (`wasi_snapshot_preview1`), typed and checked.
//!
//! Three layers:
//!
//! - **Types** of the specification, at this module's root: [`Errno`] (all 77 codes, with
//!   names, messages, `Display` and `Error`), [`Fd`] and the scalar aliases, the flag sets
//!   ([`Rights`], [`Oflags`], …), the enumerations ([`Whence`], [`Clockid`], [`Filetype`], …)
//!   and the records with their exact wasm32 layout, asserted at compile time ([`Ciovec`],
//!   [`Iovec`], [`Fdstat`], [`Filestat`], [`Prestat`], [`Dirent`], [`Event`],
//!   [`Subscription`]). Enumerations are newtypes with associated constants rather than Rust
//!   `enum`s, and flag sets keep undefined bits, so whatever a host returns is a value and
//!   never undefined behaviour.
//! - [`raw`]: the 46 functions, each declared with
//!   [`#[wasm_function]`](macro@crate::wasm_function) (no hand-written `extern` block), so the
//!   names and core signatures are checked against the specification at compile time. All but
//!   three (which take raw pointers) are safe to call.
//! - The safe layer, usable without `std`: [`io`] (standard streams, `write_all`, `read`),
//!   [`print`] (the crate-root [`print!`](crate::print), [`println!`](crate::println),
//!   [`eprint!`](crate::eprint) and [`eprintln!`](crate::eprintln)), [`env`](mod@env) (arguments and
//!   environment), [`clock`], [`random`], [`fs`] (preopened directories, files, listings,
//!   paths), [`poll`] (`poll_oneoff`, `sleep`) and [`proc`] (`exit`, `yield_now`). Errors are
//!   [`Errno`] values; nothing panics on a host's answer.
//!
//! ```no_run
//! use wasm_function::println;
//! use wasm_function::wasi::{fs, Errno};
//!
//! fn main() -> Result<(), Errno> {
//!     let (dir, path) = fs::resolve("/data/greeting.txt")?;
//!     fs::write(dir, path, b"hello")?;
//!     match fs::metadata(dir, "missing.txt") {
//!         Err(Errno::NOENT) => println!("no such file, as expected"),
//!         other => println!("unexpected: {other:?}"),
//!     }
//!     Ok(())
//! }
//! ```
//!
//! # Naming: `_in` and `_into`
//!
//! Where the host hands back data whose size only it knows (argument and environment strings,
//! a preopen's name, a directory listing), the safe layer offers the memory it lands in two
//! ways, named by suffix:
//!
//! - `…_in(mem)` allocates **in a memory scope**: `mem` is the handle of a
//!   [`with_memory_allocator!`](crate::with_memory_allocator) block, and the result borrows
//!   the scope, so it lives until the block ends and is freed with it ([`env::args_in`],
//!   [`env::vars_in`], [`fs::Preopen::name_in`], [`fs::read_dir_in`]). Errors add
//!   [`Errno::NOMEM`] when the scope cannot grow.
//! - `…_into(buf)` writes **into your buffer**: the result borrows `buf`, and nothing is
//!   allocated ([`env::args_into`], [`env::vars_into`], [`fs::Preopen::name_into`];
//!   [`fs::read_dir`] takes its buffer the same way). Errors add [`Errno::NOBUFS`] when `buf`
//!   is too small.
//!
//! With the `std` feature, the plain name (`env::args()`, `Preopen::name()`) returns owned
//! values instead.
//!
//! On targets other than wasm32 everything compiles (so code using it can be type-checked and
//! its pure parts tested on the host), but a call that reaches the host panics.

#[macro_use]
mod macros;

mod bytes;
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
pub mod p2;
pub mod poll;
pub mod print;
pub mod proc;
pub mod random;
pub mod raw;
pub mod sys;

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
