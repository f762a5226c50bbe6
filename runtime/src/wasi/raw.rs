//! All 46 functions of `wasi_snapshot_preview1`, declared with
//! [`#[wasm_function]`](macro@crate::wasm_function).
//!
//! Each declaration has typed parameters and results; the attribute lowers them to the core
//! signature of the specification (checked at compile time against its table) and imports the
//! function. Out-values come back through `Result<T, Errno>`: the wrapper owns aligned slots
//! for them and reads them only on success.
//!
//! Functions whose parameters all lower safely — descriptors, integers, flags, `&str`, `&[T]`
//! and `&mut [T]` buffers whose lengths travel with them — are safe to call. The three that
//! take raw pointers with lengths the host cannot check (`args_get`, `environ_get`,
//! `poll_oneoff`) are `unsafe fn`; the safe layer ([`env`](super::env),
//! [`poll`](super::poll)) wraps them.
//!
//! # Errors
//!
//! Every function that returns `Result<_, Errno>` returns `Err` with the code the host
//! answered, unchanged, with one exception: a function taking a flag set or an enumeration
//! returns [`Errno::INVAL`] without calling the host when it holds bits or a value the
//! specification does not define (built with `from_bits_retain` or `from_raw`), since hosts
//! may end the instance for those instead of answering (wasmtime does for undefined
//! `lookupflags` bits). Which codes a host uses for which
//! failure is the host's (the specification names none per function); [`Errno`]'s messages
//! say what each means. The safe layer documents the codes its functions usually meet.
//!
//! On targets other than wasm32 these functions compile, so code using them can be
//! type-checked and unit-tested on the host, but calling one panics.
//!
//! ```no_run
//! use wasm_function::wasi::{raw, Ciovec, Fd};
//!
//! let written = raw::fd_write(Fd::STDOUT, &[Ciovec::new(b"hello\n")])?;
//! assert_eq!(written, 6);
//! # Ok::<(), wasm_function::wasi::Errno>(())
//! ```

use crate::wasm_function;

use super::{
    Advice, Ciovec, Clockid, Dircookie, Errno, Event, Exitcode, Fd, Fdflags, Fdstat, Filedelta,
    Filesize, Filestat, Fstflags, Iovec, Lookupflags, Oflags, Prestat, Riflags, Rights, Roflags,
    Sdflags, Siflags, Signal, Size, Subscription, Timestamp, Whence,
};

/// Reads the command-line arguments into `argv` (one pointer per argument) and `argv_buf`
/// (the NUL-terminated strings the pointers point into).
///
/// # Safety
///
/// `argv` must be valid for writes of `count` pointers and `argv_buf` for writes of `buf_len`
/// bytes, where `(count, buf_len)` is what [`args_sizes_get`] returns; both must be aligned.
#[wasm_function("wasi_snapshot_preview1")]
pub unsafe fn args_get(argv: *mut *mut u8, argv_buf: *mut u8) -> Result<(), Errno>;

/// Returns the number of command-line arguments and the bytes needed to hold them, NULs
/// included: `(count, buf_len)`.
#[wasm_function("wasi_snapshot_preview1")]
pub fn args_sizes_get() -> Result<(Size, Size), Errno>;

/// Reads the environment variables (`NAME=value`) into `environ` (one pointer per variable)
/// and `environ_buf` (the NUL-terminated strings the pointers point into).
///
/// # Safety
///
/// `environ` must be valid for writes of `count` pointers and `environ_buf` for writes of
/// `buf_len` bytes, where `(count, buf_len)` is what [`environ_sizes_get`] returns; both must
/// be aligned.
#[wasm_function("wasi_snapshot_preview1")]
pub unsafe fn environ_get(environ: *mut *mut u8, environ_buf: *mut u8) -> Result<(), Errno>;

/// Returns the number of environment variables and the bytes needed to hold them, NULs
/// included: `(count, buf_len)`.
#[wasm_function("wasi_snapshot_preview1")]
pub fn environ_sizes_get() -> Result<(Size, Size), Errno>;

/// Reserves storage for a byte range of a file, growing it if needed.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_allocate(fd: Fd, offset: Filesize, len: Filesize) -> Result<(), Errno>;

/// Closes a file descriptor.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_close(fd: Fd) -> Result<(), Errno>;

/// Synchronizes a file's data with the storage device.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_datasync(fd: Fd) -> Result<(), Errno>;

/// Returns the type, flags and rights of a file descriptor.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_fdstat_get(fd: Fd) -> Result<Fdstat, Errno>;

/// Returns the attributes of an open file.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_filestat_get(fd: Fd) -> Result<Filestat, Errno>;

