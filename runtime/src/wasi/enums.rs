//! Enumerations of WASI preview1 (witx `enum`): [`Whence`], [`Clockid`], [`Filetype`], …
//!
//! Each is a `#[repr(transparent)]` newtype over its witx tag type with one associated constant
//! per case, not a Rust `enum`: a host may return a value the specification does not define
//! (a newer host, a buggy one), and that must be a value, not undefined behaviour.
//! [`name`](Filetype::name) then says `"unknown"`.
//!
//! ```
//! use wasm_function::wasi::Filetype;
//!
//! assert_eq!(Filetype::DIRECTORY.raw(), 3);
//! assert_eq!(Filetype::DIRECTORY.name(), "directory");
//! assert_eq!(format!("{:?}", Filetype::REGULAR_FILE), "Filetype::REGULAR_FILE");
//! assert_eq!(Filetype::from_raw(200).name(), "unknown");
//! ```

wasi_enum! {
    /// The position `fd_seek` measures an offset from (witx `whence`, a `u8`).
    Whence(u8) {
        /// The start of the file.
        SET = 0, "set";
        /// The current offset.
        CUR = 1, "cur";
        /// The end of the file.
        END = 2, "end";
    }
}

wasi_enum! {
    /// A clock (witx `clockid`, a `u32`).
    Clockid(u32) {
        /// Wall-clock time, in nanoseconds since the Unix epoch; may jump.
        REALTIME = 0, "realtime";
        /// A clock that never goes backwards, from an arbitrary origin.
        MONOTONIC = 1, "monotonic";
        /// CPU time consumed by the process.
        PROCESS_CPUTIME_ID = 2, "process_cputime_id";
        /// CPU time consumed by the thread.
        THREAD_CPUTIME_ID = 3, "thread_cputime_id";
    }
}

wasi_enum! {
    /// The type of a file (witx `filetype`, a `u8`).
    Filetype(u8) {
        /// The type is unknown or none of the others.
        UNKNOWN = 0, "unknown";
        /// A block device.
        BLOCK_DEVICE = 1, "block_device";
        /// A character device.
        CHARACTER_DEVICE = 2, "character_device";
        /// A directory.
        DIRECTORY = 3, "directory";
        /// A regular file.
        REGULAR_FILE = 4, "regular_file";
        /// A datagram socket.
        SOCKET_DGRAM = 5, "socket_dgram";
        /// A byte-stream socket.
        SOCKET_STREAM = 6, "socket_stream";
        /// A symbolic link.
        SYMBOLIC_LINK = 7, "symbolic_link";
    }
}

wasi_enum! {
    /// Advice about how a file will be accessed, for `fd_advise` (witx `advice`, a `u8`).
    Advice(u8) {
        /// No advice.
        NORMAL = 0, "normal";
        /// Sequential access.
        SEQUENTIAL = 1, "sequential";
        /// Random access.
        RANDOM = 2, "random";
        /// Access in the near future.
        WILLNEED = 3, "willneed";
        /// No access in the near future.
        DONTNEED = 4, "dontneed";
        /// Access only once.
        NOREUSE = 5, "noreuse";
    }
}

wasi_enum! {
    /// The kind of a subscription or event of `poll_oneoff` (witx `eventtype`, a `u8`).
    Eventtype(u8) {
        /// A clock reached its timeout.
        CLOCK = 0, "clock";
        /// A descriptor has data to read.
        FD_READ = 1, "fd_read";
        /// A descriptor can accept data to write.
        FD_WRITE = 2, "fd_write";
    }
}

wasi_enum! {
    /// A signal, for `proc_raise` (witx `signal`, a `u8`).
    Signal(u8) {
        /// No signal; reserved.
        NONE = 0, "none";
        /// Hangup.
        HUP = 1, "hup";
        /// Terminal interrupt.
        INT = 2, "int";
        /// Terminal quit.
        QUIT = 3, "quit";
        /// Illegal instruction.
        ILL = 4, "ill";
        /// Trace/breakpoint trap.
        TRAP = 5, "trap";
        /// Process abort.
        ABRT = 6, "abrt";
        /// Access to an undefined portion of a memory object.
        BUS = 7, "bus";
        /// Erroneous arithmetic operation.
        FPE = 8, "fpe";
        /// Kill.
        KILL = 9, "kill";
        /// User-defined signal 1.
        USR1 = 10, "usr1";
        /// Invalid memory reference.
        SEGV = 11, "segv";
        /// User-defined signal 2.
        USR2 = 12, "usr2";
        /// Write on a pipe with no one to read it.
        PIPE = 13, "pipe";
        /// Alarm clock.
        ALRM = 14, "alrm";
        /// Termination signal.
        TERM = 15, "term";
        /// Child process terminated, stopped or continued.
        CHLD = 16, "chld";
        /// Continue executing, if stopped.
        CONT = 17, "cont";
        /// Stop executing.
        STOP = 18, "stop";
        /// Terminal stop signal.
        TSTP = 19, "tstp";
        /// Background process attempting read.
        TTIN = 20, "ttin";
        /// Background process attempting write.
        TTOU = 21, "ttou";
        /// High bandwidth data is available at a socket.
        URG = 22, "urg";
        /// CPU time limit exceeded.
        XCPU = 23, "xcpu";
        /// File size limit exceeded.
        XFSZ = 24, "xfsz";
        /// Virtual timer expired.
        VTALRM = 25, "vtalrm";
        /// Profiling timer expired.
        PROF = 26, "prof";
        /// Window changed.
        WINCH = 27, "winch";
        /// I/O possible.
        POLL = 28, "poll";
        /// Power failure.
        PWR = 29, "pwr";
        /// Bad system call.
        SYS = 30, "sys";
    }
}

