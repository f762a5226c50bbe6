//! The preview1 primitives over WASI 0.2.
//!
//! Until every function is implemented here, the rest come from [`raw`](crate::wasi::raw)
//! (through the preview1 adapter the linker adds); an item defined or imported by name below
//! shadows the glob.

pub use crate::wasi::raw::*;

use crate::wasi::{Ciovec, Errno, Fd, Iovec, Size};

mod convert;
mod errno;
mod fd;
mod path;
mod table;

// The filesystem: descriptors of the table (fd 3 up) over wasi:filesystem.
pub use fd::{
    fd_advise, fd_allocate, fd_close, fd_datasync, fd_fdstat_get, fd_fdstat_set_flags,
    fd_fdstat_set_rights, fd_filestat_get, fd_filestat_set_size, fd_filestat_set_times, fd_pread,
    fd_prestat_dir_name, fd_prestat_get, fd_pwrite, fd_readdir, fd_renumber, fd_seek, fd_sync,
    fd_tell, sock_accept, sock_recv, sock_send, sock_shutdown,
};
pub use path::{
    path_create_directory, path_filestat_get, path_filestat_set_times, path_link, path_open,
    path_readlink, path_remove_directory, path_rename, path_symlink, path_unlink_file,
};

mod stdio;

/// `fd_read`: the CLI's stdin for fd 0 (through `raw` until the CLI streams are native), a
/// file of the table otherwise.
pub fn fd_read(fd: Fd, iovs: &[Iovec<'_>]) -> Result<Size, Errno> {
    if table::is_stdio(fd) {
        crate::wasi::raw::fd_read(fd, iovs)
    } else {
        fd::read(fd, iovs)
    }
}

/// `fd_write`: the CLI's stdout and stderr for fds 1 and 2, a file of the table otherwise.
pub fn fd_write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<Size, Errno> {
    if table::is_stdio(fd) {
        stdio::write(fd, iovs)
    } else {
        fd::write(fd, iovs)
    }
}
