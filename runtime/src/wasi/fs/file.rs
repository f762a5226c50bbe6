//! [`File`]: an open file or directory, closed when dropped.

use core::fmt;
use core::mem::ManuallyDrop;

use super::{FileTimes, OpenOptions};
use crate::wasi::{
    Advice, Ciovec, Errno, Fd, Fdflags, Fdstat, Filesize, Filestat, Iovec, Whence, io, sys,
};

/// Where [`File::seek`] measures from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeekFrom {
    /// From the start of the file.
    Start(Filesize),
    /// From the end of the file.
    End(i64),
    /// From the current offset.
    Current(i64),
}

/// An open file or directory, closed when dropped.
///
/// Methods take `&self`: the offset lives in the host, and WASI descriptors may be used from
/// several places at once.
pub struct File {
    fd: Fd,
}

impl File {
    /// Opens the file at `path` (relative to the directory `dir`) for reading.
    ///
    /// # Errors
    ///
    /// What [`OpenOptions::open`] returns: for example [`Errno::NOENT`] if `path` does not
    /// exist, [`Errno::BADF`] if `dir` is not open, [`Errno::NOTCAPABLE`] if `dir` does not
    /// grant reading.
    pub fn open(dir: Fd, path: &str) -> Result<Self, Errno> {
        OpenOptions::new().read(true).open(dir, path)
    }

    /// Creates the file at `path` for writing, truncating it if it exists.
    ///
    /// # Errors
    ///
    /// What [`OpenOptions::open`] returns: for example [`Errno::ISDIR`] if `path` is a
    /// directory, [`Errno::NOENT`] if its parent does not exist, [`Errno::NOTCAPABLE`] if `dir`
    /// does not grant writing.
    pub fn create(dir: Fd, path: &str) -> Result<Self, Errno> {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(dir, path)
    }

    /// Opens the directory at `path` (relative to `dir`; `.` for `dir` itself) for listing
    /// and for opening paths inside it.
    ///
    /// # Errors
    ///
    /// What [`OpenOptions::open`] returns: for example [`Errno::NOTDIR`] if `path` is not a
    /// directory, [`Errno::NOENT`] if it does not exist.
    pub fn open_dir(dir: Fd, path: &str) -> Result<Self, Errno> {
        OpenOptions::new()
            .read(true)
            .directory(true)
            .open(dir, path)
    }

    /// Takes ownership of `fd`: it is closed when the `File` is dropped.
    #[inline]
    #[must_use]
    pub const fn from_fd(fd: Fd) -> Self {
        Self { fd }
    }

    /// The descriptor, still owned by the `File`.
    #[inline]
    #[must_use]
    pub const fn fd(&self) -> Fd {
        self.fd
    }

    /// Gives up ownership of the descriptor without closing it.
    #[inline]
    #[must_use]
    pub fn into_fd(self) -> Fd {
        ManuallyDrop::new(self).fd
    }

    /// Closes the file, reporting an error that dropping it would ignore.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_close`, such as [`Errno::BADF`]; the `File` is gone
    /// either way.
    pub fn close(self) -> Result<(), Errno> {
        sys::fd_close(self.into_fd())
    }

    /// Reads into `buf` at the current offset; returns how many bytes were read, 0 at end of
    /// file.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_read`: for example [`Errno::BADF`] if the file is not
    /// open for reading, [`Errno::ISDIR`] for a directory.
    #[inline]
    pub fn read(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        io::read(self.fd, buf)
    }

    /// Reads until `buf` is full or the end of file; returns how many bytes were read.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_read`, except [`Errno::INTR`], which is retried; the
    /// bytes read before the error stay in `buf`.
    #[inline]
    pub fn read_full(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        io::read_full(self.fd, buf)
    }

    /// Reads into `buf` at `offset`, without moving the current offset.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_pread`: for example [`Errno::BADF`] if the file is not
    /// open for reading, [`Errno::SPIPE`] if it cannot seek.
    pub fn read_at(&self, buf: &mut [u8], offset: Filesize) -> Result<usize, Errno> {
        let len = buf.len();
        sys::fd_pread(self.fd, &[Iovec::new(buf)], offset).map(|n| n.min(len))
    }

