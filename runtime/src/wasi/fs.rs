//! Files and directories, through preopened directories.
//!
//! A WASI program sees only the directories the host preopened for it, as descriptors from 3
//! up; every path is relative to one of them. [`preopens`] lists them (by calling
//! `fd_prestat_get` from descriptor 3 until [`Errno::BADF`]) and [`resolve`] finds the one a
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

use core::fmt;
use core::mem::ManuallyDrop;

use super::bytes;
use super::scratch::bytes_in;
use super::{
    Ciovec, DIRCOOKIE_START, Dircookie, Dirent, Errno, Fd, Fdflags, Fdstat, Filesize, Filestat,
    Filetype, Inode, Iovec, Lookupflags, Oflags, Rights, Whence, io, raw,
};
use crate::memory::MemoryAllocator;

// ---------------------------------------------------------------------------------------------
// Preopened directories

/// A preopened directory: its descriptor and the length of its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preopen {
    fd: Fd,
    name_len: usize,
}

impl Preopen {
    /// The directory's descriptor, to pass to the functions of this module.
    #[inline]
    #[must_use]
    pub const fn fd(&self) -> Fd {
        self.fd
    }

    /// The length of the directory's name in bytes.
    #[inline]
    #[must_use]
    pub const fn name_len(&self) -> usize {
        self.name_len
    }

    /// Reads the directory's name (the path the host mapped it to, such as `/data` or `.`)
    /// into `buf`.
    ///
    /// # Errors
    ///
    /// [`Errno::NOBUFS`] if `buf` is shorter than [`name_len`](Self::name_len),
    /// [`Errno::ILSEQ`] if the name is not UTF-8, or what the host returns.
    pub fn name_into<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Errno> {
        let buf = buf.get_mut(..self.name_len).ok_or(Errno::NOBUFS)?;
        raw::fd_prestat_dir_name(self.fd, buf)?;
        let buf: &'b [u8] = buf;
        // Some hosts count a trailing NUL in the length; it is not part of the name.
        let name = match buf.iter().position(|&b| b == 0) {
            Some(nul) => &buf[..nul],
            None => buf,
        };
        core::str::from_utf8(name).map_err(|_| Errno::ILSEQ)
    }

    /// Reads the directory's name into memory of the scope `mem`.
    ///
    /// # Errors
    ///
    /// [`Errno::NOMEM`] if the scope cannot grow, [`Errno::ILSEQ`] if the name is not UTF-8, or
    /// what the host returns.
    ///
    /// # Panics
    ///
    /// When `mem` is not the innermost open scope (see [`MemoryAllocator`]).
    pub fn name_in<'s>(&self, mem: &MemoryAllocator<'s>) -> Result<&'s str, Errno> {
        self.name_into(bytes_in(mem, self.name_len)?)
    }

    /// The directory's name.
    ///
    /// # Errors
    ///
    /// [`Errno::ILSEQ`] if the name is not UTF-8, or what the host returns.
    #[cfg(feature = "std")]
    pub fn name(&self) -> Result<std::string::String, Errno> {
        let mut buf = std::vec![0; self.name_len];
        self.name_into(&mut buf).map(std::string::String::from)
    }
}

/// The preopened directories, found by calling `fd_prestat_get` on descriptors 3, 4, … until
/// the host answers [`Errno::BADF`].
///
/// Call it before opening files: the scan stops at the first descriptor that is not
/// preopened. An error other than `badf` is yielded once and ends the iteration.
#[must_use]
pub fn preopens() -> Preopens {
    Preopens {
        next: Some(Fd::FIRST_PREOPEN),
    }
}

/// The iterator of [`preopens`].
#[derive(Clone, Debug)]
pub struct Preopens {
    next: Option<Fd>,
}

