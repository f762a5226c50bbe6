//! WASI 0.2's filesystem `error-code` as preview1's [`Errno`].
//!
//! | `error-code` | `Errno` | | `error-code` | `Errno` |
//! |---|---|---|---|---|
//! | `access` | `ACCES` | | `no-device` | `NODEV` |
//! | `would-block` | `AGAIN` | | `no-entry` | `NOENT` |
//! | `already` | `ALREADY` | | `no-lock` | `NOLCK` |
//! | `bad-descriptor` | `BADF` | | `insufficient-memory` | `NOMEM` |
//! | `busy` | `BUSY` | | `insufficient-space` | `NOSPC` |
//! | `deadlock` | `DEADLK` | | `not-directory` | `NOTDIR` |
//! | `quota` | `DQUOT` | | `not-empty` | `NOTEMPTY` |
//! | `exist` | `EXIST` | | `not-recoverable` | `NOTRECOVERABLE` |
//! | `file-too-large` | `FBIG` | | `unsupported` | `NOTSUP` |
//! | `illegal-byte-sequence` | `ILSEQ` | | `no-tty` | `NOTTY` |
//! | `in-progress` | `INPROGRESS` | | `no-such-device` | `NXIO` |
//! | `interrupted` | `INTR` | | `overflow` | `OVERFLOW` |
//! | `invalid` | `INVAL` | | `not-permitted` | `PERM` |
//! | `io` | `IO` | | `pipe` | `PIPE` |
//! | `is-directory` | `ISDIR` | | `read-only` | `ROFS` |
//! | `loop` | `LOOP` | | `invalid-seek` | `SPIPE` |
//! | `too-many-links` | `MLINK` | | `text-file-busy` | `TXTBSY` |
//! | `message-size` | `MSGSIZE` | | `cross-device` | `XDEV` |
//! | `name-too-long` | `NAMETOOLONG` | | | |
//!
//! Every one of the 37 codes has the POSIX errno of the same meaning; preview1's `NOTCAPABLE`
//! has no WASI 0.2 counterpart (a path escaping its directory is `not-permitted`, `PERM`).

use crate::wasi::Errno;
use crate::wasi::p2::filesystem::types::ErrorCode;

/// The preview1 code for `code` (the table above).
pub(super) fn errno(code: ErrorCode) -> Errno {
    use ErrorCode as E;
    match code {
        E::Access => Errno::ACCES,
        E::WouldBlock => Errno::AGAIN,
        E::Already => Errno::ALREADY,
        E::BadDescriptor => Errno::BADF,
        E::Busy => Errno::BUSY,
        E::Deadlock => Errno::DEADLK,
        E::Quota => Errno::DQUOT,
        E::Exist => Errno::EXIST,
        E::FileTooLarge => Errno::FBIG,
        E::IllegalByteSequence => Errno::ILSEQ,
        E::InProgress => Errno::INPROGRESS,
        E::Interrupted => Errno::INTR,
        E::Invalid => Errno::INVAL,
        E::Io => Errno::IO,
        E::IsDirectory => Errno::ISDIR,
        E::Loop => Errno::LOOP,
        E::TooManyLinks => Errno::MLINK,
        E::MessageSize => Errno::MSGSIZE,
        E::NameTooLong => Errno::NAMETOOLONG,
        E::NoDevice => Errno::NODEV,
        E::NoEntry => Errno::NOENT,
        E::NoLock => Errno::NOLCK,
        E::InsufficientMemory => Errno::NOMEM,
        E::InsufficientSpace => Errno::NOSPC,
        E::NotDirectory => Errno::NOTDIR,
        E::NotEmpty => Errno::NOTEMPTY,
        E::NotRecoverable => Errno::NOTRECOVERABLE,
        E::Unsupported => Errno::NOTSUP,
        E::NoTty => Errno::NOTTY,
        E::NoSuchDevice => Errno::NXIO,
        E::Overflow => Errno::OVERFLOW,
        E::NotPermitted => Errno::PERM,
        E::Pipe => Errno::PIPE,
        E::ReadOnly => Errno::ROFS,
        E::InvalidSeek => Errno::SPIPE,
        E::TextFileBusy => Errno::TXTBSY,
        E::CrossDevice => Errno::XDEV,
    }
}

/// `result` with its error as an [`Errno`].
pub(super) fn check<T>(result: Result<T, ErrorCode>) -> Result<T, Errno> {
    result.map_err(errno)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `error-code`, in WIT order.
    const ALL: [ErrorCode; 37] = {
        use ErrorCode as E;
        [
            E::Access,
            E::WouldBlock,
            E::Already,
            E::BadDescriptor,
            E::Busy,
            E::Deadlock,
            E::Quota,
            E::Exist,
            E::FileTooLarge,
            E::IllegalByteSequence,
            E::InProgress,
            E::Interrupted,
            E::Invalid,
            E::Io,
            E::IsDirectory,
            E::Loop,
            E::TooManyLinks,
            E::MessageSize,
            E::NameTooLong,
            E::NoDevice,
            E::NoEntry,
            E::NoLock,
            E::InsufficientMemory,
            E::InsufficientSpace,
            E::NotDirectory,
            E::NotEmpty,
            E::NotRecoverable,
            E::Unsupported,
            E::NoTty,
            E::NoSuchDevice,
            E::Overflow,
            E::NotPermitted,
            E::Pipe,
            E::ReadOnly,
            E::InvalidSeek,
            E::TextFileBusy,
            E::CrossDevice,
        ]
    };

    #[test]
    fn every_code_has_its_own_defined_errno() {
        let mut seen = std::vec::Vec::new();
        for code in ALL {
            let e = errno(code);
            assert_ne!(e.name(), "unknown", "{code:?}");
            assert_ne!(e, Errno::SUCCESS, "{code:?}");
            assert!(!seen.contains(&e), "{code:?} maps to {e:?} twice");
            seen.push(e);
        }
        assert_eq!(errno(ErrorCode::NotPermitted), Errno::PERM);
        assert_eq!(errno(ErrorCode::InvalidSeek), Errno::SPIPE);
        assert_eq!(check::<()>(Err(ErrorCode::NoEntry)), Err(Errno::NOENT));
    }
}
