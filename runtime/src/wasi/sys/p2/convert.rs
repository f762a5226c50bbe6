//! Preview1 values to and from WASI 0.2's: flags, timestamps, file types and stats.
//!
//! Flags with bits preview1 does not define are rejected with [`Errno::INVAL`] here, before
//! anything reaches the host.

use crate::wasi::p2::filesystem::types::{
    Advice as P2Advice, Datetime, DescriptorFlags, DescriptorStat, DescriptorType, NewTimestamp,
    OpenFlags, PathFlags,
};
use crate::wasi::{
    Advice, Errno, Fdflags, Filestat, Filetype, Fstflags, Lookupflags, Oflags, Rights, Timestamp,
};

const NANOS: u64 = 1_000_000_000;

/// `flags` as path flags; [`Errno::INVAL`] for undefined bits.
pub(super) fn path_flags(flags: Lookupflags) -> Result<PathFlags, Errno> {
    if Lookupflags::from_bits(flags.bits()).is_none() {
        return Err(Errno::INVAL);
    }
    Ok(if flags.contains(Lookupflags::SYMLINK_FOLLOW) {
        PathFlags::SYMLINK_FOLLOW
    } else {
        PathFlags::empty()
    })
}

/// `oflags` as open flags; [`Errno::INVAL`] for undefined bits.
pub(super) fn open_flags(oflags: Oflags) -> Result<OpenFlags, Errno> {
    if Oflags::from_bits(oflags.bits()).is_none() {
        return Err(Errno::INVAL);
    }
    let mut out = OpenFlags::empty();
    for (p1, p2) in [
        (Oflags::CREAT, OpenFlags::CREATE),
        (Oflags::DIRECTORY, OpenFlags::DIRECTORY),
        (Oflags::EXCL, OpenFlags::EXCLUSIVE),
        (Oflags::TRUNC, OpenFlags::TRUNCATE),
    ] {
        if oflags.contains(p1) {
            out |= p2;
        }
    }
    Ok(out)
}

/// The descriptor flags to open with: `READ` for [`Rights::FD_READ`] or
/// [`Rights::FD_READDIR`], `WRITE` for [`Rights::FD_WRITE`], the sync flags from `fdflags`
/// (undefined bits: [`Errno::INVAL`]). Rights are otherwise not tracked by WASI 0.2.
pub(super) fn descriptor_flags(rights: Rights, fdflags: Fdflags) -> Result<DescriptorFlags, Errno> {
    if Fdflags::from_bits(fdflags.bits()).is_none() || Rights::from_bits(rights.bits()).is_none() {
        return Err(Errno::INVAL);
    }
    let mut out = DescriptorFlags::empty();
    if rights.bits() & (Rights::FD_READ | Rights::FD_READDIR).bits() != 0 {
        out |= DescriptorFlags::READ;
    }
    if rights.contains(Rights::FD_WRITE) {
        out |= DescriptorFlags::WRITE;
    }
    for (p1, p2) in [
        (Fdflags::SYNC, DescriptorFlags::FILE_INTEGRITY_SYNC),
        (Fdflags::DSYNC, DescriptorFlags::DATA_INTEGRITY_SYNC),
        (Fdflags::RSYNC, DescriptorFlags::REQUESTED_WRITE_SYNC),
    ] {
        if fdflags.contains(p1) {
            out |= p2;
        }
    }
    Ok(out)
}

/// The preview1 fdflags a descriptor's flags imply (the sync ones).
pub(super) fn sync_fdflags(flags: DescriptorFlags) -> Fdflags {
    let mut out = Fdflags::empty();
    for (p1, p2) in [
        (Fdflags::SYNC, DescriptorFlags::FILE_INTEGRITY_SYNC),
        (Fdflags::DSYNC, DescriptorFlags::DATA_INTEGRITY_SYNC),
        (Fdflags::RSYNC, DescriptorFlags::REQUESTED_WRITE_SYNC),
    ] {
        if flags.contains(p2) {
            out |= p1;
        }
    }
    out
}

/// The rights a descriptor of type `filetype` opened with `flags` has in preview1's terms.
pub(super) fn rights(filetype: Filetype, flags: DescriptorFlags) -> (Rights, Rights) {
    let read = Rights::FD_READ | Rights::FD_SEEK | Rights::FD_TELL | Rights::FD_ADVISE;
    let write = Rights::FD_WRITE
        | Rights::FD_DATASYNC
        | Rights::FD_SYNC
        | Rights::FD_ALLOCATE
        | Rights::FD_FILESTAT_SET_SIZE;
    let always =
        Rights::FD_FILESTAT_GET | Rights::FD_FILESTAT_SET_TIMES | Rights::FD_FDSTAT_SET_FLAGS;
    if filetype == Filetype::DIRECTORY {
        let dir = Rights::all() - read - write - Rights::SOCK_SHUTDOWN - Rights::SOCK_ACCEPT;
        (dir, Rights::all())
    } else {
        let mut base = always;
        if flags.contains(DescriptorFlags::READ) {
            base |= read;
        }
        if flags.contains(DescriptorFlags::WRITE) {
            base |= write;
        }
        (base, Rights::empty())
    }
}