/// Truncates or extends an open file to `size` bytes.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_filestat_set_size(fd: Fd, size: Filesize) -> Result<(), Errno>;

/// Reads from a file at `offset` without moving its offset; returns the bytes read.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_pread(fd: Fd, iovs: &[Iovec<'_>], offset: Filesize) -> Result<Size, Errno>;

/// Describes a preopened descriptor; [`Errno::BADF`] past the last one.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_prestat_get(fd: Fd) -> Result<Prestat, Errno>;

/// Writes the name of a preopened directory into `path`, which should be
/// [`PrestatDir::pr_name_len`](super::PrestatDir::pr_name_len) bytes long (no NUL is written).
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_prestat_dir_name(fd: Fd, path: &mut [u8]) -> Result<(), Errno>;

/// Writes to a file at `offset` without moving its offset; returns the bytes written.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_pwrite(fd: Fd, iovs: &[Ciovec<'_>], offset: Filesize) -> Result<Size, Errno>;

/// Reads from a file descriptor into the buffers in order; returns the bytes read (0 at end
/// of file).
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_read(fd: Fd, iovs: &[Iovec<'_>]) -> Result<Size, Errno>;

/// Reads directory entries ([`Dirent`](super::Dirent) headers, each followed by its name)
/// starting at `cookie` into `buf`; returns the bytes written, less than `buf.len()` at the
/// end of the directory. The last entry may be truncated.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_readdir(fd: Fd, buf: &mut [u8], cookie: Dircookie) -> Result<Size, Errno>;

/// Atomically replaces descriptor `to` with `fd`, closing `to`'s previous file.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_renumber(fd: Fd, to: Fd) -> Result<(), Errno>;

/// Synchronizes a file's data and metadata with the storage device.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_sync(fd: Fd) -> Result<(), Errno>;

/// Returns the offset of a file descriptor.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_tell(fd: Fd) -> Result<Filesize, Errno>;

/// Writes the buffers in order to a file descriptor; returns the bytes written, possibly
/// fewer than given.
#[wasm_function("wasi_snapshot_preview1")]
pub fn fd_write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<Size, Errno>;

/// Creates a directory at `path`, relative to the directory `fd`.
#[wasm_function("wasi_snapshot_preview1")]
pub fn path_create_directory(fd: Fd, path: &str) -> Result<(), Errno>;

/// Reads the target of the symbolic link at `path` into `buf`; returns the bytes written
/// (no NUL; the target is truncated if `buf` is too small).
#[wasm_function("wasi_snapshot_preview1")]
pub fn path_readlink(fd: Fd, path: &str, buf: &mut [u8]) -> Result<Size, Errno>;

/// Removes the empty directory at `path`.
#[wasm_function("wasi_snapshot_preview1")]
pub fn path_remove_directory(fd: Fd, path: &str) -> Result<(), Errno>;

/// Renames `old_path` (relative to `fd`) to `new_path` (relative to `new_fd`).
#[wasm_function("wasi_snapshot_preview1")]
pub fn path_rename(fd: Fd, old_path: &str, new_fd: Fd, new_path: &str) -> Result<(), Errno>;

/// Creates a symbolic link at `new_path` (relative to `fd`) whose target is `old_path`.
/// Note the order: the target comes first, before the directory.
#[wasm_function("wasi_snapshot_preview1")]
pub fn path_symlink(old_path: &str, fd: Fd, new_path: &str) -> Result<(), Errno>;

/// Removes the file (not directory) at `path`.
#[wasm_function("wasi_snapshot_preview1")]
pub fn path_unlink_file(fd: Fd, path: &str) -> Result<(), Errno>;

/// Waits for at least one of `nsubscriptions` subscriptions to fire and writes an event per
/// fired subscription into `out`; returns how many events were written.
///
/// # Safety
///
/// `in_` must be valid for reads of `nsubscriptions` [`Subscription`]s and `out` valid for
/// writes of `nsubscriptions` [`Event`]s; both aligned. [`poll`](super::poll::poll) is the
/// safe form.
#[wasm_function("wasi_snapshot_preview1")]
pub unsafe fn poll_oneoff(
    in_: *const Subscription,
    out: *mut Event,
    nsubscriptions: Size,
) -> Result<Size, Errno>;

/// Terminates the process with exit status `rval`; does not return.
#[wasm_function("wasi_snapshot_preview1")]
pub fn proc_exit(rval: Exitcode) -> !;

/// Lets other threads or processes run.
#[wasm_function("wasi_snapshot_preview1")]
pub fn sched_yield() -> Result<(), Errno>;

/// Fills `buf` with random bytes.
#[wasm_function("wasi_snapshot_preview1")]
pub fn random_get(buf: &mut [u8]) -> Result<(), Errno>;

// -------------------------------------------------------------------------------------------
// The functions that take flag sets or enumerations: undefined bits and values are refused
// here, before the host sees them (wasmtime ends the instance for some, such as undefined
// `lookupflags` bits).

/// `Err(INVAL)` unless `defined`.
#[inline]
fn check_defined(defined: bool) -> Result<(), Errno> {
    if defined { Ok(()) } else { Err(Errno::INVAL) }
}

/// Returns the resolution of a clock, in nanoseconds.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn clock_res_get(id: Clockid) -> Result<Timestamp, Errno> {
    check_defined(id.is_known())?;
    imports::clock_res_get(id)
}

/// Returns the time of a clock in nanoseconds; `precision` is the error the caller accepts.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn clock_time_get(id: Clockid, precision: Timestamp) -> Result<Timestamp, Errno> {
    check_defined(id.is_known())?;
    imports::clock_time_get(id, precision)
}

