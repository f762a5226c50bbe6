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
