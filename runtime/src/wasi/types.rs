//! Scalar typenames of WASI preview1: [`Fd`] and the integer aliases.

use core::fmt;

use crate::WasmType;

/// A size in bytes or a count of elements (witx `size`, a `u32` on wasm32).
pub type Size = usize;
/// A file size or offset in bytes (witx `filesize`).
pub type Filesize = u64;
/// A point in time or a duration, in nanoseconds (witx `timestamp`).
pub type Timestamp = u64;
/// A signed offset relative to a position in a file, in bytes (witx `filedelta`).
pub type Filedelta = i64;
/// A position in a directory listing, passed back to `fd_readdir` to continue (witx
/// `dircookie`); [`DIRCOOKIE_START`] starts at the beginning.
pub type Dircookie = u64;
/// The length of a directory entry's name in bytes (witx `dirnamlen`).
pub type Dirnamlen = u32;
/// A file serial number, unique within a device (witx `inode`).
pub type Inode = u64;
/// The identifier of a device holding a file (witx `device`).
pub type Device = u64;
/// The number of hard links to a file (witx `linkcount`).
pub type Linkcount = u64;
/// A value the caller attaches to a subscription and gets back in the event (witx `userdata`).
pub type Userdata = u64;
/// A process exit status (witx `exitcode`).
pub type Exitcode = u32;

/// The [`Dircookie`] that starts a directory listing at its first entry.
pub const DIRCOOKIE_START: Dircookie = 0;

/// A file descriptor (witx `fd`, a handle represented as `u32`).
///
/// A plain number: it does not own the descriptor and does not close it on drop (see
/// [`crate::wasi::fs::File`] for an owning handle). Any value is valid to pass; a host
/// answers [`Errno::BADF`](crate::wasi::Errno::BADF) for one that is not open.
///
/// ```
/// use wasm_function::wasi::Fd;
///
/// assert_eq!(Fd::STDOUT.raw(), 1);
/// assert_eq!(Fd::from_raw(3), Fd::FIRST_PREOPEN);
/// assert_eq!(format!("{:?}", Fd::STDERR), "Fd(2)");
/// ```
#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, WasmType)]
pub struct Fd(u32);

impl Fd {
    /// Standard input, descriptor 0.
    pub const STDIN: Self = Self(0);
    /// Standard output, descriptor 1.
    pub const STDOUT: Self = Self(1);
    /// Standard error, descriptor 2.
    pub const STDERR: Self = Self(2);
    /// Where preopened directories conventionally start: descriptor 3.
    pub const FIRST_PREOPEN: Self = Self(3);

    /// Wraps a raw descriptor number.
    #[inline]
    #[must_use]
    pub const fn from_raw(raw: u32) -> Self {
        Self(raw)
    }

    /// The raw descriptor number.
    #[inline]
    #[must_use]
    pub const fn raw(self) -> u32 {
        self.0
    }

    /// The descriptor after this one, or `None` at `u32::MAX`.
    #[inline]
    #[must_use]
    pub const fn next(self) -> Option<Self> {
        match self.0.checked_add(1) {
            Some(raw) => Some(Self(raw)),
            None => None,
        }
    }
}

impl fmt::Debug for Fd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fd({})", self.0)
    }
}

impl fmt::Display for Fd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<u32> for Fd {
    #[inline]
    fn from(raw: u32) -> Self {
        Self(raw)
    }
}

impl From<Fd> for u32 {
    #[inline]
    fn from(fd: Fd) -> Self {
        fd.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::WasmType;

    #[test]
    fn standard_descriptors() {
        assert_eq!(Fd::STDIN.raw(), 0);
        assert_eq!(Fd::STDOUT.raw(), 1);
        assert_eq!(Fd::STDERR.raw(), 2);
        assert_eq!(Fd::FIRST_PREOPEN.raw(), 3);
        assert_eq!(Fd::STDERR.next(), Some(Fd::FIRST_PREOPEN));
        assert_eq!(Fd::from_raw(u32::MAX).next(), None);
    }

    #[test]
    fn fd_lowers_to_i32() {
        assert_eq!(Fd::from_raw(u32::MAX).into_core(), -1_i32);
        assert_eq!(Fd::from_core(7), Fd::from_raw(7));
        assert_eq!(core::mem::size_of::<Fd>(), 4);
        assert_eq!(core::mem::align_of::<Fd>(), 4);
    }
}