impl Iterator for Preopens {
    type Item = Result<Preopen, Errno>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let fd = self.next?;
            self.next = fd.next();
            match raw::fd_prestat_get(fd) {
                Ok(prestat) => {
                    // A kind of preopen other than a directory is skipped.
                    if let Some(dir) = prestat.as_dir() {
                        return Some(Ok(Preopen {
                            fd,
                            name_len: dir.pr_name_len as usize,
                        }));
                    }
                }
                Err(Errno::BADF) => {
                    self.next = None;
                    return None;
                }
                Err(e) => {
                    self.next = None;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl core::iter::FusedIterator for Preopens {}

/// The longest preopen name [`resolve`] compares.
const MAX_PREOPEN_NAME: usize = 1024;

/// Finds the preopened directory that contains `path` and the path relative to it.
///
/// An absolute path (`/data/in.txt`) matches the preopen with the longest name that is a
/// prefix of it on a component boundary (`/data`, else `/`); a relative path
/// (`in.txt`, `./in.txt`) matches a preopen named `.`, else `./…` names, as wasi-libc does.
/// The relative path is `.` when `path` names the preopen itself.
///
/// # Errors
///
/// [`Errno::NOTCAPABLE`] if no preopen contains `path`, or an error from the scan.
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, rel) = fs::resolve("/data/a/b.txt")?; // with `/data` preopened
/// assert_eq!(rel, "a/b.txt");
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
pub fn resolve(path: &str) -> Result<(Fd, &str), Errno> {
    let mut best: Option<(usize, Fd, &str)> = None;
    let mut name_buf = [0_u8; MAX_PREOPEN_NAME];
    for preopen in preopens() {
        let preopen = preopen?;
        if preopen.name_len() > name_buf.len() {
            continue;
        }
        let name = preopen.name_into(&mut name_buf)?;
        if let Some((score, rel)) = match_preopen(name, path) {
            if best.is_none_or(|(best_score, _, _)| score > best_score) {
                best = Some((score, preopen.fd(), rel));
            }
        }
    }
    best.map(|(_, fd, rel)| (fd, rel)).ok_or(Errno::NOTCAPABLE)
}

/// Whether the preopen `name` contains `path`: how well it matches (longer is better) and the
/// path relative to it.
fn match_preopen<'p>(name: &str, path: &'p str) -> Option<(usize, &'p str)> {
    // Written with byte checks and `bytes::strip_prefix`: `str` comparisons would make a
    // `no_std` guest import `memcmp`.
    fn trim_leading_slashes(s: &str) -> &str {
        s.trim_start_matches('/')
    }
    fn is_dot(s: &str) -> bool {
        s.len() == 1 && s.as_bytes()[0] == b'.'
    }
    fn trim_dot_slash(mut s: &str) -> &str {
        while s.len() >= 2 && s.as_bytes()[0] == b'.' && s.as_bytes()[1] == b'/' {
            s = trim_leading_slashes(&s[2..]);
        }
        if is_dot(s) { "" } else { s }
    }
    fn relative(rest: &str) -> &str {
        let rest = trim_dot_slash(trim_leading_slashes(rest));
        if rest.is_empty() { "." } else { rest }
    }
    fn at_boundary(rest: &str) -> bool {
        rest.is_empty() || rest.as_bytes()[0] == b'/'
    }
    let name = name.trim_end_matches('/');
    let path_is_absolute = path.as_bytes().first() == Some(&b'/');
    if name.is_empty() {
        // A preopen named `/` (trimmed to empty) contains every absolute path.
        return path_is_absolute.then(|| (1, relative(path)));
    }
    if (name.as_bytes()[0] == b'/') != path_is_absolute {
        return None;
    }
    let (name, path) = if path_is_absolute {
        (name, path)
    } else {
        let name = trim_dot_slash(name);
        let path = trim_dot_slash(path);
        if name.is_empty() {
            return Some((1, relative(path)));
        }
        (name, path)
    };
    let rest = bytes::strip_prefix(path, name)?;
    at_boundary(rest).then(|| (name.len() + 1, relative(rest)))
}

// ---------------------------------------------------------------------------------------------
// Files

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
    pub fn open(dir: Fd, path: &str) -> Result<Self, Errno> {
        OpenOptions::new().read(true).open(dir, path)
    }

    /// Creates the file at `path` for writing, truncating it if it exists.
    pub fn create(dir: Fd, path: &str) -> Result<Self, Errno> {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(dir, path)
    }

    /// Opens the directory at `path` (relative to `dir`; `.` for `dir` itself) for listing
    /// and for opening paths inside it.
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
    pub fn close(self) -> Result<(), Errno> {
        raw::fd_close(self.into_fd())
    }