    /// Reads the rest of the file, appending to `out`; returns how many bytes were read.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_read`, except [`Errno::INTR`], which is retried; what was
    /// read before the error stays appended to `out`.
    #[cfg(feature = "std")]
    pub fn read_to_end(&self, out: &mut std::vec::Vec<u8>) -> Result<usize, Errno> {
        io::read_to_end(self.fd, out)
    }

    /// Writes some of `buf` at the current offset; returns how many bytes were written.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_write`: for example [`Errno::BADF`] if the file is not
    /// open for writing, [`Errno::NOSPC`] if the device is full.
    #[inline]
    pub fn write(&self, buf: &[u8]) -> Result<usize, Errno> {
        io::write(self.fd, buf)
    }

    /// Writes all of `buf` at the current offset.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_write`, except [`Errno::INTR`], which is retried;
    /// [`Errno::IO`] if the host accepts no byte of what is left.
    #[inline]
    pub fn write_all(&self, buf: &[u8]) -> Result<(), Errno> {
        io::write_all(self.fd, buf)
    }

    /// Writes `buf` at `offset`, without moving the current offset; returns how many bytes
    /// were written.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_pwrite`: for example [`Errno::BADF`] if the file is not
    /// open for writing, [`Errno::SPIPE`] if it cannot seek.
    pub fn write_at(&self, buf: &[u8], offset: Filesize) -> Result<usize, Errno> {
        sys::fd_pwrite(self.fd, &[Ciovec::new(buf)], offset)
    }

    /// Moves the offset; returns the new offset from the start of the file.
    ///
    /// # Errors
    ///
    /// [`Errno::INVAL`] for a [`SeekFrom::Start`] offset above `i64::MAX`, or what the host
    /// returns from `fd_seek`: for example [`Errno::INVAL`] if the new offset would be
    /// negative, [`Errno::SPIPE`] on a pipe or socket.
    pub fn seek(&self, pos: SeekFrom) -> Result<Filesize, Errno> {
        let (offset, whence) = match pos {
            SeekFrom::Start(offset) => (
                i64::try_from(offset).map_err(|_| Errno::INVAL)?,
                Whence::SET,
            ),
            SeekFrom::End(offset) => (offset, Whence::END),
            SeekFrom::Current(offset) => (offset, Whence::CUR),
        };
        sys::fd_seek(self.fd, offset, whence)
    }

    /// The current offset.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_tell`, such as [`Errno::SPIPE`] if the file cannot seek.
    #[inline]
    pub fn tell(&self) -> Result<Filesize, Errno> {
        sys::fd_tell(self.fd)
    }

    /// The file's attributes.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_filestat_get`, such as [`Errno::BADF`].
    #[inline]
    pub fn metadata(&self) -> Result<Filestat, Errno> {
        sys::fd_filestat_get(self.fd)
    }

    /// The descriptor's type, flags and rights.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_fdstat_get`, such as [`Errno::BADF`].
    #[inline]
    pub fn fdstat(&self) -> Result<Fdstat, Errno> {
        sys::fd_fdstat_get(self.fd)
    }

    /// Truncates or extends the file to `size` bytes.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_filestat_set_size`: for example [`Errno::BADF`] or
    /// [`Errno::NOTCAPABLE`] if the file is not open for writing, [`Errno::FBIG`] if `size` is
    /// too large.
    #[inline]
    pub fn set_len(&self, size: Filesize) -> Result<(), Errno> {
        sys::fd_filestat_set_size(self.fd, size)
    }

