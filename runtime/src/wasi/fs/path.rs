//! Operations on paths relative to a directory: creating, removing, renaming, linking,
//! attributes, and whole-file reads and writes.

use super::{File, FileTimes};
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

/// Whether `path` exists, following symbolic links, like `std::fs::exists`: `Ok(false)`
/// only when the host says [`Errno::NOENT`] (a dangling link does not exist).
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, path) = fs::resolve("/data/config.toml")?;
/// if !fs::exists(dir, path)? {
///     fs::write(dir, path, b"# defaults\n")?;
/// }
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// Any other error of [`metadata`]: for example [`Errno::NOTCAPABLE`] or [`Errno::PERM`] for
/// a path that leaves `dir`, [`Errno::NOTDIR`] for `file.txt/x`, [`Errno::BADF`].
pub fn exists(dir: Fd, path: &str) -> Result<bool, Errno> {
    match metadata(dir, path) {
        Ok(_) => Ok(true),
        Err(Errno::NOENT) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Changes the access and modification times of `path`, following symbolic links.
///
/// ```no_run
/// use wasm_function::wasi::fs::{self, FileTimes};
///
/// let (dir, path) = fs::resolve("/data/stamp")?;
/// fs::set_times(dir, path, FileTimes::new().set_modified_now())?; // like `touch`
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// What the host returns from `path_filestat_set_times`: for example [`Errno::NOENT`] if
/// `path` does not exist.
pub fn set_times(dir: Fd, path: &str, times: FileTimes) -> Result<(), Errno> {
    let (atim, mtim, flags) = times.lower();
    sys::path_filestat_set_times(dir, Lookupflags::SYMLINK_FOLLOW, path, atim, mtim, flags)
}

/// Changes the access and modification times of `path` itself, not following a final
/// symbolic link.
///
/// # Errors
///
/// What the host returns from `path_filestat_set_times`: for example [`Errno::NOENT`] if
/// `path` does not exist; some hosts do not support changing a link's times
/// ([`Errno::NOTSUP`]).
pub fn set_symlink_times(dir: Fd, path: &str, times: FileTimes) -> Result<(), Errno> {
    let (atim, mtim, flags) = times.lower();
    sys::path_filestat_set_times(dir, Lookupflags::empty(), path, atim, mtim, flags)
}

/// Reads the whole file `path` into `buf`; returns the part of `buf` it fills.
///
/// # Errors
///
/// [`Errno::NOBUFS`] if the file does not fit in `buf` (what did fit stays in `buf`), or
/// what [`File::open`] or [`File::read_full`] returns.
pub fn read_into<'b>(dir: Fd, path: &str, buf: &'b mut [u8]) -> Result<&'b [u8], Errno> {
    let file = File::open(dir, path)?;
    let n = file.read_full(buf)?;
    if n == buf.len() && file.read(&mut [0_u8; 1])? != 0 {
        return Err(Errno::NOBUFS);
    }
    Ok(&buf[..n])
}

/// Reads the whole file `path` into `buf` as UTF-8 text.
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, path) = fs::resolve("/data/name.txt")?;
/// let mut buf = [0_u8; 256];
/// let name = fs::read_to_string_into(dir, path, &mut buf)?;
/// wasm_function::println!("hello, {}", name.trim_end());
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// [`Errno::ILSEQ`] if the contents are not UTF-8, or what [`read_into`] returns.
pub fn read_to_string_into<'b>(dir: Fd, path: &str, buf: &'b mut [u8]) -> Result<&'b str, Errno> {
    core::str::from_utf8(read_into(dir, path, buf)?).map_err(|_| Errno::ILSEQ)
}

/// Reads the whole file `path` as UTF-8 text, like `std::fs::read_to_string`.
///
/// # Errors
///
/// [`Errno::ILSEQ`] if the contents are not UTF-8, or what [`read`] returns.
#[cfg(feature = "std")]
pub fn read_to_string(dir: Fd, path: &str) -> Result<std::string::String, Errno> {
    std::string::String::from_utf8(read(dir, path)?).map_err(|_| Errno::ILSEQ)
}
