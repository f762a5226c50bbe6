//! Files and directories, through preopened directories.
//!
//! A WASI program sees only the directories the host preopened for it, as descriptors from 3
//! up; every path is relative to one of them. [`preopens`] lists them (by calling
//! `fd_prestat_get` from descriptor 3 until [`Errno::BADF`](crate::wasi::Errno::BADF)) and [`resolve`] finds the one a
//! path like `/data/in.txt` lives in. The functions here take that directory descriptor and a
//! relative path.
//!
//! ```no_run
//! use wasm_function::wasi::fs::{self, File};
//!
//! let (dir, path) = fs::resolve("/data/notes.txt")?;
//! let file = File::create(dir, path)?;
//! file.write_all(b"hello\n")?;
//! drop(file); // closes it
//!
//! let mut buf = [0_u8; 64];
//! let n = File::open(dir, path)?.read(&mut buf)?;
//! assert_eq!(&buf[..n], b"hello\n");
//!
//! let stat = fs::metadata(dir, path)?;
//! assert_eq!(stat.size, 6);
//!
//! let mut listing = [0_u8; 4096];
//! let mut entries = fs::read_dir(dir, &mut listing);
//! while let Some(entry) = entries.next_entry()? {
//!     wasm_function::println!("{:?} {}", entry.file_type(), entry.name()?);
//! }
//! # Ok::<(), wasm_function::wasi::Errno>(())
//! ```
//!
//! The module is split by subject: preopened directories ([`preopens`], [`resolve`]), files
//! ([`File`], [`OpenOptions`]; times, advice, allocation, descriptor flags and renumbering
//! are methods of [`File`]), paths ([`metadata`], [`exists`], [`create_dir`], [`rename`],
//! [`set_times`] with [`FileTimes`], [`read_into`], …), whole trees ([`create_dir_all`],
//! [`remove_dir_all`], [`copy`]) and directory listing ([`read_dir`], [`read_dir_in`]; with
//! `std`, [`read_dir_entries`], and [`read`] and [`read_to_string`] for whole files).
//!
//! [`resolve`] finds the preopen the way wasi-libc (and so Rust's `std`) does: with `/` or
//! `.` preopened (`wasmtime --dir host::/`), a relative path like `notes.txt` resolves to it.
//!
//! The suffixes follow the convention of [`wasi`](crate::wasi#naming-_in-and-_into):
//! `_into(buf)` writes **into** your buffer ([`Preopen::name_into`]; [`read_dir`] takes its
//! buffer the same way), `_in(mem)` allocates **in** a memory scope ([`Preopen::name_in`],
//! [`read_dir_in`]); with `std`, [`Preopen::name`] returns an owned `String`.

mod file;
mod listing;
mod options;
mod path;
mod preopen;
mod times;
mod tree;

pub use file::{File, SeekFrom};
pub use listing::{DirEntry, READ_DIR_BUFFER_SIZE, ReadDir, read_dir, read_dir_in};
#[cfg(feature = "std")]
pub use listing::{OwnedDirEntry, read_dir_entries};
pub use options::OpenOptions;
pub use path::{
    create_dir, exists, hard_link, metadata, read_into, read_link, read_to_string_into, remove_dir,
    remove_file, rename, set_symlink_times, set_times, symlink, symlink_metadata, write,
};
#[cfg(feature = "std")]
pub use path::{read, read_to_string};
pub use preopen::{Preopen, Preopens, preopens, resolve};
pub use times::FileTimes;
pub use tree::{copy, create_dir_all, remove_dir_all};
