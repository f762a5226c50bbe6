//! Operations on paths relative to a directory: creating, removing, renaming, linking,
//! attributes, and whole-file reads and writes.

use super::File;
use crate::wasi::{Errno, Fd, Filestat, Lookupflags, sys};

/// Creates the directory `path`.
///
/// # Errors
///
/// What the host returns from `path_create_directory`: for example [`Errno::EXIST`] if `path`
/// exists, [`Errno::NOENT`] if its parent does not.
#[inline]
pub fn create_dir(dir: Fd, path: &str) -> Result<(), Errno> {
    sys::path_create_directory(dir, path)
}

/// Removes the empty directory `path`.
///
/// # Errors
///
/// What the host returns from `path_remove_directory`: for example [`Errno::NOTEMPTY`] if the
/// directory is not empty, [`Errno::NOENT`] if it does not exist, [`Errno::NOTDIR`] if `path`
/// is not a directory.
#[inline]
pub fn remove_dir(dir: Fd, path: &str) -> Result<(), Errno> {
    sys::path_remove_directory(dir, path)
}

/// Removes the file `path` (not a directory: that is [`Errno::ISDIR`] or [`Errno::PERM`]).
///
/// # Errors
///
/// What the host returns from `path_unlink_file`: for example [`Errno::NOENT`] if `path` does
/// not exist, [`Errno::ISDIR`] or [`Errno::PERM`] for a directory.
#[inline]
pub fn remove_file(dir: Fd, path: &str) -> Result<(), Errno> {
    sys::path_unlink_file(dir, path)
}

/// Renames `from` (relative to `dir`) to `to` (relative to `to_dir`), replacing `to` if it
/// exists.
///
/// # Errors
///
/// What the host returns from `path_rename`: for example [`Errno::NOENT`] if `from` does not
/// exist, [`Errno::NOTEMPTY`] if `to` is a directory that is not empty, [`Errno::ISDIR`] or
/// [`Errno::NOTDIR`] if one is a directory and the other is not.
#[inline]
pub fn rename(dir: Fd, from: &str, to_dir: Fd, to: &str) -> Result<(), Errno> {
    sys::path_rename(dir, from, to_dir, to)
}

/// Creates a hard link `to` (relative to `to_dir`) to the file `from` (relative to `dir`).
///
/// # Errors
///
/// What the host returns from `path_link`: for example [`Errno::NOENT`] if `from` does not
/// exist, [`Errno::EXIST`] if `to` does, [`Errno::PERM`] if `from` is a directory.
#[inline]
pub fn hard_link(dir: Fd, from: &str, to_dir: Fd, to: &str) -> Result<(), Errno> {
    sys::path_link(dir, Lookupflags::empty(), from, to_dir, to)
}

/// Creates the symbolic link `link` (relative to `dir`) pointing to `target`.
///
/// # Errors
///
/// What the host returns from `path_symlink`: for example [`Errno::EXIST`] if `link` exists,
/// [`Errno::NOENT`] if its parent does not.
#[inline]
pub fn symlink(dir: Fd, target: &str, link: &str) -> Result<(), Errno> {
    sys::path_symlink(target, dir, link)
}

/// Reads the target of the symbolic link `path` into `buf`.
///
/// # Errors
///
/// [`Errno::NOBUFS`] if the target may not fit in `buf` (it filled the whole buffer: give one
/// more byte than the target's length, e.g. [`symlink_metadata`]`.size + 1`),
/// [`Errno::ILSEQ`] if it is not UTF-8, or what the host returns.
pub fn read_link<'b>(dir: Fd, path: &str, buf: &'b mut [u8]) -> Result<&'b str, Errno> {
    let n = sys::path_readlink(dir, path, buf)?;
    if n >= buf.len() {
        return Err(Errno::NOBUFS);
    }
    core::str::from_utf8(&buf[..n]).map_err(|_| Errno::ILSEQ)
}

/// The attributes of `path`, following symbolic links.
///
/// # Errors
///
/// What the host returns from `path_filestat_get`: for example [`Errno::NOENT`] if `path` (or a
/// link's target) does not exist, [`Errno::NOTCAPABLE`] if it leads outside `dir`.
#[inline]
pub fn metadata(dir: Fd, path: &str) -> Result<Filestat, Errno> {
    sys::path_filestat_get(dir, Lookupflags::SYMLINK_FOLLOW, path)
}

/// The attributes of `path` itself, not following a final symbolic link.
///
/// # Errors
///
/// What the host returns from `path_filestat_get`: for example [`Errno::NOENT`] if `path` does
/// not exist, [`Errno::NOTCAPABLE`] if it leads outside `dir`.
#[inline]
pub fn symlink_metadata(dir: Fd, path: &str) -> Result<Filestat, Errno> {
    sys::path_filestat_get(dir, Lookupflags::empty(), path)
}

/// Writes `data` to the file `path`, creating or truncating it.
///
/// # Errors
///
/// What [`File::create`] or [`File::write_all`] returns.
pub fn write(dir: Fd, path: &str, data: &[u8]) -> Result<(), Errno> {
    File::create(dir, path)?.write_all(data)
}

/// Reads the whole file `path`.
///
/// # Errors
///
/// What [`File::open`] or [`File::read_to_end`] returns.
#[cfg(feature = "std")]
pub fn read(dir: Fd, path: &str) -> Result<std::vec::Vec<u8>, Errno> {
    let mut out = std::vec::Vec::new();
    File::open(dir, path)?.read_to_end(&mut out)?;
    Ok(out)
}
