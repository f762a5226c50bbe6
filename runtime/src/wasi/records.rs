//! Records of WASI preview1 (witx `record`/`union`), with the exact wasm32 layout.
//!
//! Every record is `#[repr(C)]`; its size, alignment and field offsets are asserted at compile
//! time against the reference (`wasi_preview1.md` §5): by `#[derive(WasmType)]` from the
//! `#[wasm_type(..)]` layout written on each record, the same derive users write. The records
//! holding pointers ([`Ciovec`], [`Iovec`]) implement `WasmLayout` by hand, since its safety
//! rests on their constructors, and are only asserted on `wasm32`, where pointers are 4 bytes.
//!
//! [`Ciovec`] and [`Iovec`] borrow the buffer they describe, so a host can never be handed a
//! buffer that is gone: `Ciovec<'a>` is built from a `&'a [u8]`, `Iovec<'a>` from a
//! `&'a mut [u8]`.

use core::fmt;
use core::marker::PhantomData;

use crate::WasmType;

use super::{
    Clockid, Device, Dircookie, Dirnamlen, Errno, Eventrwflags, Eventtype, Fd, Fdflags, Filesize,
    Filetype, Inode, Linkcount, Preopentype, Rights, Size, Subclockflags, Timestamp, Userdata,
};

/// A buffer the host reads from (witx `ciovec`): the data of `fd_write`, `fd_pwrite` and
/// `sock_send`.
///
/// ```
/// use wasm_function::wasi::Ciovec;
///
/// let data = b"hello";
/// let iov = Ciovec::new(data);
/// assert_eq!(iov.len(), 5);
/// assert_eq!(iov.as_slice(), b"hello");
/// ```
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Ciovec<'a> {
    buf: *const u8,
    buf_len: Size,
    _borrow: PhantomData<&'a [u8]>,
}

impl<'a> Ciovec<'a> {
    /// Describes `buf`, which stays borrowed as long as the `Ciovec` lives.
    #[inline]
    #[must_use]
    pub const fn new(buf: &'a [u8]) -> Self {
        Self {
            buf: buf.as_ptr(),
            buf_len: buf.len(),
            _borrow: PhantomData,
        }
    }

    /// The length of the buffer in bytes.
    #[inline]
    #[must_use]
    pub const fn len(&self) -> usize {
        self.buf_len
    }

    /// Whether the buffer is empty.
    #[inline]
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.buf_len == 0
    }

    /// The buffer.
    #[inline]
    #[must_use]
    pub const fn as_slice(&self) -> &'a [u8] {
        // SAFETY: `buf` and `buf_len` come from a `&'a [u8]` (the only constructor), which is
        // still borrowed for `'a`.
        unsafe { core::slice::from_raw_parts(self.buf, self.buf_len) }
    }
}

impl<'a> From<&'a [u8]> for Ciovec<'a> {
    #[inline]
    fn from(buf: &'a [u8]) -> Self {
        Self::new(buf)
    }
}

impl fmt::Debug for Ciovec<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ciovec")
            .field("buf", &self.buf)
            .field("buf_len", &self.buf_len)
            .finish()
    }
}

// SAFETY: `#[repr(C)]` of a pointer and a `usize` (4 + 4 bytes, align 4 on wasm32, asserted
// below), the zero-sized marker adding nothing. The pointer is valid for reads of `buf_len`
// bytes for `'a`, which outlives any `&Ciovec<'a>`. Not `WasmWritable`: a host-written
// pointer would be unchecked.
unsafe impl crate::abi::WasmLayout for Ciovec<'_> {}

/// A buffer the host writes into (witx `iovec`): the destination of `fd_read`, `fd_pread` and
/// `sock_recv`.
///
/// It holds the exclusive borrow of its buffer, so nothing else can read or write the buffer
/// while a host may be writing; read the data after the `Iovec` is gone.
///
/// ```
/// use wasm_function::wasi::Iovec;
///
/// let mut buf = [0_u8; 16];
/// let iov = Iovec::new(&mut buf);
/// assert_eq!(iov.len(), 16);
/// ```
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Iovec<'a> {
    buf: *mut u8,
    buf_len: Size,
    _borrow: PhantomData<&'a mut [u8]>,
}