    /// Changes the file's access and modification times, like `std::fs::File::set_times`.
    ///
    /// ```no_run
    /// use wasm_function::wasi::fs::{File, FileTimes};
    /// use wasm_function::wasi::Fd;
    ///
    /// let file = File::open(Fd::from_raw(3), "notes.txt")?;
    /// file.set_times(FileTimes::new().set_modified_now())?;
    /// # Ok::<(), wasm_function::wasi::Errno>(())
    /// ```
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_filestat_set_times`: for example [`Errno::BADF`] if the
    /// file is not open, [`Errno::NOTCAPABLE`] without the right to change its times.
    pub fn set_times(&self, times: FileTimes) -> Result<(), Errno> {
        let (atim, mtim, flags) = times.lower();
        sys::fd_filestat_set_times(self.fd, atim, mtim, flags)
    }

    /// Sets the modification time to `mtim` (nanoseconds since the Unix epoch), like
    /// `std::fs::File::set_modified`.
    ///
    /// # Errors
    ///
    /// What [`set_times`](Self::set_times) returns.
    #[inline]
    pub fn set_modified(&self, mtim: crate::wasi::Timestamp) -> Result<(), Errno> {
        self.set_times(FileTimes::new().set_modified(mtim))
    }

    /// Announces how the bytes `offset..offset + len` will be accessed (`posix_fadvise`); a
    /// hint the host may ignore.
    ///
    /// ```no_run
    /// use wasm_function::wasi::fs::File;
    /// use wasm_function::wasi::{Advice, Fd};
    ///
    /// let file = File::open(Fd::from_raw(3), "big.dat")?;
    /// file.advise(0, 0, Advice::SEQUENTIAL)?; // a length of 0: to the end
    /// # Ok::<(), wasm_function::wasi::Errno>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Errno::INVAL`] for an undefined [`Advice`] value (without calling the host), or what
    /// the host returns from `fd_advise`: for example [`Errno::BADF`] if the file is not open,
    /// [`Errno::INVAL`] if the range overflows.
    pub fn advise(&self, offset: Filesize, len: Filesize, advice: Advice) -> Result<(), Errno> {
        if !advice.is_known() {
            return Err(Errno::INVAL);
        }
        sys::fd_advise(self.fd, offset, len, advice)
    }

    /// Makes sure storage is allocated for the bytes `offset..offset + len`, growing the file
    /// if it is shorter (`posix_fallocate`).
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_allocate`: for example [`Errno::NOTSUP`] (wasmtime
    /// does not implement it), [`Errno::INVAL`] for a length of 0,
    /// [`Errno::FBIG`] or [`Errno::NOSPC`] for a range too large.
    #[inline]
    pub fn allocate(&self, offset: Filesize, len: Filesize) -> Result<(), Errno> {
        sys::fd_allocate(self.fd, offset, len)
    }

    /// The descriptor's flags ([`Fdflags::APPEND`], [`Fdflags::NONBLOCK`], …), restricted to
    /// the flags the specification defines.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_fdstat_get`, such as [`Errno::BADF`].
    pub fn fdflags(&self) -> Result<Fdflags, Errno> {
        Ok(sys::fd_fdstat_get(self.fd)?.fs_flags & Fdflags::all())
    }

    /// Replaces the descriptor's flags (`fd_fdstat_set_flags`): for example to switch to
    /// appending after opening. Hosts may refuse some flags (the `sync` ones).
    ///
    /// ```no_run
    /// use wasm_function::wasi::fs::OpenOptions;
    /// use wasm_function::wasi::{Fd, Fdflags};
    ///
    /// let log = OpenOptions::new().write(true).open(Fd::from_raw(3), "log.txt")?;
    /// log.set_fdflags(log.fdflags()? | Fdflags::APPEND)?;
    /// log.write_all(b"at the end\n")?;
    /// # Ok::<(), wasm_function::wasi::Errno>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Errno::INVAL`] if `flags` holds undefined bits (without calling the host), or what
    /// the host returns from `fd_fdstat_set_flags`: for example [`Errno::BADF`],
    /// [`Errno::NOTSUP`] or [`Errno::INVAL`] for a flag it cannot change.
    pub fn set_fdflags(&self, flags: Fdflags) -> Result<(), Errno> {
        if !Fdflags::all().contains(flags) {
            return Err(Errno::INVAL);
        }
        sys::fd_fdstat_set_flags(self.fd, flags)
    }