    /// Reads into `buf` at the current offset; returns how many bytes were read, 0 at end of
    /// file.
    #[inline]
    pub fn read(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        io::read(self.fd, buf)
    }

    /// Reads until `buf` is full or the end of file; returns how many bytes were read.
    #[inline]
    pub fn read_full(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        io::read_full(self.fd, buf)
    }

    /// Reads into `buf` at `offset`, without moving the current offset.
    pub fn read_at(&self, buf: &mut [u8], offset: Filesize) -> Result<usize, Errno> {
        let len = buf.len();
        raw::fd_pread(self.fd, &[Iovec::new(buf)], offset).map(|n| n.min(len))
    }

    /// Reads the rest of the file, appending to `out`; returns how many bytes were read.
    #[cfg(feature = "std")]
    pub fn read_to_end(&self, out: &mut std::vec::Vec<u8>) -> Result<usize, Errno> {
        io::read_to_end(self.fd, out)
    }

    /// Writes some of `buf` at the current offset; returns how many bytes were written.
    #[inline]
    pub fn write(&self, buf: &[u8]) -> Result<usize, Errno> {
        io::write(self.fd, buf)
    }

    /// Writes all of `buf` at the current offset.
    #[inline]
    pub fn write_all(&self, buf: &[u8]) -> Result<(), Errno> {
        io::write_all(self.fd, buf)
    }

    /// Writes `buf` at `offset`, without moving the current offset; returns how many bytes
    /// were written.
    pub fn write_at(&self, buf: &[u8], offset: Filesize) -> Result<usize, Errno> {
        raw::fd_pwrite(self.fd, &[Ciovec::new(buf)], offset)
    }

    /// Moves the offset; returns the new offset from the start of the file.
    pub fn seek(&self, pos: SeekFrom) -> Result<Filesize, Errno> {
        let (offset, whence) = match pos {
            SeekFrom::Start(offset) => (
                i64::try_from(offset).map_err(|_| Errno::INVAL)?,
                Whence::SET,
            ),
            SeekFrom::End(offset) => (offset, Whence::END),
            SeekFrom::Current(offset) => (offset, Whence::CUR),
        };
        raw::fd_seek(self.fd, offset, whence)
    }

    /// The current offset.
    #[inline]
    pub fn tell(&self) -> Result<Filesize, Errno> {
        raw::fd_tell(self.fd)
    }

    /// The file's attributes.
    #[inline]
    pub fn metadata(&self) -> Result<Filestat, Errno> {
        raw::fd_filestat_get(self.fd)
    }

    /// The descriptor's type, flags and rights.
    #[inline]
    pub fn fdstat(&self) -> Result<Fdstat, Errno> {
        raw::fd_fdstat_get(self.fd)
    }

    /// Truncates or extends the file to `size` bytes.
    #[inline]
    pub fn set_len(&self, size: Filesize) -> Result<(), Errno> {
        raw::fd_filestat_set_size(self.fd, size)
    }

    /// Flushes the file's data and metadata to storage.
    #[inline]
    pub fn sync_all(&self) -> Result<(), Errno> {
        raw::fd_sync(self.fd)
    }

    /// Flushes the file's data to storage.
    #[inline]
    pub fn sync_data(&self) -> Result<(), Errno> {
        raw::fd_datasync(self.fd)
    }
}