impl<'a> Iovec<'a> {
    /// Describes `buf`, which stays exclusively borrowed as long as the `Iovec` lives.
    #[inline]
    #[must_use]
    pub const fn new(buf: &'a mut [u8]) -> Self {
        Self {
            buf: buf.as_mut_ptr(),
            buf_len: buf.len(),
            _borrow: PhantomData,
        }
    }

    /// The length of the buffer in bytes.
    #[inline]
    #[must_use]
    pub const fn len(&self) -> usize {
        self.buf_len
    }

    /// Whether the buffer is empty.
    #[inline]
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.buf_len == 0
    }

    /// The start of the buffer, writable for `len()` bytes while the `Iovec` lives (for the
    /// preview1 primitives implemented over WASI 0.2).
    #[cfg_attr(
        not(all(target_arch = "wasm32", target_env = "p2")),
        allow(dead_code, reason = "used by the wasm32-wasip2 primitives")
    )]
    #[inline]
    pub(crate) const fn as_mut_ptr(&self) -> *mut u8 {
        self.buf
    }
}

impl<'a> From<&'a mut [u8]> for Iovec<'a> {
    #[inline]
    fn from(buf: &'a mut [u8]) -> Self {
        Self::new(buf)
    }
}

impl fmt::Debug for Iovec<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iovec")
            .field("buf", &self.buf)
            .field("buf_len", &self.buf_len)
            .finish()
    }
}

// SAFETY: `#[repr(C)]` of a pointer and a `usize` (4 + 4 bytes, align 4 on wasm32, asserted
// below). The pointer is valid for reads and writes of `buf_len` bytes for `'a`: it comes from
// a `&'a mut [u8]` that stays borrowed, so a host writing through it races with nothing in
// Rust. Copies share that one borrow; no API reads the buffer through an `Iovec`.
unsafe impl crate::abi::WasmLayout for Iovec<'_> {}

/// The state of a file descriptor (witx `fdstat`), returned by `fd_fdstat_get`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, WasmType)]
#[wasm_type(size = 24, align = 8, writable)]
pub struct Fdstat {
    /// The type of the file.
    #[wasm_type(offset = 0)]
    pub fs_filetype: Filetype,
    /// The descriptor's flags.
    #[wasm_type(offset = 2)]
    pub fs_flags: Fdflags,
    /// The operations the descriptor allows.
    #[wasm_type(offset = 8)]
    pub fs_rights_base: Rights,
    /// The maximum rights of descriptors opened through this one (a directory).
    #[wasm_type(offset = 16)]
    pub fs_rights_inheriting: Rights,
}

/// The attributes of a file (witx `filestat`), returned by `fd_filestat_get` and
/// `path_filestat_get`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, WasmType)]
#[wasm_type(size = 64, align = 8, writable)]
pub struct Filestat {
    /// The device holding the file.
    #[wasm_type(offset = 0)]
    pub dev: Device,
    /// The file's serial number.
    #[wasm_type(offset = 8)]
    pub ino: Inode,
    /// The type of the file.
    #[wasm_type(offset = 16)]
    pub filetype: Filetype,
    /// The number of hard links to the file.
    #[wasm_type(offset = 24)]
    pub nlink: Linkcount,
    /// For a regular file, its size in bytes; for a symbolic link, the length of its target.
    #[wasm_type(offset = 32)]
    pub size: Filesize,
    /// Last access time, in nanoseconds since the Unix epoch.
    #[wasm_type(offset = 40)]
    pub atim: Timestamp,
    /// Last modification time, in nanoseconds since the Unix epoch.
    #[wasm_type(offset = 48)]
    pub mtim: Timestamp,
    /// Last status change time, in nanoseconds since the Unix epoch.
    #[wasm_type(offset = 56)]
    pub ctim: Timestamp,
}