/// `advice` in WASI 0.2's terms; [`Errno::INVAL`] for an undefined value.
pub(super) fn advice(advice: Advice) -> Result<P2Advice, Errno> {
    Ok(match advice {
        Advice::NORMAL => P2Advice::Normal,
        Advice::SEQUENTIAL => P2Advice::Sequential,
        Advice::RANDOM => P2Advice::Random,
        Advice::WILLNEED => P2Advice::WillNeed,
        Advice::DONTNEED => P2Advice::DontNeed,
        Advice::NOREUSE => P2Advice::NoReuse,
        _ => return Err(Errno::INVAL),
    })
}

/// The two new timestamps `fst_flags` asks for; [`Errno::INVAL`] for undefined bits or a time
/// given both as a value and as "now".
pub(super) fn new_timestamps(
    atim: Timestamp,
    mtim: Timestamp,
    fst_flags: Fstflags,
) -> Result<(NewTimestamp, NewTimestamp), Errno> {
    if Fstflags::from_bits(fst_flags.bits()).is_none() {
        return Err(Errno::INVAL);
    }
    let one = |value: Timestamp, set: Fstflags, now: Fstflags| match (
        fst_flags.contains(set),
        fst_flags.contains(now),
    ) {
        (true, true) => Err(Errno::INVAL),
        (true, false) => Ok(NewTimestamp::Timestamp(datetime(value))),
        (false, true) => Ok(NewTimestamp::Now),
        (false, false) => Ok(NewTimestamp::NoChange),
    };
    Ok((
        one(atim, Fstflags::ATIM, Fstflags::ATIM_NOW)?,
        one(mtim, Fstflags::MTIM, Fstflags::MTIM_NOW)?,
    ))
}

/// Nanoseconds since the epoch as a [`Datetime`].
pub(super) fn datetime(nanos: Timestamp) -> Datetime {
    Datetime {
        seconds: nanos / NANOS,
        nanoseconds: (nanos % NANOS) as u32,
    }
}

/// A [`Datetime`] as nanoseconds since the epoch (0 when absent, saturating past 2554).
pub(super) fn timestamp(time: Option<Datetime>) -> Timestamp {
    time.map_or(0, |t| {
        t.seconds
            .saturating_mul(NANOS)
            .saturating_add(u64::from(t.nanoseconds))
    })
}

/// The preview1 file type of a WASI 0.2 descriptor type (a FIFO is `UNKNOWN`, a socket
/// `SOCKET_STREAM`).
pub(super) fn filetype(kind: DescriptorType) -> Filetype {
    match kind {
        DescriptorType::Unknown | DescriptorType::Fifo => Filetype::UNKNOWN,
        DescriptorType::BlockDevice => Filetype::BLOCK_DEVICE,
        DescriptorType::CharacterDevice => Filetype::CHARACTER_DEVICE,
        DescriptorType::Directory => Filetype::DIRECTORY,
        DescriptorType::SymbolicLink => Filetype::SYMBOLIC_LINK,
        DescriptorType::RegularFile => Filetype::REGULAR_FILE,
        DescriptorType::Socket => Filetype::SOCKET_STREAM,
    }
}

