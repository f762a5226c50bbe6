//! Directory listing: [`read_dir`], [`read_dir_in`] and the lending iterator [`ReadDir`];
//! with `std`, [`read_dir_entries`] and its owned entries.

use core::fmt;

use crate::memory::MemoryAllocator;
use crate::wasi::scratch::bytes_in;
use crate::wasi::{DIRCOOKIE_START, Dircookie, Dirent, Errno, Fd, Filetype, Inode, sys};

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
    ///
    /// # Errors
    ///
    /// [`Errno::NOBUFS`] if the buffer is shorter than a [`Dirent`] header or than one entry,
    /// or what the host returns from `fd_readdir`: for example [`Errno::NOTDIR`] if the
    /// descriptor is not a directory, [`Errno::BADF`] if it is not open.
    pub fn next_entry(&mut self) -> Result<Option<DirEntry<'_>>, Errno> {
        let fd = self.fd;
        self.next_entry_with(|buf, cookie| sys::fd_readdir(fd, buf, cookie))
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

    /// The type of the file (may be [`Filetype::UNKNOWN`]; [`metadata`](super::metadata) then tells).
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

/// A directory entry with its name copied out of the listing buffer, from
/// [`read_dir_entries`].
#[cfg(feature = "std")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OwnedDirEntry {
    name: std::vec::Vec<u8>,
    file_type: Filetype,
    ino: Inode,
}

#[cfg(feature = "std")]
impl OwnedDirEntry {
    /// The entry's name as bytes.
    #[must_use]
    pub fn name_bytes(&self) -> &[u8] {
        &self.name
    }

    /// The entry's name.
    ///
    /// # Errors
    ///
    /// [`Errno::ILSEQ`] if the name is not UTF-8.
    pub fn name(&self) -> Result<&str, Errno> {
        core::str::from_utf8(&self.name).map_err(|_| Errno::ILSEQ)
    }

    /// The type of the file (may be [`Filetype::UNKNOWN`]; [`metadata`](super::metadata) then
    /// tells).
    #[must_use]
    pub const fn file_type(&self) -> Filetype {
        self.file_type
    }

    /// The file's serial number.
    #[must_use]
    pub const fn ino(&self) -> Inode {
        self.ino
    }
}

#[cfg(feature = "std")]
impl fmt::Debug for OwnedDirEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("OwnedDirEntry");
        match core::str::from_utf8(&self.name) {
            Ok(name) => s.field("name", &name),
            Err(_) => s.field("name", &self.name),
        };
        s.field("file_type", &self.file_type)
            .field("ino", &self.ino)
            .finish()
    }
}

/// The largest listing buffer [`read_dir_entries`] grows to for a single entry.
#[cfg(feature = "std")]
const MAX_READ_DIR_BUFFER: usize = 1 << 20;

/// Lists the directory `path` (relative to `dir`; `.` for `dir` itself) without a buffer of
/// yours, like `std::fs::read_dir`: the entries in the host's order, `.` and `..` left out.
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, path) = fs::resolve("/data")?;
/// let mut names: Vec<String> = fs::read_dir_entries(dir, path)?
///     .iter()
///     .map(|e| String::from_utf8_lossy(e.name_bytes()).into_owned())
///     .collect();
/// names.sort();
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// What [`File::open_dir`](super::File::open_dir) and [`ReadDir::next_entry`] return: for
/// example [`Errno::NOENT`], [`Errno::NOTDIR`].
#[cfg(feature = "std")]
pub fn read_dir_entries(dir: Fd, path: &str) -> Result<std::vec::Vec<OwnedDirEntry>, Errno> {
    let listed = super::File::open_dir(dir, path)?;
    let mut size = READ_DIR_BUFFER_SIZE;
    loop {
        let mut buf = std::vec![0_u8; size];
        let mut entries = read_dir(listed.fd(), &mut buf);
        let mut out = std::vec::Vec::new();
        let listed_all = loop {
            match entries.next_entry() {
                Ok(Some(entry)) => out.push(OwnedDirEntry {
                    name: entry.name_bytes().to_vec(),
                    file_type: entry.file_type(),
                    ino: entry.ino(),
                }),
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        match listed_all {
            Ok(()) => return Ok(out),
            // An entry larger than the buffer: list again with a larger one.
            Err(Errno::NOBUFS) if size < MAX_READ_DIR_BUFFER => size *= 4,
            Err(e) => return Err(e),
        }
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
}
