//! Flag sets of WASI preview1 (witx `flags`): [`Rights`], [`Fdflags`], [`Oflags`], …
//!
//! Each is a `#[repr(transparent)]` newtype with one associated constant per flag and the
//! operations of the `bitflags` crate: `|`, `&`, `^`, `-`, `!` (within the defined flags) and
//! their assigning forms, [`contains`](Rights::contains), [`empty`](Rights::empty),
//! [`all`](Rights::all), [`bits`](Rights::bits), [`from_bits_retain`](Rights::from_bits_retain)
//! and `Debug` listing the set flags.
//!
//! ```
//! use wasm_function::wasi::{Oflags, Rights};
//!
//! let mut o = Oflags::CREAT | Oflags::TRUNC;
//! assert!(o.contains(Oflags::CREAT));
//! o -= Oflags::TRUNC;
//! assert_eq!(o, Oflags::CREAT);
//! assert_eq!(format!("{:?}", Oflags::CREAT | Oflags::EXCL), "Oflags(CREAT | EXCL)");
//! assert_eq!(Rights::all().bits(), 0x3fff_ffff);
//! ```

wasi_flags! {
    /// The rights a file descriptor carries (witx `rights`, a `u64`): which operations may be
    /// performed on it, and, for a directory, on the descriptors opened through it.
    Rights(u64) {
        /// The right to invoke `fd_datasync`; with [`Rights::PATH_OPEN`], to open with
        /// [`Fdflags::DSYNC`].
        FD_DATASYNC = 1 << 0, "fd_datasync";
        /// The right to invoke `fd_read` and `sock_recv`; with [`Rights::FD_SEEK`], `fd_pread`.
        FD_READ = 1 << 1, "fd_read";
        /// The right to invoke `fd_seek`; implies [`Rights::FD_TELL`].
        FD_SEEK = 1 << 2, "fd_seek";
        /// The right to invoke `fd_fdstat_set_flags`.
        FD_FDSTAT_SET_FLAGS = 1 << 3, "fd_fdstat_set_flags";
        /// The right to invoke `fd_sync`; with [`Rights::PATH_OPEN`], to open with
        /// [`Fdflags::RSYNC`] and [`Fdflags::DSYNC`].
        FD_SYNC = 1 << 4, "fd_sync";
        /// The right to invoke `fd_tell`, or `fd_seek` without moving the offset.
        FD_TELL = 1 << 5, "fd_tell";
        /// The right to invoke `fd_write` and `sock_send`; with [`Rights::FD_SEEK`],
        /// `fd_pwrite`.
        FD_WRITE = 1 << 6, "fd_write";
        /// The right to invoke `fd_advise`.
        FD_ADVISE = 1 << 7, "fd_advise";
        /// The right to invoke `fd_allocate`.
        FD_ALLOCATE = 1 << 8, "fd_allocate";
        /// The right to invoke `path_create_directory`.
        PATH_CREATE_DIRECTORY = 1 << 9, "path_create_directory";
        /// With [`Rights::PATH_OPEN`], the right to open with [`Oflags::CREAT`].
        PATH_CREATE_FILE = 1 << 10, "path_create_file";
        /// The right to invoke `path_link` with the descriptor as the source directory.
        PATH_LINK_SOURCE = 1 << 11, "path_link_source";
        /// The right to invoke `path_link` with the descriptor as the target directory.
        PATH_LINK_TARGET = 1 << 12, "path_link_target";
        /// The right to invoke `path_open`.
        PATH_OPEN = 1 << 13, "path_open";
        /// The right to invoke `fd_readdir`.
        FD_READDIR = 1 << 14, "fd_readdir";
        /// The right to invoke `path_readlink`.
        PATH_READLINK = 1 << 15, "path_readlink";
        /// The right to invoke `path_rename` with the descriptor as the source directory.
        PATH_RENAME_SOURCE = 1 << 16, "path_rename_source";
        /// The right to invoke `path_rename` with the descriptor as the target directory.
        PATH_RENAME_TARGET = 1 << 17, "path_rename_target";
        /// The right to invoke `path_filestat_get`.
        PATH_FILESTAT_GET = 1 << 18, "path_filestat_get";
        /// The right to change a file's size through a path; with [`Rights::PATH_OPEN`], to
        /// open with [`Oflags::TRUNC`].
        PATH_FILESTAT_SET_SIZE = 1 << 19, "path_filestat_set_size";
        /// The right to invoke `path_filestat_set_times`.
        PATH_FILESTAT_SET_TIMES = 1 << 20, "path_filestat_set_times";
        /// The right to invoke `fd_filestat_get`.
        FD_FILESTAT_GET = 1 << 21, "fd_filestat_get";
        /// The right to invoke `fd_filestat_set_size`.
        FD_FILESTAT_SET_SIZE = 1 << 22, "fd_filestat_set_size";
        /// The right to invoke `fd_filestat_set_times`.
        FD_FILESTAT_SET_TIMES = 1 << 23, "fd_filestat_set_times";
        /// The right to invoke `path_symlink`.
        PATH_SYMLINK = 1 << 24, "path_symlink";
        /// The right to invoke `path_remove_directory`.
        PATH_REMOVE_DIRECTORY = 1 << 25, "path_remove_directory";
        /// The right to invoke `path_unlink_file`.
        PATH_UNLINK_FILE = 1 << 26, "path_unlink_file";
        /// With [`Rights::FD_READ`] or [`Rights::FD_WRITE`], the right to subscribe to the
        /// descriptor's readiness in `poll_oneoff`.
        POLL_FD_READWRITE = 1 << 27, "poll_fd_readwrite";
        /// The right to invoke `sock_shutdown`.
        SOCK_SHUTDOWN = 1 << 28, "sock_shutdown";
        /// The right to invoke `sock_accept`.
        SOCK_ACCEPT = 1 << 29, "sock_accept";
    }
}

