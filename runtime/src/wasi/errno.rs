//! [`Errno`]: the error code every WASI preview1 function returns.

use core::fmt;

wasi_enum! {
    /// An error code returned by a WASI preview1 function (witx `errno`, a `u16`).
    ///
    /// The specification defines 77 codes, available as associated constants
    /// ([`Errno::BADF`], [`Errno::NOENT`], …; witx `2big` is [`Errno::TOOBIG`]). A host may return
    /// any other value: it is kept as is, [`name`](Errno::name) is then `"unknown"`, and nothing is
    /// undefined behaviour.
    ///
    /// ```
    /// use wasm_function::wasi::Errno;
    ///
    /// let e = Errno::NOENT;
    /// assert_eq!(e.raw(), 44);
    /// assert_eq!(e.name(), "noent");
    /// assert_eq!(e.message(), "No such file or directory.");
    /// assert_eq!(e.to_string(), "noent: No such file or directory. (errno 44)");
    /// assert_eq!(format!("{e:?}"), "Errno::NOENT");
    ///
    /// let odd = Errno::from_raw(1000);
    /// assert_eq!(odd.name(), "unknown");
    /// assert_eq!(format!("{odd:?}"), "Errno(1000)");
    /// ```
    Errno(u16) as "code" {
        SUCCESS = 0, "success", "No error occurred. System call completed successfully.";
        TOOBIG = 1, "2big", "Argument list too long.";
        ACCES = 2, "acces", "Permission denied.";
        ADDRINUSE = 3, "addrinuse", "Address in use.";
        ADDRNOTAVAIL = 4, "addrnotavail", "Address not available.";
        AFNOSUPPORT = 5, "afnosupport", "Address family not supported.";
        AGAIN = 6, "again", "Resource unavailable, or operation would block.";
        ALREADY = 7, "already", "Connection already in progress.";
        BADF = 8, "badf", "Bad file descriptor.";
        BADMSG = 9, "badmsg", "Bad message.";
        BUSY = 10, "busy", "Device or resource busy.";
        CANCELED = 11, "canceled", "Operation canceled.";
        CHILD = 12, "child", "No child processes.";
        CONNABORTED = 13, "connaborted", "Connection aborted.";
        CONNREFUSED = 14, "connrefused", "Connection refused.";
        CONNRESET = 15, "connreset", "Connection reset.";
        DEADLK = 16, "deadlk", "Resource deadlock would occur.";
        DESTADDRREQ = 17, "destaddrreq", "Destination address required.";
        DOM = 18, "dom", "Mathematics argument out of domain of function.";
        DQUOT = 19, "dquot", "Reserved.";
        EXIST = 20, "exist", "File exists.";
        FAULT = 21, "fault", "Bad address.";
        FBIG = 22, "fbig", "File too large.";
        HOSTUNREACH = 23, "hostunreach", "Host is unreachable.";
        IDRM = 24, "idrm", "Identifier removed.";
        ILSEQ = 25, "ilseq", "Illegal byte sequence.";
        INPROGRESS = 26, "inprogress", "Operation in progress.";
        INTR = 27, "intr", "Interrupted function.";
        INVAL = 28, "inval", "Invalid argument.";
        IO = 29, "io", "I/O error.";
        ISCONN = 30, "isconn", "Socket is connected.";
        ISDIR = 31, "isdir", "Is a directory.";
        LOOP = 32, "loop", "Too many levels of symbolic links.";
        MFILE = 33, "mfile", "File descriptor value too large.";
        MLINK = 34, "mlink", "Too many links.";
        MSGSIZE = 35, "msgsize", "Message too large.";
        MULTIHOP = 36, "multihop", "Reserved.";
        NAMETOOLONG = 37, "nametoolong", "Filename too long.";
        NETDOWN = 38, "netdown", "Network is down.";
        NETRESET = 39, "netreset", "Connection aborted by network.";
        NETUNREACH = 40, "netunreach", "Network unreachable.";
        NFILE = 41, "nfile", "Too many files open in system.";
        NOBUFS = 42, "nobufs", "No buffer space available.";
        NODEV = 43, "nodev", "No such device.";
        NOENT = 44, "noent", "No such file or directory.";
        NOEXEC = 45, "noexec", "Executable file format error.";
        NOLCK = 46, "nolck", "No locks available.";
        NOLINK = 47, "nolink", "Reserved.";
        NOMEM = 48, "nomem", "Not enough space.";
        NOMSG = 49, "nomsg", "No message of the desired type.";
        NOPROTOOPT = 50, "noprotoopt", "Protocol not available.";
        NOSPC = 51, "nospc", "No space left on device.";
        NOSYS = 52, "nosys", "Function not supported.";
        NOTCONN = 53, "notconn", "The socket is not connected.";
        NOTDIR = 54, "notdir", "Not a directory or a symbolic link to a directory.";
        NOTEMPTY = 55, "notempty", "Directory not empty.";
        NOTRECOVERABLE = 56, "notrecoverable", "State not recoverable.";
        NOTSOCK = 57, "notsock", "Not a socket.";
        NOTSUP = 58, "notsup", "Not supported, or operation not supported on socket.";
        NOTTY = 59, "notty", "Inappropriate I/O control operation.";
        NXIO = 60, "nxio", "No such device or address.";
        OVERFLOW = 61, "overflow", "Value too large to be stored in data type.";
        OWNERDEAD = 62, "ownerdead", "Previous owner died.";
        PERM = 63, "perm", "Operation not permitted.";
        PIPE = 64, "pipe", "Broken pipe.";
        PROTO = 65, "proto", "Protocol error.";
        PROTONOSUPPORT = 66, "protonosupport", "Protocol not supported.";
        PROTOTYPE = 67, "prototype", "Protocol wrong type for socket.";
        RANGE = 68, "range", "Result too large.";
        ROFS = 69, "rofs", "Read-only file system.";
        SPIPE = 70, "spipe", "Invalid seek.";
        SRCH = 71, "srch", "No such process.";
        STALE = 72, "stale", "Reserved.";
        TIMEDOUT = 73, "timedout", "Connection timed out.";
        TXTBSY = 74, "txtbsy", "Text file busy.";
        XDEV = 75, "xdev", "Cross-device link.";
        NOTCAPABLE = 76, "notcapable", "Extension: Capabilities insufficient.";
    }
}

