//! The descriptor table: preview1 [`Fd`]s mapped to owned WASI 0.2 descriptors, with the
//! state preview1 keeps per descriptor and WASI 0.2 does not (the file position, the append
//! and nonblocking flags, a preopen's name, the directory stream `fd_readdir` stopped in).
//!
//! Fixed size, no allocator: [`SLOTS`] descriptors (0, 1 and 2 are the CLI streams, never in
//! the table), preopen names up to [`NAME_BYTES`] bytes together. Filled on first use with
//! the preopens, in `get-directories` order from fd 3; a preopen that does not fit is
//! dropped. Only handles the host gave are stored, and each is dropped once, when its fd is
//! closed or renumbered over: a descriptor not in the table is [`Errno::BADF`] and never
//! reaches the host.

use core::cell::{Cell, RefCell};
use core::mem::ManuallyDrop;
use core::ops::Deref;

use crate::__private::component::Resource;
use crate::wasi::p2::filesystem::preopens;
use crate::wasi::p2::filesystem::types::{Descriptor, DirectoryEntryStream};
use crate::wasi::{Ciovec, Errno, Fd, Fdflags, Iovec, Size};

/// How many descriptors the table holds, the three CLI streams included.
pub(super) const SLOTS: usize = 128;

/// The bytes for all preopen names together.
pub(super) const NAME_BYTES: usize = 1024;

/// What the table holds for one fd.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    /// The owned `descriptor` handle.
    handle: u32,
    /// The offset `fd_read`/`fd_write`/`fd_seek` use.
    pub(super) position: u64,
    /// `APPEND` and `NONBLOCK` as last set (the other flags live in the descriptor).
    pub(super) flags: Fdflags,
    /// Where the preopen's name is in the name buffer: (start, length).
    preopen: Option<(u16, u16)>,
    /// The directory stream the last `fd_readdir` stopped in, to continue it.
    listing: Option<Listing>,
}

/// Where an `fd_readdir` stopped: the owned `directory-entry-stream` handle and the cookie of
/// the next entry to return. With `pending`, that entry was already read from the stream (it
/// did not fit in the caller's buffer) and is kept in the table's one pending slot.
#[derive(Clone, Copy, Debug)]
pub(super) struct Listing {
    /// The owned stream handle.
    pub(super) stream: u32,
    /// The cookie of the next entry.
    pub(super) next: u64,
    /// Whether the next entry is the pending one.
    pub(super) pending: bool,
}

/// The longest entry name kept pending between two `fd_readdir` calls.
pub(super) const PENDING_NAME: usize = 256;

/// The entry an `fd_readdir` read but could not return whole, for the next call on `fd`.
struct Pending {
    fd: Fd,
    kind: crate::wasi::Filetype,
    len: usize,
    name: [u8; PENDING_NAME],
}

impl Entry {
    /// The descriptor, borrowed from the table.
    pub(super) fn descriptor(&self) -> Borrowed {
        // SAFETY: `handle` is an owned descriptor handle that the table owns; wrapped in
        // `ManuallyDrop` the value never drops it, so ownership stays with the table, and the
        // table drops it only in `close`, which no `Borrowed` outlives (each lives for one
        // primitive's call, and there is one thread).
        Borrowed(ManuallyDrop::new(unsafe {
            Descriptor::from_handle(self.handle)
        }))
    }
}

/// A descriptor of the table, usable as `&Descriptor` for the duration of a call.
pub(super) struct Borrowed(ManuallyDrop<Descriptor>);

impl Deref for Borrowed {
    type Target = Descriptor;
    fn deref(&self) -> &Descriptor {
        &self.0
    }
}

struct State {
    ready: bool,
    pending: Pending,
    slots: [Option<Entry>; SLOTS],
    names: [u8; NAME_BYTES],
    names_used: usize,
}

/// The table behind a `RefCell`, shared as a `static`.
struct Table(RefCell<State>);

// SAFETY: wasm32-wasip2 programs run on one thread (the target has no threads and no shared
// memory), so the `RefCell` is never reached from two threads at once.
unsafe impl Sync for Table {}

static TABLE: Table = Table(RefCell::new(State {
    ready: false,
    pending: Pending {
        fd: Fd::from_raw(u32::MAX),
        kind: crate::wasi::Filetype::UNKNOWN,
        len: 0,
        name: [0; PENDING_NAME],
    },
    slots: [None; SLOTS],
    names: [0; NAME_BYTES],
    names_used: 0,
}));