wasi_flags! {
    /// File descriptor flags (witx `fdflags`, a `u16`), set by `path_open` and
    /// `fd_fdstat_set_flags`.
    Fdflags(u16) {
        /// Append mode: data written is appended to the end of the file.
        APPEND = 1 << 0, "append";
        /// Write according to synchronized I/O data integrity completion.
        DSYNC = 1 << 1, "dsync";
        /// Non-blocking mode.
        NONBLOCK = 1 << 2, "nonblock";
        /// Synchronized read I/O operations.
        RSYNC = 1 << 3, "rsync";
        /// Write according to synchronized I/O file integrity completion.
        SYNC = 1 << 4, "sync";
    }
}

wasi_flags! {
    /// Open flags of `path_open` (witx `oflags`, a `u16`).
    Oflags(u16) {
        /// Create the file if it does not exist.
        CREAT = 1 << 0, "creat";
        /// Fail if the path is not a directory.
        DIRECTORY = 1 << 1, "directory";
        /// With [`Oflags::CREAT`], fail if the file already exists.
        EXCL = 1 << 2, "excl";
        /// Truncate the file to size 0.
        TRUNC = 1 << 3, "trunc";
    }
}

wasi_flags! {
    /// How a path is resolved (witx `lookupflags`, a `u32`).
    Lookupflags(u32) {
        /// Follow a symbolic link in the last component of the path.
        SYMLINK_FOLLOW = 1 << 0, "symlink_follow";
    }
}

wasi_flags! {
    /// Which timestamps `fd_filestat_set_times` and `path_filestat_set_times` change (witx
    /// `fstflags`, a `u16`).
    Fstflags(u16) {
        /// Set the access time to the given value.
        ATIM = 1 << 0, "atim";
        /// Set the access time to the current time.
        ATIM_NOW = 1 << 1, "atim_now";
        /// Set the modification time to the given value.
        MTIM = 1 << 2, "mtim";
        /// Set the modification time to the current time.
        MTIM_NOW = 1 << 3, "mtim_now";
    }
}

wasi_flags! {
    /// Flags of `sock_recv` (witx `riflags`, a `u16`).
    Riflags(u16) {
        /// Return the data without removing it from the socket's receive queue.
        RECV_PEEK = 1 << 0, "recv_peek";
        /// Wait until the whole buffer is filled.
        RECV_WAITALL = 1 << 1, "recv_waitall";
    }
}

wasi_flags! {
    /// Flags returned by `sock_recv` (witx `roflags`, a `u16`).
    Roflags(u16) {
        /// The message was truncated to fit the buffers.
        RECV_DATA_TRUNCATED = 1 << 0, "recv_data_truncated";
    }
}

wasi_flags! {
    /// Flags of `sock_send` (witx `siflags`, a `u16`): none are defined, pass
    /// [`Siflags::empty()`].
    Siflags(u16) {}
}

wasi_flags! {
    /// Which channels of a socket `sock_shutdown` shuts down (witx `sdflags`, a `u8`).
    Sdflags(u8) {
        /// The receiving channel.
        RD = 1 << 0, "rd";
        /// The sending channel.
        WR = 1 << 1, "wr";
    }
}