/// The payload of a [`Prestat`] for a directory (witx `prestat_dir`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, WasmType)]
#[wasm_type(size = 4, align = 4, writable)]
pub struct PrestatDir {
    /// The length of the directory's name in bytes, for `fd_prestat_dir_name` (witx `size`,
    /// declared `u32` so that the layout is the same on every target).
    #[wasm_type(offset = 0)]
    pub pr_name_len: u32,
}

/// What a preopened descriptor is (witx `prestat`, a union tagged by [`Preopentype`]),
/// returned by `fd_prestat_get`.
///
/// ```
/// use wasm_function::wasi::{Preopentype, Prestat};
///
/// let p = Prestat::new_dir(4);
/// assert_eq!(p.tag(), Preopentype::DIR);
/// assert_eq!(p.as_dir().map(|d| d.pr_name_len), Some(4));
/// ```
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, WasmType)]
#[wasm_type(size = 8, align = 4, writable)]
pub struct Prestat {
    #[wasm_type(offset = 0)]
    tag: Preopentype,
    // witx `prestat` has a single case, `dir`, so the union is its payload.
    #[wasm_type(offset = 4)]
    u: PrestatDir,
}

impl Prestat {
    /// A preopened directory whose name is `pr_name_len` bytes long.
    #[inline]
    #[must_use]
    pub const fn new_dir(pr_name_len: u32) -> Self {
        Self {
            tag: Preopentype::DIR,
            u: PrestatDir { pr_name_len },
        }
    }

    /// The kind of preopened resource.
    #[inline]
    #[must_use]
    pub const fn tag(&self) -> Preopentype {
        self.tag
    }

    /// The directory payload, if the tag is [`Preopentype::DIR`].
    #[inline]
    #[must_use]
    pub const fn as_dir(&self) -> Option<PrestatDir> {
        if self.tag.raw() == Preopentype::DIR.raw() {
            Some(self.u)
        } else {
            None
        }
    }
}

/// The header of a directory entry in the output of `fd_readdir` (witx `dirent`); the
/// entry's `d_namlen` name bytes follow the 24-byte header.
///
/// The output buffer is a byte buffer with no alignment guarantee: read headers with
/// [`Dirent::from_le_bytes`] (or use [`crate::wasi::fs::ReadDir`]).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, WasmType)]
#[wasm_type(size = 24, align = 8, writable)]
pub struct Dirent {
    /// The cookie of the next entry: pass it to `fd_readdir` to continue after this entry.
    #[wasm_type(offset = 0)]
    pub d_next: Dircookie,
    /// The serial number of the file.
    #[wasm_type(offset = 8)]
    pub d_ino: Inode,
    /// The length of the name in bytes.
    #[wasm_type(offset = 16)]
    pub d_namlen: Dirnamlen,
    /// The type of the file.
    #[wasm_type(offset = 20)]
    pub d_type: Filetype,
}

impl Dirent {
    /// The size of the header in `fd_readdir` output.
    pub const SIZE: usize = 24;

    /// Reads a header from the start of `fd_readdir` output (little-endian, as in wasm
    /// memory).
    ///
    /// ```
    /// use wasm_function::wasi::{Dirent, Filetype};
    ///
    /// let d = Dirent { d_next: 7, d_ino: 42, d_namlen: 3, d_type: Filetype::DIRECTORY };
    /// assert_eq!(Dirent::from_le_bytes(&d.to_le_bytes()), d);
    /// ```
    #[must_use]
    pub fn from_le_bytes(bytes: &[u8; Self::SIZE]) -> Self {
        let u64_at = |at: usize| {
            let mut b = [0; 8];
            b.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(b)
        };
        let mut namlen = [0; 4];
        namlen.copy_from_slice(&bytes[16..20]);
        Self {
            d_next: u64_at(0),
            d_ino: u64_at(8),
            d_namlen: u32::from_le_bytes(namlen),
            d_type: Filetype::from_raw(bytes[20]),
        }
    }

