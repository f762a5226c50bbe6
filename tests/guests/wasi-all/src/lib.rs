//! References every function of [`wasm_function::wasi::raw`] without calling any, so that the
//! module imports all 46 of `wasi_snapshot_preview1` and nothing else.
//!
//! `_start` takes the address of each declaration and passes the table through
//! [`core::hint::black_box`]: the optimiser must assume every function is used, so each
//! wrapper — and the import inside it — is kept, yet nothing is executed. The test reads the
//! import section back and compares it with the reference table.
#![no_std]

use core::hint::black_box;

use wasm_function::wasi::raw;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The address of each function of [`raw`], as an array.
macro_rules! addresses {
    ($($name:ident),* $(,)?) => {
        [$(raw::$name as *const ()),*]
    };
}

/// The 46 functions, in the order of the reference table.
fn all() -> [*const (); 46] {
    addresses![
        args_get,
        args_sizes_get,
        environ_get,
        environ_sizes_get,
        clock_res_get,
        clock_time_get,
        fd_advise,
        fd_allocate,
        fd_close,
        fd_datasync,
        fd_fdstat_get,
        fd_fdstat_set_flags,
        fd_fdstat_set_rights,
        fd_filestat_get,
        fd_filestat_set_size,
        fd_filestat_set_times,
        fd_pread,
        fd_prestat_get,
        fd_prestat_dir_name,
        fd_pwrite,
        fd_read,
        fd_readdir,
        fd_renumber,
        fd_seek,
        fd_sync,
        fd_tell,
        fd_write,
        path_create_directory,
        path_filestat_get,
        path_filestat_set_times,
        path_link,
        path_open,
        path_readlink,
        path_remove_directory,
        path_rename,
        path_symlink,
        path_unlink_file,
        poll_oneoff,
        proc_exit,
        proc_raise,
        sched_yield,
        random_get,
        sock_accept,
        sock_recv,
        sock_send,
        sock_shutdown,
    ]
}

/// The entry point: keeps every function alive and calls none.
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    black_box(all());
}