wasi_flags! {
    /// The state of a descriptor in an `fd_read`/`fd_write` event (witx `eventrwflags`, a
    /// `u16`).
    Eventrwflags(u16) {
        /// The peer of this socket has closed or disconnected.
        FD_READWRITE_HANGUP = 1 << 0, "fd_readwrite_hangup";
    }
}

wasi_flags! {
    /// Flags of a clock subscription (witx `subclockflags`, a `u16`).
    Subclockflags(u16) {
        /// The timeout is an absolute time on the clock, not a duration from now.
        SUBSCRIPTION_CLOCK_ABSTIME = 1 << 0, "subscription_clock_abstime";
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::abi::WasmType;
    use std::format;
    use std::vec::Vec;

    #[test]
    fn rights_have_the_reference_bits() {
        let names: Vec<&str> = Rights::FLAGS.iter().map(|&(_, witx, _)| witx).collect();
        assert_eq!(
            names,
            [
                "fd_datasync",
                "fd_read",
                "fd_seek",
                "fd_fdstat_set_flags",
                "fd_sync",
                "fd_tell",
                "fd_write",
                "fd_advise",
                "fd_allocate",
                "path_create_directory",
                "path_create_file",
                "path_link_source",
                "path_link_target",
                "path_open",
                "fd_readdir",
                "path_readlink",
                "path_rename_source",
                "path_rename_target",
                "path_filestat_get",
                "path_filestat_set_size",
                "path_filestat_set_times",
                "fd_filestat_get",
                "fd_filestat_set_size",
                "fd_filestat_set_times",
                "path_symlink",
                "path_remove_directory",
                "path_unlink_file",
                "poll_fd_readwrite",
                "sock_shutdown",
                "sock_accept",
            ]
        );
        for (bit, &(_, _, flag)) in Rights::FLAGS.iter().enumerate() {
            assert_eq!(flag.bits(), 1 << bit);
        }
        assert_eq!(Rights::all().bits(), 0x3FFF_FFFF);
        assert_eq!(Rights::FD_READ.bits(), 2);
        assert_eq!(Rights::SOCK_ACCEPT.bits(), 1 << 29);
    }

    #[test]
    fn small_flag_sets_have_the_reference_bits() {
        assert_eq!(Fdflags::APPEND.bits(), 0x1);
        assert_eq!(Fdflags::DSYNC.bits(), 0x2);
        assert_eq!(Fdflags::NONBLOCK.bits(), 0x4);
        assert_eq!(Fdflags::RSYNC.bits(), 0x8);
        assert_eq!(Fdflags::SYNC.bits(), 0x10);
        assert_eq!(Fdflags::all().bits(), 0x1f);
        assert_eq!(Oflags::CREAT.bits(), 0x1);
        assert_eq!(Oflags::DIRECTORY.bits(), 0x2);
        assert_eq!(Oflags::EXCL.bits(), 0x4);
        assert_eq!(Oflags::TRUNC.bits(), 0x8);
        assert_eq!(Lookupflags::SYMLINK_FOLLOW.bits(), 1);
        assert_eq!(Fstflags::ATIM.bits(), 1);
        assert_eq!(Fstflags::ATIM_NOW.bits(), 2);
        assert_eq!(Fstflags::MTIM.bits(), 4);
        assert_eq!(Fstflags::MTIM_NOW.bits(), 8);
        assert_eq!(Riflags::RECV_PEEK.bits(), 1);
        assert_eq!(Riflags::RECV_WAITALL.bits(), 2);
        assert_eq!(Roflags::RECV_DATA_TRUNCATED.bits(), 1);
        assert_eq!(Siflags::all(), Siflags::empty());
        assert_eq!(Sdflags::RD.bits(), 1);
        assert_eq!(Sdflags::WR.bits(), 2);
        assert_eq!(Eventrwflags::FD_READWRITE_HANGUP.bits(), 1);
        assert_eq!(Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME.bits(), 1);
    }

    #[test]
    fn operators() {
        let rw = Rights::FD_READ | Rights::FD_WRITE;
        assert_eq!(rw.bits(), 0b100_0010);
        assert!(rw.contains(Rights::FD_READ));
        assert!(!rw.contains(Rights::FD_READ | Rights::FD_SEEK));
        assert!(rw.intersects(Rights::FD_READ | Rights::FD_SEEK));
        assert_eq!(rw & Rights::FD_WRITE, Rights::FD_WRITE);
        assert_eq!(rw ^ Rights::FD_WRITE, Rights::FD_READ);
        assert_eq!(rw - Rights::FD_READ, Rights::FD_WRITE);
        assert_eq!(!Rights::empty(), Rights::all());
        assert_eq!(!Rights::all(), Rights::empty());
        assert_eq!((!Oflags::CREAT).bits(), 0b1110);

        let mut o = Oflags::empty();
        assert!(o.is_empty());
        o |= Oflags::CREAT;
        o |= Oflags::EXCL;
        assert_eq!(o.bits(), 0b101);
        o &= Oflags::CREAT | Oflags::TRUNC;
        assert_eq!(o, Oflags::CREAT);
        o ^= Oflags::all();
        assert_eq!(o, Oflags::DIRECTORY | Oflags::EXCL | Oflags::TRUNC);
        o -= Oflags::EXCL;
        assert_eq!(o, Oflags::DIRECTORY | Oflags::TRUNC);
        o.set(Oflags::CREAT, true);
        o.set(Oflags::TRUNC, false);
        assert_eq!(o, Oflags::CREAT | Oflags::DIRECTORY);
        o.toggle(Oflags::CREAT);
        o.remove(Oflags::DIRECTORY);
        o.insert(Oflags::EXCL);
        assert_eq!(o, Oflags::EXCL);
        assert!(Oflags::all().is_all());
        assert!(!o.is_all());
        let collected: Fdflags = [Fdflags::APPEND, Fdflags::SYNC].into_iter().collect();
        assert_eq!(collected.bits(), 0x11);
    }

    #[test]
    fn undefined_bits() {
        let odd = Fdflags::from_bits_retain(0x8001);
        assert_eq!(odd.bits(), 0x8001);
        assert_eq!(Fdflags::from_bits(0x8001), None);
        assert_eq!(
            Fdflags::from_bits(0x11),
            Some(Fdflags::APPEND | Fdflags::SYNC)
        );
        assert_eq!(Fdflags::from_bits_truncate(0x8001), Fdflags::APPEND);
        assert!(odd.contains(Fdflags::APPEND));
        assert!(!odd.is_all());
        assert_eq!(!odd, Fdflags::all() - Fdflags::APPEND);
        assert_eq!(Fdflags::default(), Fdflags::empty());
    }

    #[test]
    fn debug_lists_set_flags() {
        assert_eq!(format!("{:?}", Oflags::empty()), "Oflags(0x0)");
        assert_eq!(format!("{:?}", Oflags::CREAT), "Oflags(CREAT)");
        assert_eq!(
            format!("{:?}", Oflags::TRUNC | Oflags::CREAT),
            "Oflags(CREAT | TRUNC)"
        );
        assert_eq!(
            format!("{:?}", Fdflags::from_bits_retain(0x8001)),
            "Fdflags(APPEND | 0x8000)"
        );
        assert_eq!(
            format!("{:?}", Siflags::from_bits_retain(4)),
            "Siflags(0x4)"
        );
        assert_eq!(
            format!("{:?}", Rights::FD_READ | Rights::SOCK_ACCEPT),
            "Rights(FD_READ | SOCK_ACCEPT)"
        );
    }

    #[test]
    fn layouts_and_lowering() {
        use core::mem::{align_of, size_of};
        assert_eq!((size_of::<Rights>(), align_of::<Rights>()), (8, 8));
        assert_eq!((size_of::<Fdflags>(), align_of::<Fdflags>()), (2, 2));
        assert_eq!((size_of::<Oflags>(), align_of::<Oflags>()), (2, 2));
        assert_eq!(
            (size_of::<Lookupflags>(), align_of::<Lookupflags>()),
            (4, 4)
        );
        assert_eq!((size_of::<Fstflags>(), align_of::<Fstflags>()), (2, 2));
        assert_eq!((size_of::<Riflags>(), align_of::<Riflags>()), (2, 2));
        assert_eq!((size_of::<Roflags>(), align_of::<Roflags>()), (2, 2));
        assert_eq!((size_of::<Siflags>(), align_of::<Siflags>()), (2, 2));
        assert_eq!((size_of::<Sdflags>(), align_of::<Sdflags>()), (1, 1));
        assert_eq!(
            (size_of::<Eventrwflags>(), align_of::<Eventrwflags>()),
            (2, 2)
        );
        assert_eq!(
            (size_of::<Subclockflags>(), align_of::<Subclockflags>()),
            (2, 2)
        );
        // 64-bit rights lower to i64, everything else to i32 (zero-extended).
        let _: i64 = Rights::all().into_core();
        assert_eq!(Fdflags::from_bits_retain(0xffff).into_core(), 0xffff_i32);
        assert_eq!(Sdflags::from_bits_retain(0xff).into_core(), 0xff_i32);
        assert_eq!(Oflags::from_core(0x1_0001), Oflags::CREAT);
    }
}