    /// The header as it appears in `fd_readdir` output (padding bytes zero).
    #[must_use]
    pub fn to_le_bytes(&self) -> [u8; Self::SIZE] {
        let mut out = [0; Self::SIZE];
        out[0..8].copy_from_slice(&self.d_next.to_le_bytes());
        out[8..16].copy_from_slice(&self.d_ino.to_le_bytes());
        out[16..20].copy_from_slice(&self.d_namlen.to_le_bytes());
        out[20] = self.d_type.raw();
        out
    }
}

/// The payload of an `fd_read`/`fd_write` [`Event`] (witx `event_fd_readwrite`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, WasmType)]
#[wasm_type(size = 16, align = 8, writable)]
pub struct EventFdReadwrite {
    /// The number of bytes available to read or room to write.
    #[wasm_type(offset = 0)]
    pub nbytes: Filesize,
    /// The state of the descriptor.
    #[wasm_type(offset = 8)]
    pub flags: Eventrwflags,
}

/// An event that occurred, written by `poll_oneoff` (witx `event`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, WasmType)]
#[wasm_type(size = 32, align = 8, writable)]
pub struct Event {
    /// The `userdata` of the subscription that caused the event.
    #[wasm_type(offset = 0)]
    pub userdata: Userdata,
    /// Whether the subscription failed: [`Errno::SUCCESS`] if not.
    #[wasm_type(offset = 8)]
    pub error: Errno,
    /// The kind of event, the tag of the subscription that caused it.
    #[wasm_type(offset = 10)]
    pub type_: Eventtype,
    /// For [`Eventtype::FD_READ`] and [`Eventtype::FD_WRITE`], the descriptor's state;
    /// zero otherwise.
    #[wasm_type(offset = 16)]
    pub fd_readwrite: EventFdReadwrite,
}

impl Event {
    /// An all-zero event, to fill an output buffer for `poll_oneoff`.
    pub const ZERO: Self = Self {
        userdata: 0,
        error: Errno::SUCCESS,
        type_: Eventtype::CLOCK,
        fd_readwrite: EventFdReadwrite {
            nbytes: 0,
            flags: Eventrwflags::empty(),
        },
    };

    /// `Ok(())` if the event's `error` is [`Errno::SUCCESS`], else `Err(error)`.
    ///
    /// # Errors
    ///
    /// The event's `error`, unless it is [`Errno::SUCCESS`].
    #[inline]
    pub const fn result(&self) -> Result<(), Errno> {
        self.error.result()
    }
}

impl Default for Event {
    fn default() -> Self {
        Self::ZERO
    }
}

/// The payload of a clock [`Subscription`] (witx `subscription_clock`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, WasmType)]
#[wasm_type(size = 32, align = 8, writable)]
pub struct SubscriptionClock {
    /// The clock to wait on.
    #[wasm_type(offset = 0)]
    pub id: Clockid,
    /// The timeout in nanoseconds: a duration from now, or with
    /// [`Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME`] a time on the clock.
    #[wasm_type(offset = 8)]
    pub timeout: Timestamp,
    /// How much later than `timeout` the event may occur, in nanoseconds.
    #[wasm_type(offset = 16)]
    pub precision: Timestamp,
    /// Whether `timeout` is absolute.
    #[wasm_type(offset = 24)]
    pub flags: Subclockflags,
}

/// The payload of an `fd_read`/`fd_write` [`Subscription`] (witx
/// `subscription_fd_readwrite`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, WasmType)]
#[wasm_type(size = 4, align = 4, writable)]
pub struct SubscriptionFdReadwrite {
    /// The descriptor to wait on.
    #[wasm_type(offset = 0)]
    pub file_descriptor: Fd,
}