impl Errno {
    /// The value a status outside `0..=u16::MAX` maps to in [`Errno::from_status`]; the
    /// specification never uses it.
    pub const OUT_OF_RANGE: Self = Self(u16::MAX);

    /// Converts the `i32` status a preview1 import returns: `0..=65535` keep their value,
    /// anything else (which no conforming host returns) becomes [`Errno::OUT_OF_RANGE`].
    ///
    /// ```
    /// use wasm_function::wasi::Errno;
    ///
    /// assert_eq!(Errno::from_status(8), Errno::BADF);
    /// assert_eq!(Errno::from_status(-1), Errno::OUT_OF_RANGE);
    /// assert_eq!(Errno::from_status(0x1_0008), Errno::OUT_OF_RANGE);
    /// ```
    #[inline]
    #[must_use]
    pub const fn from_status(status: i32) -> Self {
        if status >= 0 && status <= u16::MAX as i32 {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Self(status as u16)
        } else {
            Self::OUT_OF_RANGE
        }
    }

    /// Turns a status into a `Result`: [`Errno::SUCCESS`] is `Ok(())`, any other code `Err`.
    ///
    /// ```
    /// use wasm_function::wasi::Errno;
    ///
    /// assert_eq!(Errno::SUCCESS.result(), Ok(()));
    /// assert_eq!(Errno::BADF.result(), Err(Errno::BADF));
    /// ```
    ///
    /// # Errors
    ///
    /// `self`, unless it is [`Errno::SUCCESS`].
    #[inline]
    pub const fn result(self) -> Result<(), Self> {
        if self.0 == 0 { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (errno {})", self.name(), self.message(), self.0)
    }
}

impl core::error::Error for Errno {}

// SAFETY: `from_status` is total over `i32` (out-of-range statuses become a value, never
// undefined behaviour) and does not claim success: the wrapper calls it only for a nonzero
// status and treats every return as an error.
unsafe impl crate::abi::ErrorCode for Errno {
    #[inline]
    fn from_status(status: i32) -> Self {
        Errno::from_status(status)
    }
}

/// Converts to an I/O error whose raw OS error is the WASI code, which is how the standard
/// library represents errors on `wasm32-wasip1`.
#[cfg(feature = "std")]
impl From<Errno> for std::io::Error {
    fn from(errno: Errno) -> Self {
        std::io::Error::from_raw_os_error(i32::from(errno.0))
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::abi::ErrorCode;
    use std::format;
    use std::string::ToString;

    /// The reference table (`wasi_preview1.md` §3), row by row.
    const REFERENCE: [(u16, &str, &str); 77] = [
        (
            0,
            "success",
            "No error occurred. System call completed successfully.",
        ),
        (1, "2big", "Argument list too long."),
        (2, "acces", "Permission denied."),
        (3, "addrinuse", "Address in use."),
        (4, "addrnotavail", "Address not available."),
        (5, "afnosupport", "Address family not supported."),
        (
            6,
            "again",
            "Resource unavailable, or operation would block.",
        ),
        (7, "already", "Connection already in progress."),
        (8, "badf", "Bad file descriptor."),
        (9, "badmsg", "Bad message."),
        (10, "busy", "Device or resource busy."),
        (11, "canceled", "Operation canceled."),
        (12, "child", "No child processes."),
        (13, "connaborted", "Connection aborted."),
        (14, "connrefused", "Connection refused."),
        (15, "connreset", "Connection reset."),
        (16, "deadlk", "Resource deadlock would occur."),
        (17, "destaddrreq", "Destination address required."),
        (18, "dom", "Mathematics argument out of domain of function."),
        (19, "dquot", "Reserved."),
        (20, "exist", "File exists."),
        (21, "fault", "Bad address."),
        (22, "fbig", "File too large."),
        (23, "hostunreach", "Host is unreachable."),
        (24, "idrm", "Identifier removed."),
        (25, "ilseq", "Illegal byte sequence."),
        (26, "inprogress", "Operation in progress."),
        (27, "intr", "Interrupted function."),
        (28, "inval", "Invalid argument."),
        (29, "io", "I/O error."),
        (30, "isconn", "Socket is connected."),
        (31, "isdir", "Is a directory."),
        (32, "loop", "Too many levels of symbolic links."),
        (33, "mfile", "File descriptor value too large."),
        (34, "mlink", "Too many links."),
        (35, "msgsize", "Message too large."),
        (36, "multihop", "Reserved."),
        (37, "nametoolong", "Filename too long."),
        (38, "netdown", "Network is down."),
        (39, "netreset", "Connection aborted by network."),
        (40, "netunreach", "Network unreachable."),
        (41, "nfile", "Too many files open in system."),
        (42, "nobufs", "No buffer space available."),
        (43, "nodev", "No such device."),
        (44, "noent", "No such file or directory."),
        (45, "noexec", "Executable file format error."),
        (46, "nolck", "No locks available."),
        (47, "nolink", "Reserved."),
        (48, "nomem", "Not enough space."),
        (49, "nomsg", "No message of the desired type."),
        (50, "noprotoopt", "Protocol not available."),
        (51, "nospc", "No space left on device."),
        (52, "nosys", "Function not supported."),
        (53, "notconn", "The socket is not connected."),
        (
            54,
            "notdir",
            "Not a directory or a symbolic link to a directory.",
        ),
        (55, "notempty", "Directory not empty."),
        (56, "notrecoverable", "State not recoverable."),
        (57, "notsock", "Not a socket."),
        (
            58,
            "notsup",
            "Not supported, or operation not supported on socket.",
        ),
        (59, "notty", "Inappropriate I/O control operation."),
        (60, "nxio", "No such device or address."),
        (61, "overflow", "Value too large to be stored in data type."),
        (62, "ownerdead", "Previous owner died."),
        (63, "perm", "Operation not permitted."),
        (64, "pipe", "Broken pipe."),
        (65, "proto", "Protocol error."),
        (66, "protonosupport", "Protocol not supported."),
        (67, "prototype", "Protocol wrong type for socket."),
        (68, "range", "Result too large."),
        (69, "rofs", "Read-only file system."),
        (70, "spipe", "Invalid seek."),
        (71, "srch", "No such process."),
        (72, "stale", "Reserved."),
        (73, "timedout", "Connection timed out."),
        (74, "txtbsy", "Text file busy."),
        (75, "xdev", "Cross-device link."),
        (76, "notcapable", "Extension: Capabilities insufficient."),
    ];

    #[test]
    fn every_code_has_the_reference_name_and_message() {
        assert_eq!(Errno::ALL.len(), 77);
        for (i, &(code, name, message)) in REFERENCE.iter().enumerate() {
            let errno = Errno::from_raw(code);
            assert_eq!(usize::from(code), i);
            assert_eq!(Errno::ALL[i], errno);
            assert_eq!(errno.raw(), code);
            assert_eq!(errno.name(), name, "name of {code}");
            assert_eq!(errno.message(), message, "message of {code}");
            assert!(errno.is_known());
            assert_eq!(
                errno.to_string(),
                format!("{name}: {message} (errno {code})")
            );
        }
    }

    #[test]
    fn constants_have_the_spec_values() {
        assert_eq!(Errno::SUCCESS.raw(), 0);
        assert_eq!(Errno::TOOBIG.raw(), 1);
        assert_eq!(Errno::TOOBIG.name(), "2big");
        assert_eq!(Errno::BADF.raw(), 8);
        assert_eq!(Errno::EXIST.raw(), 20);
        assert_eq!(Errno::INVAL.raw(), 28);
        assert_eq!(Errno::NOENT.raw(), 44);
        assert_eq!(Errno::NOTDIR.raw(), 54);
        assert_eq!(Errno::NOTCAPABLE.raw(), 76);
    }

    #[test]
    fn unknown_codes_are_values() {
        for raw in [77, 100, 1000, u16::MAX] {
            let errno = Errno::from_raw(raw);
            assert!(!errno.is_known());
            assert_eq!(errno.name(), "unknown");
            assert_eq!(errno.message(), "Unknown error code.");
            assert_eq!(format!("{errno:?}"), format!("Errno({raw})"));
            assert_eq!(
                errno.to_string(),
                format!("unknown: Unknown error code. (errno {raw})")
            );
        }
    }

    #[test]
    fn debug_uses_the_constant_name() {
        assert_eq!(format!("{:?}", Errno::BADF), "Errno::BADF");
        assert_eq!(format!("{:?}", Errno::TOOBIG), "Errno::TOOBIG");
        assert_eq!(
            format!("{:?}", Err::<(), _>(Errno::LOOP)),
            "Err(Errno::LOOP)"
        );
    }

    #[test]
    fn statuses_convert_without_truncation_surprises() {
        assert_eq!(<Errno as ErrorCode>::from_status(8), Errno::BADF);
        assert_eq!(<Errno as ErrorCode>::from_status(76), Errno::NOTCAPABLE);
        assert_eq!(<Errno as ErrorCode>::from_status(77).raw(), 77);
        assert_eq!(<Errno as ErrorCode>::from_status(65535).raw(), 65535);
        // 0x1_0008 must not alias `badf`.
        assert_eq!(
            <Errno as ErrorCode>::from_status(0x1_0008),
            Errno::OUT_OF_RANGE
        );
        assert_eq!(<Errno as ErrorCode>::from_status(-8), Errno::OUT_OF_RANGE);
        assert_eq!(
            <Errno as ErrorCode>::from_status(i32::MIN),
            Errno::OUT_OF_RANGE
        );
        assert_eq!(
            <Errno as ErrorCode>::from_status(i32::MAX),
            Errno::OUT_OF_RANGE
        );
    }

    #[test]
    fn result_and_conversions() {
        assert_eq!(Errno::SUCCESS.result(), Ok(()));
        assert_eq!(Errno::IO.result(), Err(Errno::IO));
        assert_eq!(u16::from(Errno::from(29_u16)), 29);
        let err: &dyn core::error::Error = &Errno::ACCES;
        assert_eq!(err.to_string(), "acces: Permission denied. (errno 2)");
    }

    #[test]
    fn layout_is_a_u16() {
        assert_eq!(core::mem::size_of::<Errno>(), 2);
        assert_eq!(core::mem::align_of::<Errno>(), 2);
        assert_eq!(crate::abi::WasmType::into_core(Errno::NOTCAPABLE), 76_i32);
    }

    #[cfg(feature = "std")]
    #[test]
    fn converts_to_io_error_with_the_raw_code() {
        let io: std::io::Error = Errno::NOENT.into();
        assert_eq!(io.raw_os_error(), Some(44));
    }
}
