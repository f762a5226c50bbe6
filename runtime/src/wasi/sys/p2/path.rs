//! Preview1's `path_*` functions over WASI 0.2's `*-at` methods of the directory fd's
//! descriptor.
//!
//! Lookup, open and timestamp flags with undefined bits are [`Errno::INVAL`] before any host
//! call. A path escaping its directory is the host's answer: wasmtime gives `not-permitted`
//! ([`Errno::PERM`]).

use super::convert;
use super::errno::check;
use super::table;
use crate::wasi::p2::filesystem::types::{self as fs, PathFlags};
use crate::wasi::{
    Errno, Fd, Fdflags, Filestat, Fstflags, Lookupflags, Oflags, Rights, Size, Timestamp,
};

/// Opens `path` in the directory `fd`; the new fd is the lowest free one.
#[allow(clippy::too_many_arguments)]
pub fn path_open(
    fd: Fd,
    dirflags: Lookupflags,
    path: &str,
    oflags: Oflags,
    fs_rights_base: Rights,
    _fs_rights_inheriting: Rights,
    fdflags: Fdflags,
) -> Result<Fd, Errno> {
    let dir = table::get(fd)?;
    let path_flags = convert::path_flags(dirflags)?;
    let open_flags = convert::open_flags(oflags)?;
    let flags = convert::descriptor_flags(fs_rights_base, fdflags)?;
    let opened = check(fs::open_at(
        &dir.descriptor(),
        path_flags,
        path,
        open_flags,
        flags,
    ))?;
    table::insert(opened, fdflags & (Fdflags::APPEND | Fdflags::NONBLOCK))
}

/// The attributes of `path`; its inode is the low half of its metadata hash.
pub fn path_filestat_get(fd: Fd, flags: Lookupflags, path: &str) -> Result<Filestat, Errno> {
    let dir = table::get(fd)?.descriptor();
    let path_flags = convert::path_flags(flags)?;
    let stat = check(fs::stat_at(&dir, path_flags, path))?;
    let ino = fs::metadata_hash_at(&dir, path_flags, path).map_or(0, |h| h.lower);
    Ok(convert::filestat(&stat, ino))
}

/// Sets the times of `path`.
pub fn path_filestat_set_times(
    fd: Fd,
    flags: Lookupflags,
    path: &str,
    atim: Timestamp,
    mtim: Timestamp,
    fst_flags: Fstflags,
) -> Result<(), Errno> {
    let dir = table::get(fd)?;
    let path_flags = convert::path_flags(flags)?;
    let (atim, mtim) = convert::new_timestamps(atim, mtim, fst_flags)?;
    check(fs::set_times_at(
        &dir.descriptor(),
        path_flags,
        path,
        atim,
        mtim,
    ))
}

/// Creates the directory `path`.
pub fn path_create_directory(fd: Fd, path: &str) -> Result<(), Errno> {
    check(fs::create_directory_at(&table::get(fd)?.descriptor(), path))
}

/// Removes the empty directory `path`.
pub fn path_remove_directory(fd: Fd, path: &str) -> Result<(), Errno> {
    check(fs::remove_directory_at(&table::get(fd)?.descriptor(), path))
}

/// Removes the file `path`.
pub fn path_unlink_file(fd: Fd, path: &str) -> Result<(), Errno> {
    check(fs::unlink_file_at(&table::get(fd)?.descriptor(), path))
}

/// Renames `old_path` in `fd` to `new_path` in `new_fd`.
pub fn path_rename(fd: Fd, old_path: &str, new_fd: Fd, new_path: &str) -> Result<(), Errno> {
    let (old, new) = (table::get(fd)?, table::get(new_fd)?);
    check(fs::rename_at(
        &old.descriptor(),
        old_path,
        &new.descriptor(),
        new_path,
    ))
}

/// Links `new_path` in `new_fd` to `old_path` in `old_fd`.
pub fn path_link(
    old_fd: Fd,
    old_flags: Lookupflags,
    old_path: &str,
    new_fd: Fd,
    new_path: &str,
) -> Result<(), Errno> {
    let (old, new) = (table::get(old_fd)?, table::get(new_fd)?);
    let path_flags: PathFlags = convert::path_flags(old_flags)?;
    check(fs::link_at(
        &old.descriptor(),
        path_flags,
        old_path,
        &new.descriptor(),
        new_path,
    ))
}

/// Creates the symbolic link `new_path` in `fd` pointing at `old_path`.
pub fn path_symlink(old_path: &str, fd: Fd, new_path: &str) -> Result<(), Errno> {
    check(fs::symlink_at(
        &table::get(fd)?.descriptor(),
        old_path,
        new_path,
    ))
}

/// Copies the target of the link `path` into `buf` (truncated when longer); returns its
/// length in `buf`.
pub fn path_readlink(fd: Fd, path: &str, buf: &mut [u8]) -> Result<Size, Errno> {
    let dir = table::get(fd)?.descriptor();
    Ok(crate::with_memory_allocator!(|mem| {
        let target = check(fs::readlink_at_in(mem, &dir, path))?.as_bytes();
        let n = target.len().min(buf.len());
        buf[..n].copy_from_slice(&target[..n]);
        n
    }))
}