impl Drop for File {
    fn drop(&mut self) {
        // Errors on close are ignored here; `File::close` reports them.
        let _ = raw::fd_close(self.fd);
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

/// How to open a file, like `std::fs::OpenOptions`; [`open`](OpenOptions::open) computes the
/// `path_open` flags and rights.
///
/// ```no_run
/// use wasm_function::wasi::fs::OpenOptions;
/// use wasm_function::wasi::Fd;
///
/// let log = OpenOptions::new().append(true).create(true).open(Fd::from_raw(3), "log.txt")?;
/// log.write_all(b"started\n")?;
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct OpenOptions {
    read: bool,
    write: bool,
    append: bool,
    truncate: bool,
    create: bool,
    create_new: bool,
    directory: bool,
    follow_symlinks: bool,
    fdflags: Fdflags,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl OpenOptions {
    /// No access and no flags; symbolic links are followed.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            read: false,
            write: false,
            append: false,
            truncate: false,
            create: false,
            create_new: false,
            directory: false,
            follow_symlinks: true,
            fdflags: Fdflags::empty(),
        }
    }

    /// Open for reading.
    #[must_use]
    pub const fn read(mut self, read: bool) -> Self {
        self.read = read;
        self
    }

    /// Open for writing.
    #[must_use]
    pub const fn write(mut self, write: bool) -> Self {
        self.write = write;
        self
    }

    /// Open for appending: every write goes to the end (implies writing).
    #[must_use]
    pub const fn append(mut self, append: bool) -> Self {
        self.append = append;
        self
    }

    /// Truncate the file to length 0.
    #[must_use]
    pub const fn truncate(mut self, truncate: bool) -> Self {
        self.truncate = truncate;
        self
    }

    /// Create the file if it does not exist.
    #[must_use]
    pub const fn create(mut self, create: bool) -> Self {
        self.create = create;
        self
    }

    /// Create the file, failing with [`Errno::EXIST`] if it exists.
    #[must_use]
    pub const fn create_new(mut self, create_new: bool) -> Self {
        self.create_new = create_new;
        self
    }

    /// Require a directory ([`Errno::NOTDIR`] otherwise).
    #[must_use]
    pub const fn directory(mut self, directory: bool) -> Self {
        self.directory = directory;
        self
    }

    /// Follow a symbolic link in the last path component (the default).
    #[must_use]
    pub const fn follow_symlinks(mut self, follow: bool) -> Self {
        self.follow_symlinks = follow;
        self
    }

    /// Extra descriptor flags such as [`Fdflags::SYNC`] ([`Fdflags::APPEND`] is set by
    /// [`append`](Self::append)).
    #[must_use]
    pub const fn fdflags(mut self, fdflags: Fdflags) -> Self {
        self.fdflags = fdflags;
        self
    }

    fn oflags(&self) -> Oflags {
        let mut oflags = Oflags::empty();
        if self.create || self.create_new {
            oflags = oflags.union(Oflags::CREAT);
        }
        if self.create_new {
            oflags = oflags.union(Oflags::EXCL);
        }
        if self.truncate {
            oflags = oflags.union(Oflags::TRUNC);
        }
        if self.directory {
            oflags = oflags.union(Oflags::DIRECTORY);
        }
        oflags
    }

    /// The rights to ask for, before intersecting with the directory's inheritable rights:
    /// everything but the reading and writing rights the access mode does not grant (the
    /// computation of wasi-libc's `open`).
    fn wanted_rights(&self) -> Rights {
        const READING: Rights = Rights::FD_READ.union(Rights::FD_READDIR);
        const WRITING: Rights = Rights::FD_DATASYNC
            .union(Rights::FD_WRITE)
            .union(Rights::FD_ALLOCATE)
            .union(Rights::FD_FILESTAT_SET_SIZE);
        let mut rights = Rights::all() - READING - WRITING;
        if self.read {
            rights |= READING;
        }
        if self.write || self.append {
            rights |= WRITING;
        }
        rights
    }

    fn lookupflags(&self) -> Lookupflags {
        if self.follow_symlinks {
            Lookupflags::SYMLINK_FOLLOW
        } else {
            Lookupflags::empty()
        }
    }

    /// Opens `path`, relative to the directory `dir`.
    pub fn open(&self, dir: Fd, path: &str) -> Result<File, Errno> {
        // Hosts that enforce rights (such as Node's) refuse rights the directory cannot hand
        // down, so ask for the wanted rights it can.
        let inheriting = raw::fd_fdstat_get(dir)?.fs_rights_inheriting;
        let mut fdflags = self.fdflags;
        if self.append {
            fdflags |= Fdflags::APPEND;
        }
        let fd = raw::path_open(
            dir,
            self.lookupflags(),
            path,
            self.oflags(),
            self.wanted_rights() & inheriting,
            inheriting,
            fdflags,
        )?;
        Ok(File::from_fd(fd))
    }
}

// ---------------------------------------------------------------------------------------------
// Paths

/// Creates the directory `path`.
#[inline]
pub fn create_dir(dir: Fd, path: &str) -> Result<(), Errno> {
    raw::path_create_directory(dir, path)
}

/// Removes the empty directory `path`.
#[inline]
pub fn remove_dir(dir: Fd, path: &str) -> Result<(), Errno> {
    raw::path_remove_directory(dir, path)
}

/// Removes the file `path` (not a directory: that is [`Errno::ISDIR`] or [`Errno::PERM`]).
#[inline]
pub fn remove_file(dir: Fd, path: &str) -> Result<(), Errno> {
    raw::path_unlink_file(dir, path)
}

/// Renames `from` (relative to `dir`) to `to` (relative to `to_dir`), replacing `to` if it
/// exists.
#[inline]
pub fn rename(dir: Fd, from: &str, to_dir: Fd, to: &str) -> Result<(), Errno> {
    raw::path_rename(dir, from, to_dir, to)
}

/// Creates a hard link `to` (relative to `to_dir`) to the file `from` (relative to `dir`).
#[inline]
pub fn hard_link(dir: Fd, from: &str, to_dir: Fd, to: &str) -> Result<(), Errno> {
    raw::path_link(dir, Lookupflags::empty(), from, to_dir, to)
}

/// Creates the symbolic link `link` (relative to `dir`) pointing to `target`.
#[inline]
pub fn symlink(dir: Fd, target: &str, link: &str) -> Result<(), Errno> {
    raw::path_symlink(target, dir, link)
}

/// Reads the target of the symbolic link `path` into `buf`.
///
/// # Errors
///
/// [`Errno::NOBUFS`] if the target may not fit in `buf` (it filled the whole buffer: give one
/// more byte than the target's length, e.g. [`symlink_metadata`]`.size + 1`),
/// [`Errno::ILSEQ`] if it is not UTF-8, or what the host returns.
pub fn read_link<'b>(dir: Fd, path: &str, buf: &'b mut [u8]) -> Result<&'b str, Errno> {
    let n = raw::path_readlink(dir, path, buf)?;
    if n >= buf.len() {
        return Err(Errno::NOBUFS);
    }
    core::str::from_utf8(&buf[..n]).map_err(|_| Errno::ILSEQ)
}

