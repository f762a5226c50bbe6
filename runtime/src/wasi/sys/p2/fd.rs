//! Preview1's `fd_*` functions over WASI 0.2 descriptors, for the fds of the
//! [table](super::table) (3 and up).
//!
//! Fds 0, 1 and 2 are the CLI streams (read and written elsewhere): `fd_fdstat_get` and
//! `fd_filestat_get` give a character device, `fd_seek`/`fd_tell` [`Errno::SPIPE`], the
//! other functions here [`Errno::BADF`], as for any fd not in the table.
//!
//! Reads and writes move the fd's position, which the table keeps (WASI 0.2 reads and writes
//! at an offset); with `APPEND` each write goes at the size the host reports just before it.
//! Each read asks the host for at most [`CHUNK`] bytes, placed in a memory scope that ends
//! with the call, so memory stays flat whatever the buffer sizes.

use super::convert;
use super::errno::check;
use super::table::{self, Entry};
use crate::__private::component::Resource;
use crate::wasi::p2::filesystem::types::{self as fs, DirectoryEntryStream};
use crate::wasi::{
    Advice, Ciovec, Dircookie, Dirent, Errno, Fd, Fdflags, Fdstat, Filedelta, Filesize, Filestat,
    Filetype, Fstflags, Iovec, Prestat, Riflags, Rights, Roflags, Sdflags, Siflags, Size,
    Timestamp, Whence,
};

/// The most bytes one host `read` is asked for.
pub(super) const CHUNK: u64 = 64 * 1024;