    /// Turns appending on or off: with it on, every write goes to the end of the file.
    ///
    /// # Errors
    ///
    /// What [`fdflags`](Self::fdflags) and [`set_fdflags`](Self::set_fdflags) return.
    pub fn set_append(&self, append: bool) -> Result<(), Errno> {
        let mut flags = self.fdflags()?;
        flags.set(Fdflags::APPEND, append);
        self.set_fdflags(flags)
    }

    /// Turns non-blocking mode on or off (it matters for pipes and sockets; regular files
    /// never block).
    ///
    /// # Errors
    ///
    /// What [`fdflags`](Self::fdflags) and [`set_fdflags`](Self::set_fdflags) return.
    pub fn set_nonblocking(&self, nonblocking: bool) -> Result<(), Errno> {
        let mut flags = self.fdflags()?;
        flags.set(Fdflags::NONBLOCK, nonblocking);
        self.set_fdflags(flags)
    }

    /// Moves this file to the descriptor of `target` (`fd_renumber`, like `dup2` then
    /// `close`): afterwards `target` refers to this file, the file `target` had open is
    /// closed, and this descriptor is gone.
    ///
    /// ```no_run
    /// use wasm_function::wasi::fs::File;
    /// use wasm_function::wasi::Fd;
    ///
    /// let dir = Fd::from_raw(3);
    /// let target = File::open(dir, "old.txt")?;
    /// File::open(dir, "new.txt")?.renumber(&target)?;
    /// // `target` now reads new.txt.
    /// # Ok::<(), wasm_function::wasi::Errno>(())
    /// ```
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_renumber`: for example [`Errno::BADF`] if either
    /// descriptor is not open (some hosts refuse preopened targets too). On error this file
    /// is closed and `target` is unchanged.
    pub fn renumber(self, target: &File) -> Result<(), Errno> {
        let from = self.into_fd();
        match sys::fd_renumber(from, target.fd) {
            Ok(()) => Ok(()),
            Err(e) => {
                // `from` is still open (the host did nothing): close it as dropping would.
                let _ = sys::fd_close(from);
                Err(e)
            }
        }
    }

    /// Flushes the file's data and metadata to storage.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_sync`, such as [`Errno::IO`].
    #[inline]
    pub fn sync_all(&self) -> Result<(), Errno> {
        sys::fd_sync(self.fd)
    }

    /// Flushes the file's data to storage.
    ///
    /// # Errors
    ///
    /// What the host returns from `fd_datasync`, such as [`Errno::IO`].
    #[inline]
    pub fn sync_data(&self) -> Result<(), Errno> {
        sys::fd_datasync(self.fd)
    }
}

impl Drop for File {
    fn drop(&mut self) {
        // Errors on close are ignored here; `File::close` reports them.
        let _ = sys::fd_close(self.fd);
    }
}

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("File").field("fd", &self.fd).finish()
    }
}

impl fmt::Write for File {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.write_all(s.as_bytes()).map_err(|_| fmt::Error)
    }
}

#[cfg(feature = "std")]
impl std::io::Read for File {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        Ok(File::read(self, buf)?)
    }
}

#[cfg(feature = "std")]
impl std::io::Write for File {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Ok(File::write(self, buf)?)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::io::Seek for File {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        let pos = match pos {
            std::io::SeekFrom::Start(n) => SeekFrom::Start(n),
            std::io::SeekFrom::End(n) => SeekFrom::End(n),
            std::io::SeekFrom::Current(n) => SeekFrom::Current(n),
        };
        Ok(File::seek(self, pos)?)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    #[test]
    fn file_handles() {
        let file = File::from_fd(Fd::from_raw(7));
        assert_eq!(file.fd(), Fd::from_raw(7));
        assert_eq!(std::format!("{file:?}"), "File { fd: Fd(7) }");
        // Not closed: closing would call the host.
        assert_eq!(file.into_fd(), Fd::from_raw(7));
    }
}
