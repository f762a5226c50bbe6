//! Descriptors other than 0, 1 and 2 (files and directories), over `wasi:filesystem`.
//!
//! A stub: the descriptor table belongs to the filesystem layer, which replaces this file.

use crate::wasi::{Ciovec, Errno, Fd, Iovec, Size};

/// `fd_write` on a descriptor other than stdout/stderr.
pub(super) fn write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<Size, Errno> {
    let _ = (fd, iovs);
    Err(Errno::BADF)
}

/// `fd_read` on a descriptor other than stdin.
pub(super) fn read(fd: Fd, iovs: &[Iovec<'_>]) -> Result<Size, Errno> {
    let _ = (fd, iovs);
    Err(Errno::BADF)
}