/// Something `poll_oneoff` waits for (witx `subscription`: `userdata` and a union tagged by
/// [`Eventtype`]).
///
/// Built with [`Subscription::clock`], [`Subscription::timeout`], [`Subscription::fd_read`] or
/// [`Subscription::fd_write`], so the tag always matches the payload.
///
/// ```
/// use wasm_function::wasi::{Clockid, Eventtype, Fd, Subscription};
///
/// let sleep = Subscription::timeout(1, Clockid::MONOTONIC, 10_000_000);
/// assert_eq!(sleep.tag(), Eventtype::CLOCK);
/// assert_eq!(sleep.as_clock().unwrap().timeout, 10_000_000);
///
/// let input = Subscription::fd_read(2, Fd::STDIN);
/// assert_eq!(input.fd(), Some(Fd::STDIN));
/// assert_eq!(input.as_clock(), None);
/// ```
// `WasmLayout` only, not `writable`: the host only reads subscriptions, and the tag must match
// the payload.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, WasmType)]
#[wasm_type(size = 48, align = 8)]
pub struct Subscription {
    #[wasm_type(offset = 0)]
    userdata: Userdata,
    #[wasm_type(offset = 8)]
    tag: Eventtype,
    // The witx union `subscription_u` at offset 8 is `{ tag: u8, u: union { clock:
    // subscription_clock (32 B, align 8), fd_read/fd_write: subscription_fd_readwrite (4 B) } }`.
    // Flattened, the tag sits at 8 and the payload at 16. The payload is stored as the
    // largest case, `subscription_clock`; the fd cases keep their descriptor in its first
    // four bytes (`id`), exactly where `subscription_fd_readwrite.file_descriptor` lies, and
    // zeros after it. No Rust `union`, so every field is always initialised.
    #[wasm_type(offset = 16)]
    payload: SubscriptionClock,
}

impl Subscription {
    /// A subscription to a clock event.
    #[inline]
    #[must_use]
    pub const fn clock(userdata: Userdata, clock: SubscriptionClock) -> Self {
        Self {
            userdata,
            tag: Eventtype::CLOCK,
            payload: clock,
        }
    }

    /// A subscription that fires `nanos` nanoseconds from now on `clock`.
    #[inline]
    #[must_use]
    pub const fn timeout(userdata: Userdata, clock: Clockid, nanos: Timestamp) -> Self {
        Self::clock(
            userdata,
            SubscriptionClock {
                id: clock,
                timeout: nanos,
                precision: 0,
                flags: Subclockflags::empty(),
            },
        )
    }

    /// A subscription that fires when `fd` has data to read.
    #[inline]
    #[must_use]
    pub const fn fd_read(userdata: Userdata, fd: Fd) -> Self {
        Self::fd_subscription(userdata, Eventtype::FD_READ, fd)
    }

    /// A subscription that fires when `fd` can accept data to write.
    #[inline]
    #[must_use]
    pub const fn fd_write(userdata: Userdata, fd: Fd) -> Self {
        Self::fd_subscription(userdata, Eventtype::FD_WRITE, fd)
    }

    const fn fd_subscription(userdata: Userdata, tag: Eventtype, fd: Fd) -> Self {
        Self {
            userdata,
            tag,
            payload: SubscriptionClock {
                id: Clockid::from_raw(fd.raw()),
                timeout: 0,
                precision: 0,
                flags: Subclockflags::empty(),
            },
        }
    }

    /// The value given back in the [`Event`] this subscription causes.
    #[inline]
    #[must_use]
    pub const fn userdata(&self) -> Userdata {
        self.userdata
    }

    /// The kind of subscription.
    #[inline]
    #[must_use]
    pub const fn tag(&self) -> Eventtype {
        self.tag
    }

