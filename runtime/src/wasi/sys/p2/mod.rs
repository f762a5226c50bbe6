//! The preview1 primitives over WASI 0.2: all 46 functions of `raw`, by the same names and
//! signatures, none through the preview1 adapter.

// Arguments, environment, exit, signals and yielding: `wasi:cli`.
mod cli;
pub use cli::{
    args_get, args_sizes_get, environ_get, environ_sizes_get, proc_exit, proc_raise, sched_yield,
};

// Clocks and `poll_oneoff`: `wasi:clocks` and `wasi:io/poll`.
mod clock;
pub use clock::{clock_res_get, clock_time_get, poll_oneoff};

// `random_get`: `wasi:random`.
mod random;
pub use random::random_get;

// `fd_write`/`fd_read` on the standard streams; other descriptors through `fd`.
mod fd;
mod stdio;
#[doc(hidden)]
pub use stdio::print_line;
pub use stdio::{fd_read, fd_write};

// The filesystem: the descriptor table (fd 3 up) over `wasi:filesystem`.
mod convert;
mod errno;
mod path;
mod table;
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