/// The attributes of `path`, following symbolic links.
#[inline]
pub fn metadata(dir: Fd, path: &str) -> Result<Filestat, Errno> {
    raw::path_filestat_get(dir, Lookupflags::SYMLINK_FOLLOW, path)
}

/// The attributes of `path` itself, not following a final symbolic link.
#[inline]
pub fn symlink_metadata(dir: Fd, path: &str) -> Result<Filestat, Errno> {
    raw::path_filestat_get(dir, Lookupflags::empty(), path)
}

/// Writes `data` to the file `path`, creating or truncating it.
pub fn write(dir: Fd, path: &str, data: &[u8]) -> Result<(), Errno> {
    File::create(dir, path)?.write_all(data)
}

/// Reads the whole file `path`.
#[cfg(feature = "std")]
pub fn read(dir: Fd, path: &str) -> Result<std::vec::Vec<u8>, Errno> {
    let mut out = std::vec::Vec::new();
    File::open(dir, path)?.read_to_end(&mut out)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Directory listing

/// Lists the directory `dir` through `fd_readdir`, using `buf` for the host's output.
///
/// `.` and `..` are skipped (hosts differ on whether they report them). A buffer of a few KiB
/// holds many entries per host call; it must hold at least the largest single entry (24 bytes
/// plus the name), else [`ReadDir::next_entry`] fails with [`Errno::NOBUFS`].
#[must_use]
pub fn read_dir(dir: Fd, buf: &mut [u8]) -> ReadDir<'_> {
    ReadDir {
        fd: dir,
        buf,
        filled: 0,
        pos: 0,
        cookie: DIRCOOKIE_START,
        eof: false,
    }
}

/// The size of the buffer [`read_dir_in`] allocates.
pub const READ_DIR_BUFFER_SIZE: usize = 4096;