    /// The clock payload, if this is a clock subscription.
    #[inline]
    #[must_use]
    pub const fn as_clock(&self) -> Option<SubscriptionClock> {
        if self.tag.raw() == Eventtype::CLOCK.raw() {
            Some(self.payload)
        } else {
            None
        }
    }

    /// The descriptor payload, if this is an `fd_read` or `fd_write` subscription.
    #[inline]
    #[must_use]
    pub const fn as_fd_readwrite(&self) -> Option<SubscriptionFdReadwrite> {
        match self.fd() {
            Some(file_descriptor) => Some(SubscriptionFdReadwrite { file_descriptor }),
            None => None,
        }
    }

    /// The descriptor, if this is an `fd_read` or `fd_write` subscription.
    #[inline]
    #[must_use]
    pub const fn fd(&self) -> Option<Fd> {
        if self.tag.raw() == Eventtype::FD_READ.raw() || self.tag.raw() == Eventtype::FD_WRITE.raw()
        {
            Some(Fd::from_raw(self.payload.id.raw()))
        } else {
            None
        }
    }
}

impl fmt::Debug for Subscription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Subscription");
        s.field("userdata", &self.userdata).field("tag", &self.tag);
        if let Some(clock) = self.as_clock() {
            s.field("clock", &clock);
        } else if let Some(fd) = self.fd() {
            s.field("file_descriptor", &fd);
        }
        s.finish()
    }
}

/// Asserts at compile time a record's size, alignment and field offsets: for [`Ciovec`] and
/// [`Iovec`], which hold pointers (so only wasm32 has their layout) and whose `WasmLayout`
/// rests on their constructors, so they implement it by hand instead of deriving it. The other
/// records state their layout in `#[wasm_type(..)]`, and the derive asserts it.
#[cfg(target_arch = "wasm32")]
macro_rules! assert_layout {
    ($name:ty, size $size:literal, align $align:literal, { $($field:ident @ $offset:literal),* $(,)? }) => {
        const _: () = {
            assert!(core::mem::size_of::<$name>() == $size, concat!("size of ", stringify!($name)));
            assert!(core::mem::align_of::<$name>() == $align, concat!("align of ", stringify!($name)));
            $(assert!(
                core::mem::offset_of!($name, $field) == $offset,
                concat!("offset of ", stringify!($name), ".", stringify!($field))
            );)*
        };
    };
}