/// Reads from `fd` at its position into the buffers in order, moving the position
/// ([`Errno::BADF`] while no file was ever opened: see [`table::FileIo`]).
pub(super) fn read(fd: Fd, iovs: &[Iovec<'_>]) -> Result<Size, Errno> {
    table::file_io().map_or(Err(Errno::BADF), |io| (io.read)(fd, iovs))
}

/// Writes the buffers in order to `fd` at its position (at the end with `APPEND`), moving the
/// position ([`Errno::BADF`] while no file was ever opened: see [`table::FileIo`]).
pub(super) fn write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<Size, Errno> {
    table::file_io().map_or(Err(Errno::BADF), |io| (io.write)(fd, iovs))
}

/// What [`table::insert`] installs for `fd_read`/`fd_write` on files.
pub(super) const FILE_IO: table::FileIo = table::FileIo {
    read: read_file,
    write: write_file,
};

/// [`read`] once a file was opened.
fn read_file(fd: Fd, iovs: &[Iovec<'_>]) -> Result<Size, Errno> {
    let entry = table::get(fd)?;
    let n = read_at(&entry, iovs, entry.position)?;
    table::update(fd, |e| e.position = entry.position.saturating_add(n as u64))?;
    Ok(n)
}

/// [`write`] once a file was opened.
fn write_file(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<Size, Errno> {
    let entry = table::get(fd)?;
    let at = if entry.flags.contains(Fdflags::APPEND) {
        check(fs::stat(&entry.descriptor()))?.size
    } else {
        entry.position
    };
    let n = write_at(&entry, iovs, at)?;
    table::update(fd, |e| e.position = at.saturating_add(n as u64))?;
    Ok(n)
}

/// Reads at `offset` into the buffers until they are full or the file ends.
fn read_at(entry: &Entry, iovs: &[Iovec<'_>], mut offset: u64) -> Result<Size, Errno> {
    let descriptor = entry.descriptor();
    let mut total: usize = 0;
    for iov in iovs {
        // SAFETY: an `Iovec` holds the exclusive borrow of a buffer of `len()` bytes for its
        // lifetime, which outlasts this call; no other reference to it is made while this
        // slice lives (the `Iovec`s of one call are distinct buffers).
        let buf = unsafe { core::slice::from_raw_parts_mut(iov.as_mut_ptr(), iov.len()) };
        let mut filled = 0;
        while filled < buf.len() {
            let want = ((buf.len() - filled) as u64).min(CHUNK);
            let (got, end) = crate::with_memory_allocator!(|mem| {
                let (bytes, end) = check(fs::read_in(mem, &descriptor, want, offset))?;
                // A host returning more than asked is cut to what was asked.
                let got = bytes.len().min(want as usize);
                buf[filled..filled + got].copy_from_slice(&bytes[..got]);
                (got, end)
            });
            filled += got;
            offset = offset.saturating_add(got as u64);
            if got == 0 || end {
                break;
            }
        }
        total = total.saturating_add(filled);
        if filled < buf.len() {
            break;
        }
    }
    Ok(total)
}

/// Writes the buffers at `offset` until one is written short.
fn write_at(entry: &Entry, iovs: &[Ciovec<'_>], mut offset: u64) -> Result<Size, Errno> {
    let descriptor = entry.descriptor();
    let mut total: usize = 0;
    for iov in iovs {
        let buf = iov.as_slice();
        if buf.is_empty() {
            continue;
        }
        let wrote = match fs::write(&descriptor, buf, offset) {
            Ok(n) => usize::try_from(n).map_or(buf.len(), |n| n.min(buf.len())),
            // An error after some bytes were written reports those bytes.
            Err(_) if total > 0 => break,
            Err(e) => return Err(super::errno::errno(e)),
        };
        total = total.saturating_add(wrote);
        offset = offset.saturating_add(wrote as u64);
        if wrote < buf.len() {
            break;
        }
    }
    Ok(total)
}

/// Reads at `offset` without moving the position.
pub fn fd_pread(fd: Fd, iovs: &[Iovec<'_>], offset: Filesize) -> Result<Size, Errno> {
    read_at(&table::get(fd)?, iovs, offset)
}

/// Writes at `offset` without moving the position, whether or not `APPEND` is set (WASI 0.2
/// writes where it is asked to).
pub fn fd_pwrite(fd: Fd, iovs: &[Ciovec<'_>], offset: Filesize) -> Result<Size, Errno> {
    write_at(&table::get(fd)?, iovs, offset)
}

/// Closes `fd`, dropping its descriptor.
pub fn fd_close(fd: Fd) -> Result<(), Errno> {
    table::close(fd)
}

/// Moves the position; a result before the start is [`Errno::INVAL`].
pub fn fd_seek(fd: Fd, offset: Filedelta, whence: Whence) -> Result<Filesize, Errno> {
    if ![Whence::SET, Whence::CUR, Whence::END].contains(&whence) {
        return Err(Errno::INVAL);
    }
    if table::is_stdio(fd) {
        return Err(Errno::SPIPE);
    }
    let entry = table::get(fd)?;
    let base = match whence {
        Whence::SET => 0,
        Whence::CUR => entry.position,
        _ => check(fs::stat(&entry.descriptor()))?.size,
    };
    let to = base.checked_add_signed(offset).ok_or(Errno::INVAL)?;
    if i64::try_from(to).is_err() {
        return Err(Errno::INVAL);
    }
    table::update(fd, |e| e.position = to)?;
    Ok(to)
}

/// The position.
pub fn fd_tell(fd: Fd) -> Result<Filesize, Errno> {
    if table::is_stdio(fd) {
        return Err(Errno::SPIPE);
    }
    Ok(table::get(fd)?.position)
}

/// The attributes of `fd`'s file; its inode is the low half of the metadata hash.
pub fn fd_filestat_get(fd: Fd) -> Result<Filestat, Errno> {
    if table::is_stdio(fd) {
        return Ok(Filestat {
            filetype: Filetype::CHARACTER_DEVICE,
            ..Filestat::default()
        });
    }
    let descriptor = table::get(fd)?.descriptor();
    let stat = check(fs::stat(&descriptor))?;
    let ino = fs::metadata_hash(&descriptor).map_or(0, |h| h.lower);
    Ok(convert::filestat(&stat, ino))
}

/// Truncates or extends the file.
pub fn fd_filestat_set_size(fd: Fd, size: Filesize) -> Result<(), Errno> {
    check(fs::set_size(&table::get(fd)?.descriptor(), size))
}

/// Sets the access and modification times.
pub fn fd_filestat_set_times(
    fd: Fd,
    atim: Timestamp,
    mtim: Timestamp,
    fst_flags: Fstflags,
) -> Result<(), Errno> {
    let entry = table::get(fd)?;
    let (atim, mtim) = convert::new_timestamps(atim, mtim, fst_flags)?;
    check(fs::set_times(&entry.descriptor(), atim, mtim))
}

/// The type, flags and (derived) rights of `fd`.
pub fn fd_fdstat_get(fd: Fd) -> Result<Fdstat, Errno> {
    if table::is_stdio(fd) {
        let rights = if fd == Fd::STDIN {
            Rights::FD_READ | Rights::POLL_FD_READWRITE
        } else {
            Rights::FD_WRITE | Rights::POLL_FD_READWRITE
        };
        return Ok(Fdstat {
            fs_filetype: Filetype::CHARACTER_DEVICE,
            fs_flags: Fdflags::empty(),
            fs_rights_base: rights,
            fs_rights_inheriting: Rights::empty(),
        });
    }
    let entry = table::get(fd)?;
    let descriptor = entry.descriptor();
    let filetype = convert::filetype(check(fs::get_type(&descriptor))?);
    let flags = check(fs::get_flags(&descriptor))?;
    let (base, inheriting) = convert::rights(filetype, flags);
    Ok(Fdstat {
        fs_filetype: filetype,
        fs_flags: entry.flags | convert::sync_fdflags(flags),
        fs_rights_base: base,
        fs_rights_inheriting: inheriting,
    })
}

/// Sets `APPEND` and `NONBLOCK` (WASI 0.2 cannot change the sync flags of an open
/// descriptor: [`Errno::NOTSUP`] when they differ from the descriptor's; undefined bits
/// [`Errno::INVAL`]).
pub fn fd_fdstat_set_flags(fd: Fd, flags: Fdflags) -> Result<(), Errno> {
    let entry = table::get(fd)?;
    if Fdflags::from_bits(flags.bits()).is_none() {
        return Err(Errno::INVAL);
    }
    let kept = Fdflags::APPEND | Fdflags::NONBLOCK;
    let sync = flags - kept;
    let have = convert::sync_fdflags(check(fs::get_flags(&entry.descriptor()))?);
    if sync != have {
        return Err(Errno::NOTSUP);
    }
    table::update(fd, |e| e.flags = flags & kept)
}

/// WASI 0.2 has no rights: [`Errno::NOTSUP`] for an open fd.
pub fn fd_fdstat_set_rights(
    fd: Fd,
    _fs_rights_base: Rights,
    _fs_rights_inheriting: Rights,
) -> Result<(), Errno> {
    table::get(fd)?;
    Err(Errno::NOTSUP)
}

/// Flushes data and metadata.
pub fn fd_sync(fd: Fd) -> Result<(), Errno> {
    check(fs::sync(&table::get(fd)?.descriptor()))
}

/// Flushes data.
pub fn fd_datasync(fd: Fd) -> Result<(), Errno> {
    check(fs::sync_data(&table::get(fd)?.descriptor()))
}

/// Passes the advice on.
pub fn fd_advise(fd: Fd, offset: Filesize, len: Filesize, advice: Advice) -> Result<(), Errno> {
    let entry = table::get(fd)?;
    let advice = convert::advice(advice)?;
    check(fs::advise(&entry.descriptor(), offset, len, advice))
}

/// WASI 0.2 has no `allocate`: [`Errno::NOTSUP`] for an open fd.
pub fn fd_allocate(fd: Fd, _offset: Filesize, _len: Filesize) -> Result<(), Errno> {
    table::get(fd)?;
    Err(Errno::NOTSUP)
}

/// Makes `to` refer to `fd`'s file and closes `fd`; both must be open fds of the table (the
/// CLI streams cannot be renumbered: [`Errno::BADF`]).
pub fn fd_renumber(fd: Fd, to: Fd) -> Result<(), Errno> {
    table::renumber(fd, to)
}

/// A preopen's name length; [`Errno::BADF`] for any other fd.
pub fn fd_prestat_get(fd: Fd) -> Result<Prestat, Errno> {
    let entry = table::get(fd)?;
    let len = table::with_preopen_name(&entry, <[u8]>::len)?;
    // Names are at most `NAME_BYTES` long.
    Ok(Prestat::new_dir(len as u32))
}

/// Writes a preopen's name into `path` ([`Errno::NAMETOOLONG`] when it is shorter).
pub fn fd_prestat_dir_name(fd: Fd, path: &mut [u8]) -> Result<(), Errno> {
    let entry = table::get(fd)?;
    table::with_preopen_name(&entry, |name| {
        let out = path.get_mut(..name.len()).ok_or(Errno::NAMETOOLONG)?;
        out.copy_from_slice(name);
        Ok(())
    })?
}

/// Lists the directory from `cookie` into `buf` as preview1 [`Dirent`]s.
///
/// Cookie 0 is `.`, 1 is `..` (both synthesized, as WASI 0.2 does not list them), then the
/// `n`-th entry of `read-directory` has cookie `n + 2`. WASI 0.2 streams do not seek: the
/// stream a call stops in is kept with the fd, with the entry that did not fit whole, so a
/// listing read in order with the cookies it returns reads each entry from the host once;
/// any other cookie opens a new stream and skips to it. Inodes are 0 (the
/// `metadata-hash-at` of each entry would cost a host call per entry).
pub fn fd_readdir(fd: Fd, buf: &mut [u8], cookie: Dircookie) -> Result<Size, Errno> {
    let entry = table::get(fd)?;
    let mut out = Writer { buf, used: 0 };
    // Continue the kept stream when it stopped at `cookie`, else start a new one.
    let kept = table::take_listing(fd)?;
    let (stream, mut next, pending) = match kept {
        Some(listing) if listing.next == cookie && cookie >= 2 => {
            // SAFETY: `take_listing` gave up the table's ownership of this stream handle.
            let stream = unsafe { DirectoryEntryStream::from_handle(listing.stream) };
            (stream, cookie, listing.pending)
        }
        other => {
            if let Some(listing) = other {
                // SAFETY: as above; this stream is not wanted any more.
                drop(unsafe { DirectoryEntryStream::from_handle(listing.stream) });
            }
            let stream = check(fs::read_directory(&entry.descriptor()))?;
            (stream, 0, false)
        }
    };
    for dot in [&b"."[..], b".."] {
        if next == 0 || next == 1 {
            let here = next;
            next += 1;
            if here >= cookie && !out.put(here + 1, Filetype::DIRECTORY, dot).more {
                return Ok(keep(fd, stream, next, false, out.used));
            }
        }
    }
    if pending {
        let put = table::with_pending(fd, |kind, name| out.put(next + 1, kind, name));
        match put {
            // The pending slot was taken by another fd: start over from the beginning.
            None => return fd_readdir(fd, out.buf, cookie),
            // Still does not fit: it stays pending.
            Some(put) if !put.whole => return Ok(keep_pending(fd, stream, next, out.used)),
            Some(put) => {
                next += 1;
                if !put.more {
                    return Ok(keep(fd, stream, next, false, out.used));
                }
            }
        }
    }
    loop {
        let step = crate::with_memory_allocator!(|mem| {
            match check(fs::read_directory_entry_in(mem, &stream))? {
                None => Step::End,
                Some(item) => {
                    let here = next;
                    next += 1;
                    if here < cookie {
                        Step::More
                    } else {
                        let kind = convert::filetype(item.r#type);
                        let name = item.name.as_bytes();
                        let put = out.put(here + 1, kind, name);
                        if !put.whole {
                            // Returned in part: keep it whole for the next call if it fits.
                            next = here;
                            if table::set_pending(fd, kind, name) {
                                Step::Pending
                            } else {
                                Step::Drop
                            }
                        } else if put.more {
                            Step::More
                        } else {
                            Step::Full
                        }
                    }
                }
            }
        });
        match step {
            Step::More => {}
            Step::End | Step::Drop => return Ok(out.used),
            Step::Full => return Ok(keep(fd, stream, next, false, out.used)),
            Step::Pending => return Ok(keep_pending(fd, stream, next, out.used)),
        }
    }
}

/// What reading one entry led to.
enum Step {
    /// Go on reading.
    More,
    /// The directory ended.
    End,
    /// The buffer is full after a whole entry.
    Full,
    /// The buffer ended inside an entry, kept pending.
    Pending,
    /// The buffer ended inside an entry too long to keep: the stream is not kept.
    Drop,
}

/// Keeps `stream` with `fd` for a call continuing at `next`; returns `used`.
fn keep(fd: Fd, stream: DirectoryEntryStream, next: u64, pending: bool, used: Size) -> Size {
    let listing = table::Listing {
        stream: stream.into_handle(),
        next,
        pending,
    };
    table::keep_listing(fd, listing);
    used
}

/// [`keep`] with the entry at `next` pending.
fn keep_pending(fd: Fd, stream: DirectoryEntryStream, next: u64, used: Size) -> Size {
    keep(fd, stream, next, true, used)
}

/// `fd_readdir`'s output buffer as it fills.
struct Writer<'a> {
    buf: &'a mut [u8],
    used: usize,
}

/// How an entry went into the buffer.
#[derive(Clone, Copy)]
struct Put {
    /// The whole entry is in the buffer.
    whole: bool,
    /// Room is left after it.
    more: bool,
}

impl Writer<'_> {
    /// Appends one entry (truncated at the end of the buffer).
    fn put(&mut self, d_next: Dircookie, d_type: Filetype, name: &[u8]) -> Put {
        let header = Dirent {
            d_next,
            d_ino: 0,
            // Names from the host are far shorter than 4 GiB.
            d_namlen: name.len() as u32,
            d_type,
        }
        .to_le_bytes();
        let mut whole = true;
        for part in [&header[..], name] {
            let room = self.buf.len() - self.used;
            let n = part.len().min(room);
            whole &= n == part.len();
            self.buf[self.used..self.used + n].copy_from_slice(&part[..n]);
            self.used += n;
        }
        Put {
            whole,
            more: self.used < self.buf.len(),
        }
    }
}

/// Preview1 sockets have no WASI 0.2 filesystem counterpart: [`Errno::INVAL`] for flags
/// with undefined bits, else [`Errno::NOTSUP`] for an open fd, [`Errno::BADF`] otherwise.
fn no_sockets(fd: Fd, defined: bool) -> Errno {
    if !defined {
        Errno::INVAL
    } else if table::is_stdio(fd) || table::get(fd).is_ok() {
        Errno::NOTSUP
    } else {
        Errno::BADF
    }
}

/// WASI 0.2 has no preview1 sockets: [`Errno::INVAL`] for undefined flag bits, else
/// [`Errno::NOTSUP`] for an open fd (0, 1 and 2 included), [`Errno::BADF`] for any other.
pub fn sock_accept(fd: Fd, flags: Fdflags) -> Result<Fd, Errno> {
    Err(no_sockets(fd, Fdflags::from_bits(flags.bits()).is_some()))
}

/// WASI 0.2 has no preview1 sockets: [`Errno::INVAL`] for undefined flag bits, else
/// [`Errno::NOTSUP`] for an open fd (0, 1 and 2 included), [`Errno::BADF`] for any other.
pub fn sock_recv(
    fd: Fd,
    _ri_data: &[Iovec<'_>],
    ri_flags: Riflags,
) -> Result<(Size, Roflags), Errno> {
    Err(no_sockets(
        fd,
        Riflags::from_bits(ri_flags.bits()).is_some(),
    ))
}

/// WASI 0.2 has no preview1 sockets: [`Errno::INVAL`] for undefined flag bits, else
/// [`Errno::NOTSUP`] for an open fd (0, 1 and 2 included), [`Errno::BADF`] for any other.
pub fn sock_send(fd: Fd, _si_data: &[Ciovec<'_>], si_flags: Siflags) -> Result<Size, Errno> {
    Err(no_sockets(
        fd,
        Siflags::from_bits(si_flags.bits()).is_some(),
    ))
}

/// WASI 0.2 has no preview1 sockets: [`Errno::INVAL`] for undefined flag bits, else
/// [`Errno::NOTSUP`] for an open fd (0, 1 and 2 included), [`Errno::BADF`] for any other.
pub fn sock_shutdown(fd: Fd, how: Sdflags) -> Result<(), Errno> {
    Err(no_sockets(fd, Sdflags::from_bits(how.bits()).is_some()))
}