/// Lists the directory `dir` like [`read_dir`], with a [`READ_DIR_BUFFER_SIZE`]-byte buffer
/// from the scope `mem`.
///
/// ```no_run
/// use wasm_function::{wasi::fs, with_memory_allocator};
///
/// let (dir, _) = fs::resolve("/data")?;
/// with_memory_allocator!(|mem| {
///     let mut entries = fs::read_dir_in(mem, dir)?;
///     while let Some(entry) = entries.next_entry()? {
///         wasm_function::println!("{}", entry.name()?);
///     }
/// });
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// [`Errno::NOMEM`] if the scope cannot grow.
///
/// # Panics
///
/// When `mem` is not the innermost open scope (see [`MemoryAllocator`]).
pub fn read_dir_in<'s>(mem: &MemoryAllocator<'s>, dir: Fd) -> Result<ReadDir<'s>, Errno> {
    Ok(read_dir(dir, bytes_in(mem, READ_DIR_BUFFER_SIZE)?))
}

/// The entries of a directory, in the order the host lists them. A lending iterator: each
/// entry borrows the buffer until the next call of [`next_entry`](ReadDir::next_entry).
pub struct ReadDir<'b> {
    fd: Fd,
    buf: &'b mut [u8],
    filled: usize,
    pos: usize,
    cookie: Dircookie,
    eof: bool,
}

impl fmt::Debug for ReadDir<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadDir")
            .field("fd", &self.fd)
            .field("cookie", &self.cookie)
            .field("eof", &self.eof)
            .finish_non_exhaustive()
    }
}

impl ReadDir<'_> {
    /// The next entry, or `None` after the last.
    ///
    /// An entry the host truncated at the end of the buffer is fetched again, starting at its
    /// cookie.
    pub fn next_entry(&mut self) -> Result<Option<DirEntry<'_>>, Errno> {
        let fd = self.fd;
        self.next_entry_with(|buf, cookie| raw::fd_readdir(fd, buf, cookie))
    }

    /// [`next_entry`](Self::next_entry) over any `fd_readdir`.
    fn next_entry_with(
        &mut self,
        mut readdir: impl FnMut(&mut [u8], Dircookie) -> Result<usize, Errno>,
    ) -> Result<Option<DirEntry<'_>>, Errno> {
        if self.buf.len() < Dirent::SIZE {
            return Err(Errno::NOBUFS);
        }
        loop {
            if let Some((header, name_at)) = self.complete_entry_at(self.pos) {
                let name_end = name_at + header.d_namlen as usize;
                self.pos = name_end;
                self.cookie = header.d_next;
                if matches!(&self.buf[name_at..name_end], b"." | b"..") {
                    continue;
                }
                return Ok(Some(DirEntry {
                    header,
                    name: &self.buf[name_at..name_end],
                }));
            }
            // No complete entry left in the buffer.
            if self.eof {
                return Ok(None);
            }
            if self.pos == 0 && self.filled == self.buf.len() {
                // A single entry larger than the whole buffer.
                return Err(Errno::NOBUFS);
            }
            let n = readdir(self.buf, self.cookie)?;
            self.filled = n.min(self.buf.len());
            self.pos = 0;
            // A short read means the host had no more entries.
            self.eof = n < self.buf.len();
        }
    }

    /// The header at `pos` and where its name starts, if the whole entry is in the buffer.
    fn complete_entry_at(&self, pos: usize) -> Option<(Dirent, usize)> {
        let filled = self.buf.get(..self.filled)?;
        let header: &[u8; Dirent::SIZE] = filled
            .get(pos..pos.checked_add(Dirent::SIZE)?)?
            .try_into()
            .ok()?;
        let header = Dirent::from_le_bytes(header);
        let name_at = pos + Dirent::SIZE;
        let name_end = name_at.checked_add(header.d_namlen as usize)?;
        (name_end <= filled.len()).then_some((header, name_at))
    }
}

/// An entry of a directory listing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct DirEntry<'a> {
    header: Dirent,
    name: &'a [u8],
}

impl<'a> DirEntry<'a> {
    /// The entry's name as bytes.
    #[inline]
    #[must_use]
    pub const fn name_bytes(&self) -> &'a [u8] {
        self.name
    }

    /// The entry's name.
    ///
    /// # Errors
    ///
    /// [`Errno::ILSEQ`] if the name is not UTF-8.
    #[inline]
    pub fn name(&self) -> Result<&'a str, Errno> {
        core::str::from_utf8(self.name).map_err(|_| Errno::ILSEQ)
    }

    /// The type of the file (may be [`Filetype::UNKNOWN`]; [`metadata`] then tells).
    #[inline]
    #[must_use]
    pub const fn file_type(&self) -> Filetype {
        self.header.d_type
    }

    /// The file's serial number.
    #[inline]
    #[must_use]
    pub const fn ino(&self) -> Inode {
        self.header.d_ino
    }

    /// The cookie of the entry after this one.
    #[inline]
    #[must_use]
    pub const fn next_cookie(&self) -> Dircookie {
        self.header.d_next
    }
}