/// Announces how a byte range of a file will be accessed.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn fd_advise(fd: Fd, offset: Filesize, len: Filesize, advice: Advice) -> Result<(), Errno> {
    check_defined(advice.is_known())?;
    imports::fd_advise(fd, offset, len, advice)
}

/// Changes the flags of a file descriptor.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn fd_fdstat_set_flags(fd: Fd, flags: Fdflags) -> Result<(), Errno> {
    check_defined(Fdflags::all().contains(flags))?;
    imports::fd_fdstat_set_flags(fd, flags)
}

/// Drops rights of a file descriptor (rights can only be removed).
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn fd_fdstat_set_rights(
    fd: Fd,
    fs_rights_base: Rights,
    fs_rights_inheriting: Rights,
) -> Result<(), Errno> {
    check_defined(
        Rights::all().contains(fs_rights_base) && Rights::all().contains(fs_rights_inheriting),
    )?;
    imports::fd_fdstat_set_rights(fd, fs_rights_base, fs_rights_inheriting)
}

/// Changes the access and modification times of an open file.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn fd_filestat_set_times(
    fd: Fd,
    atim: Timestamp,
    mtim: Timestamp,
    fst_flags: Fstflags,
) -> Result<(), Errno> {
    check_defined(Fstflags::all().contains(fst_flags))?;
    imports::fd_filestat_set_times(fd, atim, mtim, fst_flags)
}

/// Moves the offset of a file descriptor; returns the new offset from the start.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn fd_seek(fd: Fd, offset: Filedelta, whence: Whence) -> Result<Filesize, Errno> {
    check_defined(whence.is_known())?;
    imports::fd_seek(fd, offset, whence)
}

/// Returns the attributes of the file at `path`, relative to the directory `fd`.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn path_filestat_get(fd: Fd, flags: Lookupflags, path: &str) -> Result<Filestat, Errno> {
    check_defined(Lookupflags::all().contains(flags))?;
    imports::path_filestat_get(fd, flags, path)
}

/// Changes the access and modification times of the file at `path`.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn path_filestat_set_times(
    fd: Fd,
    flags: Lookupflags,
    path: &str,
    atim: Timestamp,
    mtim: Timestamp,
    fst_flags: Fstflags,
) -> Result<(), Errno> {
    check_defined(Lookupflags::all().contains(flags) && Fstflags::all().contains(fst_flags))?;
    imports::path_filestat_set_times(fd, flags, path, atim, mtim, fst_flags)
}

/// Creates a hard link `new_path` (relative to `new_fd`) to `old_path` (relative to `old_fd`).
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn path_link(
    old_fd: Fd,
    old_flags: Lookupflags,
    old_path: &str,
    new_fd: Fd,
    new_path: &str,
) -> Result<(), Errno> {
    check_defined(Lookupflags::all().contains(old_flags))?;
    imports::path_link(old_fd, old_flags, old_path, new_fd, new_path)
}

/// Opens the file or directory at `path`, relative to the directory `fd`; returns the new
/// descriptor.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
#[allow(clippy::too_many_arguments)]
pub fn path_open(
    fd: Fd,
    dirflags: Lookupflags,
    path: &str,
    oflags: Oflags,
    fs_rights_base: Rights,
    fs_rights_inheriting: Rights,
    fdflags: Fdflags,
) -> Result<Fd, Errno> {
    check_defined(
        Lookupflags::all().contains(dirflags)
            && Oflags::all().contains(oflags)
            && Rights::all().contains(fs_rights_base)
            && Rights::all().contains(fs_rights_inheriting)
            && Fdflags::all().contains(fdflags),
    )?;
    imports::path_open(
        fd,
        dirflags,
        path,
        oflags,
        fs_rights_base,
        fs_rights_inheriting,
        fdflags,
    )
}

