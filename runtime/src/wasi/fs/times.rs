//! [`FileTimes`]: which timestamps [`File::set_times`](super::File::set_times) and
//! [`set_times`](super::set_times) change, and to what.

use crate::wasi::{Fstflags, Timestamp};

/// A new access or modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum NewTime {
    /// Leave it as it is.
    Keep,
    /// The host's current time.
    Now,
    /// This time, in nanoseconds since the Unix epoch.
    At(Timestamp),
}

/// The access and modification times to give a file, like `std::fs::FileTimes`; a time not
/// set is left as it is.
///
/// Times are [`Timestamp`]s: nanoseconds since the Unix epoch (what
/// [`Filestat::mtim`](crate::wasi::Filestat::mtim) holds).
///
/// ```no_run
/// use wasm_function::wasi::fs::{self, FileTimes};
///
/// let (dir, path) = fs::resolve("/data/notes.txt")?;
/// // Modified at 2001-09-09T01:46:40Z, accessed now.
/// let times = FileTimes::new()
///     .set_modified(1_000_000_000 * 1_000_000_000)
///     .set_accessed_now();
/// fs::set_times(dir, path, times)?;
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileTimes {
    accessed: NewTime,
    modified: NewTime,
}

impl Default for FileTimes {
    fn default() -> Self {
        Self::new()
    }
}

impl FileTimes {
    /// Changes nothing.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            accessed: NewTime::Keep,
            modified: NewTime::Keep,
        }
    }

    /// Sets the access time to `t` (nanoseconds since the Unix epoch).
    #[must_use]
    pub const fn set_accessed(mut self, t: Timestamp) -> Self {
        self.accessed = NewTime::At(t);
        self
    }

    /// Sets the modification time to `t` (nanoseconds since the Unix epoch).
    #[must_use]
    pub const fn set_modified(mut self, t: Timestamp) -> Self {
        self.modified = NewTime::At(t);
        self
    }

    /// Sets the access time to the host's current time.
    #[must_use]
    pub const fn set_accessed_now(mut self) -> Self {
        self.accessed = NewTime::Now;
        self
    }

    /// Sets the modification time to the host's current time.
    #[must_use]
    pub const fn set_modified_now(mut self) -> Self {
        self.modified = NewTime::Now;
        self
    }

    /// The `(atim, mtim, fst_flags)` arguments of `fd_filestat_set_times` and
    /// `path_filestat_set_times`, built from the defined flags only.
    pub(crate) const fn lower(&self) -> (Timestamp, Timestamp, Fstflags) {
        let (atim, a_flags) = match self.accessed {
            NewTime::Keep => (0, Fstflags::empty()),
            NewTime::Now => (0, Fstflags::ATIM_NOW),
            NewTime::At(t) => (t, Fstflags::ATIM),
        };
        let (mtim, m_flags) = match self.modified {
            NewTime::Keep => (0, Fstflags::empty()),
            NewTime::Now => (0, Fstflags::MTIM_NOW),
            NewTime::At(t) => (t, Fstflags::MTIM),
        };
        (atim, mtim, a_flags.union(m_flags))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering() {
        assert_eq!(FileTimes::new().lower(), (0, 0, Fstflags::empty()));
        assert_eq!(FileTimes::default(), FileTimes::new());
        assert_eq!(
            FileTimes::new().set_modified(5).lower(),
            (0, 5, Fstflags::MTIM)
        );
        assert_eq!(
            FileTimes::new().set_accessed(7).set_modified_now().lower(),
            (7, 0, Fstflags::ATIM | Fstflags::MTIM_NOW)
        );
        assert_eq!(
            FileTimes::new().set_accessed_now().set_accessed(3).lower(),
            (3, 0, Fstflags::ATIM)
        );
        let (_, _, flags) = FileTimes::new()
            .set_accessed_now()
            .set_modified_now()
            .lower();
        assert!(Fstflags::all().contains(flags));
    }
}