/// Runs `f` on the table, filled with the preopens on first use. The borrow is never held
/// across a call that could come back here (host calls do not call into the guest except for
/// `cabi_realloc`, which does not use the table), so it is never refused; if it were,
/// [`Errno::BUSY`].
fn with<R>(f: impl FnOnce(&mut State) -> Result<R, Errno>) -> Result<R, Errno> {
    let mut state = TABLE.0.try_borrow_mut().map_err(|_| Errno::BUSY)?;
    if !state.ready {
        state.ready = true;
        fill(&mut state);
    }
    f(&mut state)
}

/// Puts the preopens in the table, from fd 3 in `get-directories` order.
fn fill(state: &mut State) {
    crate::with_memory_allocator!(|mem| {
        let mut next = Fd::FIRST_PREOPEN.raw() as usize;
        for &(handle, name) in preopens::get_directories_in(mem) {
            let start = state.names_used;
            let fits = next < SLOTS
                && name.len() <= NAME_BYTES - start
                && u16::try_from(name.len()).is_ok();
            if !fits {
                // SAFETY: the host gave this owned handle; it is dropped here, once.
                drop(unsafe { Descriptor::from_handle(handle) });
                continue;
            }
            state.names[start..start + name.len()].copy_from_slice(name.as_bytes());
            state.names_used += name.len();
            state.slots[next] = Some(Entry {
                handle,
                position: 0,
                flags: Fdflags::empty(),
                // Both fit in u16: start + len <= NAME_BYTES (1024) and len was checked.
                preopen: Some((start as u16, name.len() as u16)),
                listing: None,
            });
            next += 1;
        }
    });
}

/// The entry of `fd`; [`Errno::BADF`] when there is none.
pub(super) fn get(fd: Fd) -> Result<Entry, Errno> {
    with(|state| {
        state
            .slots
            .get(fd.raw() as usize)
            .copied()
            .flatten()
            .ok_or(Errno::BADF)
    })
}

/// Whether `fd` is one of the CLI streams 0, 1 and 2.
pub(super) fn is_stdio(fd: Fd) -> bool {
    fd.raw() < Fd::FIRST_PREOPEN.raw()
}

/// Changes the entry of an open `fd` (its position or flags).
pub(super) fn update(fd: Fd, f: impl FnOnce(&mut Entry)) -> Result<(), Errno> {
    with(|state| {
        let entry = state
            .slots
            .get_mut(fd.raw() as usize)
            .and_then(Option::as_mut)
            .ok_or(Errno::BADF)?;
        f(entry);
        Ok(())
    })
}

/// Puts the newly opened `descriptor` at the lowest free fd; [`Errno::NFILE`] (and the
/// descriptor dropped) when the table is full.
pub(super) fn insert(descriptor: Descriptor, flags: Fdflags) -> Result<Fd, Errno> {
    let slot = with(|state| {
        let first = Fd::FIRST_PREOPEN.raw() as usize;
        Ok(state.slots[first..]
            .iter()
            .position(Option::is_none)
            .map(|at| at + first))
    })?;
    let Some(slot) = slot else {
        return Err(Errno::NFILE);
    };
    FILE_IO.0.set(Some(super::fd::FILE_IO));
    with(|state| {
        state.slots[slot] = Some(Entry {
            handle: descriptor.into_handle(),
            position: 0,
            flags,
            preopen: None,
            listing: None,
        });
        // `slot` < SLOTS (128).
        Ok(Fd::from_raw(slot as u32))
    })
}

/// Takes `fd` out of the table and drops its descriptor; [`Errno::BADF`] when it is not open.
pub(super) fn close(fd: Fd) -> Result<(), Errno> {
    let entry = with(|state| {
        state
            .slots
            .get_mut(fd.raw() as usize)
            .and_then(Option::take)
            .ok_or(Errno::BADF)
    })?;
    release(entry);
    Ok(())
}

/// Drops what a removed entry owned: its directory stream, then its descriptor.
fn release(entry: Entry) {
    if let Some(listing) = entry.listing {
        // SAFETY: the stream handle was owned by the entry, which is gone from the table.
        drop(unsafe { DirectoryEntryStream::from_handle(listing.stream) });
    }
    // SAFETY: the handle was owned by the entry, which is gone from the table.
    drop(unsafe { Descriptor::from_handle(entry.handle) });
}