/// Sends a signal to the process (removed from later WASI versions; hosts may refuse).
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn proc_raise(sig: Signal) -> Result<(), Errno> {
    check_defined(sig.is_known())?;
    imports::proc_raise(sig)
}

/// Accepts a connection on a listening socket; returns the new connection's descriptor.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn sock_accept(fd: Fd, flags: Fdflags) -> Result<Fd, Errno> {
    check_defined(Fdflags::all().contains(flags))?;
    imports::sock_accept(fd, flags)
}

/// Receives data from a socket into the buffers; returns the bytes received and flags.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn sock_recv(
    fd: Fd,
    ri_data: &[Iovec<'_>],
    ri_flags: Riflags,
) -> Result<(Size, Roflags), Errno> {
    check_defined(Riflags::all().contains(ri_flags))?;
    imports::sock_recv(fd, ri_data, ri_flags)
}

/// Sends the buffers on a socket; returns the bytes sent. `si_flags` must be empty.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn sock_send(fd: Fd, si_data: &[Ciovec<'_>], si_flags: Siflags) -> Result<Size, Errno> {
    check_defined(Siflags::all().contains(si_flags))?;
    imports::sock_send(fd, si_data, si_flags)
}

/// Shuts down the receiving and/or sending side of a socket.
///
/// [`Errno::INVAL`] without calling the host if an argument holds undefined flag bits or an undefined enumeration value.
pub fn sock_shutdown(fd: Fd, how: Sdflags) -> Result<(), Errno> {
    check_defined(Sdflags::all().contains(how))?;
    imports::sock_shutdown(fd, how)
}

/// The imports behind the checked functions above.
mod imports {
    use crate::wasm_function;

    use super::{
        Advice, Ciovec, Clockid, Errno, Fd, Fdflags, Filedelta, Filesize, Filestat, Fstflags,
        Iovec, Lookupflags, Oflags, Riflags, Rights, Roflags, Sdflags, Siflags, Signal, Size,
        Timestamp, Whence,
    };

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn clock_res_get(id: Clockid) -> Result<Timestamp, Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn clock_time_get(id: Clockid, precision: Timestamp) -> Result<Timestamp, Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn fd_advise(
        fd: Fd,
        offset: Filesize,
        len: Filesize,
        advice: Advice,
    ) -> Result<(), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn fd_fdstat_set_flags(fd: Fd, flags: Fdflags) -> Result<(), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn fd_fdstat_set_rights(
        fd: Fd,
        fs_rights_base: Rights,
        fs_rights_inheriting: Rights,
    ) -> Result<(), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn fd_filestat_set_times(
        fd: Fd,
        atim: Timestamp,
        mtim: Timestamp,
        fst_flags: Fstflags,
    ) -> Result<(), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn fd_seek(fd: Fd, offset: Filedelta, whence: Whence) -> Result<Filesize, Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn path_filestat_get(
        fd: Fd,
        flags: Lookupflags,
        path: &str,
    ) -> Result<Filestat, Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn path_filestat_set_times(
        fd: Fd,
        flags: Lookupflags,
        path: &str,
        atim: Timestamp,
        mtim: Timestamp,
        fst_flags: Fstflags,
    ) -> Result<(), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn path_link(
        old_fd: Fd,
        old_flags: Lookupflags,
        old_path: &str,
        new_fd: Fd,
        new_path: &str,
    ) -> Result<(), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    #[allow(clippy::too_many_arguments)]
    pub(super) fn path_open(
        fd: Fd,
        dirflags: Lookupflags,
        path: &str,
        oflags: Oflags,
        fs_rights_base: Rights,
        fs_rights_inheriting: Rights,
        fdflags: Fdflags,
    ) -> Result<Fd, Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn proc_raise(sig: Signal) -> Result<(), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn sock_accept(fd: Fd, flags: Fdflags) -> Result<Fd, Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn sock_recv(
        fd: Fd,
        ri_data: &[Iovec<'_>],
        ri_flags: Riflags,
    ) -> Result<(Size, Roflags), Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn sock_send(
        fd: Fd,
        si_data: &[Ciovec<'_>],
        si_flags: Siflags,
    ) -> Result<Size, Errno>;

    #[wasm_function("wasi_snapshot_preview1")]
    pub(super) fn sock_shutdown(fd: Fd, how: Sdflags) -> Result<(), Errno>;
}