wasi_enum! {
    /// The kind of a preopened resource (witx `preopentype`, a `u8`).
    Preopentype(u8) {
        /// A preopened directory.
        DIR = 0, "dir";
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::abi::WasmType;
    use std::format;
    use std::string::ToString;
    use std::vec::Vec;

    fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|&v| name(v)).collect()
    }

    #[test]
    fn values_and_names_match_the_reference() {
        assert_eq!(names(Whence::ALL, Whence::name), ["set", "cur", "end"]);
        assert_eq!(
            names(Clockid::ALL, Clockid::name),
            [
                "realtime",
                "monotonic",
                "process_cputime_id",
                "thread_cputime_id"
            ]
        );
        assert_eq!(
            names(Filetype::ALL, Filetype::name),
            [
                "unknown",
                "block_device",
                "character_device",
                "directory",
                "regular_file",
                "socket_dgram",
                "socket_stream",
                "symbolic_link"
            ]
        );
        assert_eq!(
            names(Advice::ALL, Advice::name),
            [
                "normal",
                "sequential",
                "random",
                "willneed",
                "dontneed",
                "noreuse"
            ]
        );
        assert_eq!(
            names(Eventtype::ALL, Eventtype::name),
            ["clock", "fd_read", "fd_write"]
        );
        assert_eq!(
            names(Signal::ALL, Signal::name),
            [
                "none", "hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe", "kill", "usr1",
                "segv", "usr2", "pipe", "alrm", "term", "chld", "cont", "stop", "tstp", "ttin",
                "ttou", "urg", "xcpu", "xfsz", "vtalrm", "prof", "winch", "poll", "pwr", "sys"
            ]
        );
        assert_eq!(names(Preopentype::ALL, Preopentype::name), ["dir"]);
        // Values are the ordinal positions.
        for (i, v) in Signal::ALL.iter().enumerate() {
            assert_eq!(usize::from(v.raw()), i);
        }
        for (i, v) in Filetype::ALL.iter().enumerate() {
            assert_eq!(usize::from(v.raw()), i);
        }
        assert_eq!(Clockid::THREAD_CPUTIME_ID.raw(), 3);
        assert_eq!(Whence::END.raw(), 2);
        assert_eq!(Advice::NOREUSE.raw(), 5);
        assert_eq!(Eventtype::FD_WRITE.raw(), 2);
        assert_eq!(Signal::SYS.raw(), 30);
        assert_eq!(Preopentype::DIR.raw(), 0);
    }

    #[test]
    fn unknown_values_are_kept() {
        let odd = Whence::from_raw(9);
        assert!(!odd.is_known());
        assert_eq!(odd.name(), "unknown");
        assert_eq!(format!("{odd:?}"), "Whence(9)");
        assert_eq!(odd.to_string(), "unknown (9)");
        assert_eq!(u8::from(odd), 9);
        assert!(Whence::CUR.is_known());
        assert_eq!(format!("{:?}", Whence::CUR), "Whence::CUR");
        assert_eq!(Whence::CUR.to_string(), "cur");
        assert_eq!(Clockid::from(1), Clockid::MONOTONIC);
        assert_eq!(Filetype::default(), Filetype::UNKNOWN);
    }

    #[test]
    fn layouts_and_lowering() {
        use core::mem::size_of;
        assert_eq!(size_of::<Whence>(), 1);
        assert_eq!(size_of::<Clockid>(), 4);
        assert_eq!(size_of::<Filetype>(), 1);
        assert_eq!(size_of::<Advice>(), 1);
        assert_eq!(size_of::<Eventtype>(), 1);
        assert_eq!(size_of::<Signal>(), 1);
        assert_eq!(size_of::<Preopentype>(), 1);
        assert_eq!(Whence::END.into_core(), 2_i32);
        assert_eq!(Clockid::from_raw(u32::MAX).into_core(), -1_i32);
        assert_eq!(Filetype::from_core(0x104), Filetype::REGULAR_FILE);
    }
}