/// A preview1 filestat from a WASI 0.2 stat and the inode number to report.
pub(super) fn filestat(stat: &DescriptorStat, ino: u64) -> Filestat {
    Filestat {
        dev: 0,
        ino,
        filetype: filetype(stat.r#type),
        nlink: stat.link_count,
        size: stat.size,
        atim: timestamp(stat.data_access_timestamp),
        mtim: timestamp(stat.data_modification_timestamp),
        ctim: timestamp(stat.status_change_timestamp),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_bits_are_rejected_before_the_host() {
        assert_eq!(
            path_flags(Lookupflags::from_bits_retain(1 << 5)),
            Err(Errno::INVAL)
        );
        assert_eq!(
            open_flags(Oflags::from_bits_retain(1 << 7)),
            Err(Errno::INVAL)
        );
        assert_eq!(
            descriptor_flags(Rights::FD_READ, Fdflags::from_bits_retain(1 << 9)),
            Err(Errno::INVAL)
        );
        assert_eq!(
            descriptor_flags(Rights::from_bits_retain(1 << 40), Fdflags::empty()),
            Err(Errno::INVAL)
        );
        assert_eq!(
            new_timestamps(0, 0, Fstflags::from_bits_retain(1 << 6)),
            Err(Errno::INVAL)
        );
        assert_eq!(
            new_timestamps(0, 0, Fstflags::MTIM | Fstflags::MTIM_NOW),
            Err(Errno::INVAL)
        );
        assert_eq!(advice(Advice::from_raw(6)), Err(Errno::INVAL));
    }

    #[test]
    fn defined_flags_map_one_to_one() {
        assert_eq!(
            path_flags(Lookupflags::SYMLINK_FOLLOW),
            Ok(PathFlags::SYMLINK_FOLLOW)
        );
        assert_eq!(path_flags(Lookupflags::empty()), Ok(PathFlags::empty()));
        assert_eq!(
            open_flags(Oflags::all()),
            Ok(OpenFlags::CREATE
                | OpenFlags::DIRECTORY
                | OpenFlags::EXCLUSIVE
                | OpenFlags::TRUNCATE)
        );
        let flags = descriptor_flags(
            Rights::FD_READ | Rights::FD_WRITE,
            Fdflags::SYNC | Fdflags::DSYNC | Fdflags::RSYNC | Fdflags::APPEND,
        );
        assert_eq!(
            flags,
            Ok(DescriptorFlags::READ
                | DescriptorFlags::WRITE
                | DescriptorFlags::FILE_INTEGRITY_SYNC
                | DescriptorFlags::DATA_INTEGRITY_SYNC
                | DescriptorFlags::REQUESTED_WRITE_SYNC)
        );
        assert_eq!(
            flags.map(sync_fdflags),
            Ok(Fdflags::SYNC | Fdflags::DSYNC | Fdflags::RSYNC)
        );
        assert_eq!(
            descriptor_flags(Rights::FD_READDIR, Fdflags::empty()),
            Ok(DescriptorFlags::READ)
        );
        assert_eq!(advice(Advice::NOREUSE), Ok(P2Advice::NoReuse));
    }

    #[test]
    fn timestamps_round_trip_and_saturate() {
        let t = 1_000_000_000_123_456_789;
        assert_eq!(
            datetime(t),
            Datetime {
                seconds: 1_000_000_000,
                nanoseconds: 123_456_789
            }
        );
        assert_eq!(timestamp(Some(datetime(t))), t);
        assert_eq!(timestamp(None), 0);
        let far = Datetime {
            seconds: u64::MAX,
            nanoseconds: 999_999_999,
        };
        assert_eq!(timestamp(Some(far)), u64::MAX);
        assert_eq!(
            new_timestamps(5, 7, Fstflags::ATIM | Fstflags::MTIM_NOW),
            Ok((NewTimestamp::Timestamp(datetime(5)), NewTimestamp::Now))
        );
        assert_eq!(
            new_timestamps(5, 7, Fstflags::empty()),
            Ok((NewTimestamp::NoChange, NewTimestamp::NoChange))
        );
    }

    #[test]
    fn file_rights_follow_the_open_flags() {
        let (read_only, _) = rights(Filetype::REGULAR_FILE, DescriptorFlags::READ);
        assert!(read_only.contains(Rights::FD_READ | Rights::FD_SEEK));
        assert!(!read_only.contains(Rights::FD_WRITE));
        let (dir, inheriting) = rights(Filetype::DIRECTORY, DescriptorFlags::READ);
        assert!(dir.contains(Rights::PATH_OPEN | Rights::FD_READDIR));
        assert_eq!(inheriting, Rights::all());
    }

    #[test]
    fn stats_keep_every_field() {
        let stat = DescriptorStat {
            r#type: DescriptorType::SymbolicLink,
            link_count: 2,
            size: 9,
            data_access_timestamp: Some(datetime(1_500)),
            data_modification_timestamp: None,
            status_change_timestamp: Some(datetime(3_000_000_000)),
        };
        let out = filestat(&stat, 42);
        assert_eq!(
            (
                out.ino,
                out.filetype,
                out.nlink,
                out.size,
                out.atim,
                out.mtim,
                out.ctim
            ),
            (42, Filetype::SYMBOLIC_LINK, 2, 9, 1_500, 0, 3_000_000_000)
        );
        assert_eq!(filetype(DescriptorType::Fifo), Filetype::UNKNOWN);
        assert_eq!(filetype(DescriptorType::Socket), Filetype::SOCKET_STREAM);
    }
}