impl fmt::Debug for DirEntry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("DirEntry");
        match core::str::from_utf8(self.name) {
            Ok(name) => s.field("name", &name),
            Err(_) => s.field("name", &self.name),
        };
        s.field("file_type", &self.header.d_type)
            .field("ino", &self.header.d_ino)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::string::String;
    use std::vec::Vec;

    /// A fake directory: `fd_readdir` output for `entries`, with cookies 1, 2, … and the last
    /// entry truncated where the buffer ends, like a host does.
    fn fake_readdir<'e>(
        entries: &'e [(&'e str, Filetype)],
        calls: &'e core::cell::Cell<usize>,
    ) -> impl FnMut(&mut [u8], Dircookie) -> Result<usize, Errno> + 'e {
        move |buf, cookie| {
            calls.set(calls.get() + 1);
            let mut out = Vec::new();
            for (i, (name, kind)) in entries.iter().enumerate().skip(cookie as usize) {
                let header = Dirent {
                    d_next: i as u64 + 1,
                    d_ino: 100 + i as u64,
                    d_namlen: name.len() as u32,
                    d_type: *kind,
                };
                out.extend_from_slice(&header.to_le_bytes());
                out.extend_from_slice(name.as_bytes());
                if out.len() >= buf.len() {
                    break;
                }
            }
            let n = out.len().min(buf.len());
            buf[..n].copy_from_slice(&out[..n]);
            Ok(n)
        }
    }

    fn list(entries: &[(&str, Filetype)], buf_len: usize) -> (Result<Vec<String>, Errno>, usize) {
        let calls = core::cell::Cell::new(0);
        let mut buf = std::vec![0xAA; buf_len];
        let mut dir = read_dir(Fd::from_raw(3), &mut buf);
        let mut readdir = fake_readdir(entries, &calls);
        let mut names = Vec::new();
        let result = loop {
            match dir.next_entry_with(&mut readdir) {
                Ok(Some(entry)) => names.push(std::format!(
                    "{}:{}",
                    entry.name().unwrap(),
                    entry.file_type().name()
                )),
                Ok(None) => break Ok(names),
                Err(e) => break Err(e),
            }
        };
        (result, calls.get())
    }

    const ENTRIES: &[(&str, Filetype)] = &[
        (".", Filetype::DIRECTORY),
        ("..", Filetype::DIRECTORY),
        ("a.txt", Filetype::REGULAR_FILE),
        ("subdir", Filetype::DIRECTORY),
        ("a-rather-long-file-name.data", Filetype::REGULAR_FILE),
        ("link", Filetype::SYMBOLIC_LINK),
    ];

    fn expected() -> Vec<String> {
        [
            "a.txt:regular_file",
            "subdir:directory",
            "a-rather-long-file-name.data:regular_file",
            "link:symbolic_link",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn lists_in_one_call_with_a_large_buffer() {
        let (names, calls) = list(ENTRIES, 4096);
        assert_eq!(names.unwrap(), expected());
        assert_eq!(calls, 1);
    }

    #[test]
    fn refetches_truncated_entries_for_every_buffer_size() {
        // The longest entry is 24 + 28 bytes; every size from there up must give the same list.
        for buf_len in 52..300 {
            let (names, calls) = list(ENTRIES, buf_len);
            assert_eq!(names.unwrap(), expected(), "buffer of {buf_len} bytes");
            assert!(calls >= 1);
        }
    }

    #[test]
    fn a_buffer_smaller_than_an_entry_is_an_error() {
        assert_eq!(list(ENTRIES, 10).0, Err(Errno::NOBUFS));
        assert_eq!(list(ENTRIES, 51).0, Err(Errno::NOBUFS));
    }

    #[test]
    fn empty_directories_and_errors() {
        assert_eq!(list(&[], 64).0, Ok(Vec::new()));
        assert_eq!(list(&ENTRIES[..2], 64).0, Ok(Vec::new()));
        let mut buf = [0_u8; 64];
        let mut dir = read_dir(Fd::from_raw(9), &mut buf);
        assert_eq!(
            dir.next_entry_with(|_, _| Err(Errno::NOTDIR))
                .map(|e| e.is_some()),
            Err(Errno::NOTDIR)
        );
    }

    #[test]
    fn a_host_overstating_its_output_does_not_panic() {
        let mut buf = [0_u8; 64];
        let mut dir = read_dir(Fd::from_raw(3), &mut buf);
        let header = Dirent {
            d_next: 1,
            d_ino: 1,
            d_namlen: u32::MAX,
            d_type: Filetype::REGULAR_FILE,
        };
        let result = dir.next_entry_with(|buf, _| {
            buf[..24].copy_from_slice(&header.to_le_bytes());
            Ok(usize::MAX)
        });
        assert_eq!(result.map(|e| e.is_some()), Err(Errno::NOBUFS));
    }

    #[test]
    fn preopen_matching() {
        assert_eq!(
            match_preopen("/data", "/data/a/b.txt"),
            Some((6, "a/b.txt"))
        );
        assert_eq!(match_preopen("/data/", "/data/a"), Some((6, "a")));
        assert_eq!(match_preopen("/data", "/data"), Some((6, ".")));
        assert_eq!(match_preopen("/data", "/data/"), Some((6, ".")));
        assert_eq!(match_preopen("/data", "/database/x"), None);
        assert_eq!(match_preopen("/data", "data/x"), None);
        assert_eq!(match_preopen("/", "/etc/x"), Some((1, "etc/x")));
        assert_eq!(match_preopen("/", "rel"), None);
        assert_eq!(match_preopen(".", "in.txt"), Some((1, "in.txt")));
        assert_eq!(match_preopen(".", "./in.txt"), Some((1, "in.txt")));
        assert_eq!(match_preopen(".", "."), Some((1, ".")));
        assert_eq!(match_preopen(".", "/abs"), None);
        assert_eq!(match_preopen("./sub", "sub/x"), Some((4, "x")));
        assert_eq!(match_preopen("sub", "./sub/x"), Some((4, "x")));
        assert_eq!(match_preopen("sub", "subway"), None);
    }

    #[test]
    fn open_options_flags_and_rights() {
        let read = OpenOptions::new().read(true);
        assert_eq!(read.oflags(), Oflags::empty());
        assert!(
            read.wanted_rights()
                .contains(Rights::FD_READ | Rights::FD_READDIR)
        );
        assert!(
            !read
                .wanted_rights()
                .intersects(Rights::FD_WRITE | Rights::FD_FILESTAT_SET_SIZE)
        );
        assert!(
            read.wanted_rights()
                .contains(Rights::FD_SEEK | Rights::PATH_OPEN)
        );
        assert_eq!(read.lookupflags(), Lookupflags::SYMLINK_FOLLOW);

        let create = OpenOptions::new().write(true).create(true).truncate(true);
        assert_eq!(create.oflags(), Oflags::CREAT | Oflags::TRUNC);
        assert!(
            create
                .wanted_rights()
                .contains(Rights::FD_WRITE | Rights::FD_FILESTAT_SET_SIZE)
        );
        assert!(!create.wanted_rights().contains(Rights::FD_READ));

        let new = OpenOptions::new()
            .append(true)
            .create_new(true)
            .follow_symlinks(false);
        assert_eq!(new.oflags(), Oflags::CREAT | Oflags::EXCL);
        assert!(new.wanted_rights().contains(Rights::FD_WRITE));
        assert_eq!(new.lookupflags(), Lookupflags::empty());

        let dir = OpenOptions::new().read(true).directory(true);
        assert_eq!(dir.oflags(), Oflags::DIRECTORY);
        assert_eq!(OpenOptions::default(), OpenOptions::new());
    }

    #[test]
    fn file_handles() {
        let file = File::from_fd(Fd::from_raw(7));
        assert_eq!(file.fd(), Fd::from_raw(7));
        assert_eq!(std::format!("{file:?}"), "File { fd: Fd(7) }");
        // Not closed: closing would call the host.
        assert_eq!(file.into_fd(), Fd::from_raw(7));
    }
}