/// Takes the stream `fd_readdir` left in `fd`'s entry, if any (the caller owns it then).
pub(super) fn take_listing(fd: Fd) -> Result<Option<Listing>, Errno> {
    with(|state| {
        let entry = state
            .slots
            .get_mut(fd.raw() as usize)
            .and_then(Option::as_mut)
            .ok_or(Errno::BADF)?;
        Ok(entry.listing.take())
    })
}

/// Leaves `listing` (its stream owned by the table from now on) in `fd`'s entry; the stream
/// is dropped if `fd` is no longer open.
pub(super) fn keep_listing(fd: Fd, listing: Listing) {
    let kept = with(|state| {
        let entry = state
            .slots
            .get_mut(fd.raw() as usize)
            .and_then(Option::as_mut);
        Ok(entry.map(|e| e.listing = Some(listing)).is_some())
    });
    if kept != Ok(true) {
        // SAFETY: the caller gave up this owned stream handle; it is dropped here, once.
        drop(unsafe { DirectoryEntryStream::from_handle(listing.stream) });
    }
}

/// Keeps the entry `name` of type `kind` pending for the next `fd_readdir` on `fd`; false
/// (nothing kept) when the name is longer than [`PENDING_NAME`].
pub(super) fn set_pending(fd: Fd, kind: crate::wasi::Filetype, name: &[u8]) -> bool {
    with(|state| {
        let Some(slot) = state.pending.name.get_mut(..name.len()) else {
            return Ok(false);
        };
        slot.copy_from_slice(name);
        state.pending.fd = fd;
        state.pending.kind = kind;
        state.pending.len = name.len();
        Ok(true)
    })
    .unwrap_or(false)
}

/// Runs `f` on the pending entry of `fd` (its type and name), if it is `fd`'s.
pub(super) fn with_pending<R>(
    fd: Fd,
    f: impl FnOnce(crate::wasi::Filetype, &[u8]) -> R,
) -> Option<R> {
    with(|state| {
        let p = &state.pending;
        Ok((p.fd == fd).then(|| f(p.kind, &p.name[..p.len])))
    })
    .ok()
    .flatten()
}

/// Moves `fd`'s entry to `to`, dropping what `to` held; both must be open.
pub(super) fn renumber(fd: Fd, to: Fd) -> Result<(), Errno> {
    let replaced = with(|state| {
        let (from, at) = (fd.raw() as usize, to.raw() as usize);
        let open = |i: usize| state.slots.get(i).copied().flatten();
        let (Some(moved), Some(replaced)) = (open(from), open(at)) else {
            return Err(Errno::BADF);
        };
        if from == at {
            return Ok(None);
        }
        state.slots[at] = Some(moved);
        state.slots[from] = None;
        Ok(Some(replaced))
    })?;
    if let Some(replaced) = replaced {
        release(replaced);
    }
    Ok(())
}

/// Copies the preopen name of `entry` into `out` (which `f` receives as the name's bytes).
pub(super) fn with_preopen_name<R>(entry: &Entry, f: impl FnOnce(&[u8]) -> R) -> Result<R, Errno> {
    let (start, len) = entry.preopen.ok_or(Errno::BADF)?;
    with(|state| {
        let (start, len) = (usize::from(start), usize::from(len));
        Ok(f(&state.names[start..start + len]))
    })
}

/// Reading and writing files of the table, installed by the first [`insert`]: until a file
/// is opened no fd of the table can be read or written (preopens are directories), so
/// `fd_read`/`fd_write` on fds 3 and up answer [`Errno::BADF`] without touching the table.
/// A program that never opens a file (one that only prints) then links neither the table nor
/// any `wasi:filesystem` import through its `fd_write`.
#[derive(Clone, Copy)]
pub(super) struct FileIo {
    /// `fd_read` on a file of the table.
    pub(super) read: fn(Fd, &[Iovec<'_>]) -> Result<Size, Errno>,
    /// `fd_write` on a file of the table.
    pub(super) write: fn(Fd, &[Ciovec<'_>]) -> Result<Size, Errno>,
}

/// The installed [`FileIo`], behind a `Cell` shared as a `static`.
struct Hook(Cell<Option<FileIo>>);

// SAFETY: as for `Table`: wasm32-wasip2 programs run on one thread.
unsafe impl Sync for Hook {}

static FILE_IO: Hook = Hook(Cell::new(None));

/// The file I/O installed by opening a file, if any was opened.
pub(super) fn file_io() -> Option<FileIo> {
    FILE_IO.0.get()
}