#[cfg(target_arch = "wasm32")]
assert_layout!(Ciovec<'static>, size 8, align 4, { buf @ 0, buf_len @ 4 });
#[cfg(target_arch = "wasm32")]
assert_layout!(Iovec<'static>, size 8, align 4, { buf @ 0, buf_len @ 4 });
const _: () = assert!(Dirent::SIZE == core::mem::size_of::<Dirent>());

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::format;

    /// The bytes `range` of `value`, which must cover initialised fields only (no padding).
    fn bytes_at<T>(value: &T, range: core::ops::Range<usize>) -> &[u8] {
        assert!(range.start <= range.end && range.end <= core::mem::size_of::<T>());
        // SAFETY: the range lies within `*value` (checked above) and the callers pick ranges
        // made of fields, whose bytes are initialised; the slice borrows `value`.
        unsafe {
            core::slice::from_raw_parts(
                core::ptr::from_ref(value).cast::<u8>().add(range.start),
                range.end - range.start,
            )
        }
    }

    #[test]
    fn subscription_bytes_match_the_witx_union_layout() {
        let clock = Subscription::clock(
            0x1122_3344_5566_7788,
            SubscriptionClock {
                id: Clockid::MONOTONIC,
                timeout: 10,
                precision: 3,
                flags: Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME,
            },
        );
        assert_eq!(
            bytes_at(&clock, 0..8),
            0x1122_3344_5566_7788_u64.to_le_bytes()
        );
        assert_eq!(bytes_at(&clock, 8..9), [0]); // tag: clock
        assert_eq!(bytes_at(&clock, 16..20), 1_u32.to_le_bytes()); // id
        assert_eq!(bytes_at(&clock, 24..32), 10_u64.to_le_bytes()); // timeout
        assert_eq!(bytes_at(&clock, 32..40), 3_u64.to_le_bytes()); // precision
        assert_eq!(bytes_at(&clock, 40..42), 1_u16.to_le_bytes()); // flags

        let fd = Subscription::fd_write(9, Fd::from_raw(0xdead_beef));
        assert_eq!(bytes_at(&fd, 0..8), 9_u64.to_le_bytes());
        assert_eq!(bytes_at(&fd, 8..9), [2]); // tag: fd_write
        assert_eq!(bytes_at(&fd, 16..20), 0xdead_beef_u32.to_le_bytes()); // file_descriptor
        assert!(bytes_at(&fd, 24..42).iter().all(|&x| x == 0));
    }

    #[test]
    fn subscription_accessors() {
        let s = Subscription::timeout(5, Clockid::REALTIME, 1_000);
        assert_eq!(s.userdata(), 5);
        assert_eq!(s.tag(), Eventtype::CLOCK);
        assert_eq!(s.fd(), None);
        assert_eq!(s.as_fd_readwrite(), None);
        let c = s.as_clock().unwrap();
        assert_eq!(
            (c.id, c.timeout, c.precision),
            (Clockid::REALTIME, 1_000, 0)
        );
        assert!(c.flags.is_empty());

        let r = Subscription::fd_read(6, Fd::STDIN);
        assert_eq!(r.tag(), Eventtype::FD_READ);
        assert_eq!(
            r.as_fd_readwrite(),
            Some(SubscriptionFdReadwrite {
                file_descriptor: Fd::STDIN
            })
        );
        assert_eq!(
            format!("{r:?}"),
            "Subscription { userdata: 6, tag: Eventtype::FD_READ, file_descriptor: Fd(0) }"
        );
    }

    #[test]
    fn prestat_and_event() {
        let p = Prestat::new_dir(12);
        assert_eq!(p.tag(), Preopentype::DIR);
        assert_eq!(p.as_dir(), Some(PrestatDir { pr_name_len: 12 }));
        assert_eq!(bytes_at(&p, 0..1), [0]);
        assert_eq!(bytes_at(&p, 4..8), [12, 0, 0, 0]);
        let unknown = Prestat {
            tag: Preopentype::from_raw(1),
            u: PrestatDir { pr_name_len: 3 },
        };
        assert_eq!(unknown.as_dir(), None);

        assert_eq!(Event::default(), Event::ZERO);
        assert_eq!(Event::ZERO.result(), Ok(()));
        let failed = Event {
            error: Errno::BADF,
            ..Event::ZERO
        };
        assert_eq!(failed.result(), Err(Errno::BADF));
    }

    #[test]
    fn dirent_round_trips_through_bytes() {
        let d = Dirent {
            d_next: 0x0102_0304_0506_0708,
            d_ino: 99,
            d_namlen: 5,
            d_type: Filetype::SYMBOLIC_LINK,
        };
        let b = d.to_le_bytes();
        assert_eq!(&b[0..8], &[8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(b[16], 5);
        assert_eq!(b[20], 7);
        assert_eq!(&b[21..], &[0, 0, 0]);
        assert_eq!(Dirent::from_le_bytes(&b), d);
    }

    #[test]
    fn iovecs_describe_their_buffers() {
        let data = [1_u8, 2, 3];
        let c = Ciovec::new(&data);
        assert_eq!(c.len(), 3);
        assert!(!c.is_empty());
        assert_eq!(c.as_slice(), &[1, 2, 3]);
        assert!(Ciovec::from(&[][..]).is_empty());
        let mut buf = [0_u8; 4];
        let i = Iovec::from(&mut buf[..]);
        assert_eq!(i.len(), 4);
        assert!(!i.is_empty());
        assert!(format!("{i:?}").starts_with("Iovec { buf: 0x"));
    }
}
