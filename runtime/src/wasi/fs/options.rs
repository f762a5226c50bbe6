//! [`OpenOptions`]: how to open a file, computing the `path_open` flags and rights.

use super::File;
use crate::wasi::{Errno, Fd, Fdflags, Lookupflags, Oflags, Rights, sys};

/// How to open a file, like `std::fs::OpenOptions`; [`open`](OpenOptions::open) computes the
/// `path_open` flags and rights.
///
/// ```no_run
/// use wasm_function::wasi::fs::OpenOptions;
/// use wasm_function::wasi::Fd;
///
/// let log = OpenOptions::new().append(true).create(true).open(Fd::from_raw(3), "log.txt")?;
/// log.write_all(b"started\n")?;
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct OpenOptions {
    read: bool,
    write: bool,
    append: bool,
    truncate: bool,
    create: bool,
    create_new: bool,
    directory: bool,
    follow_symlinks: bool,
    fdflags: Fdflags,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl OpenOptions {
    /// No access and no flags; symbolic links are followed.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            read: false,
            write: false,
            append: false,
            truncate: false,
            create: false,
            create_new: false,
            directory: false,
            follow_symlinks: true,
            fdflags: Fdflags::empty(),
        }
    }

    /// Open for reading.
    #[must_use]
    pub const fn read(mut self, read: bool) -> Self {
        self.read = read;
        self
    }

    /// Open for writing.
    #[must_use]
    pub const fn write(mut self, write: bool) -> Self {
        self.write = write;
        self
    }

    /// Open for appending: every write goes to the end (implies writing).
    #[must_use]
    pub const fn append(mut self, append: bool) -> Self {
        self.append = append;
        self
    }

    /// Truncate the file to length 0.
    #[must_use]
    pub const fn truncate(mut self, truncate: bool) -> Self {
        self.truncate = truncate;
        self
    }

    /// Create the file if it does not exist.
    #[must_use]
    pub const fn create(mut self, create: bool) -> Self {
        self.create = create;
        self
    }

    /// Create the file, failing with [`Errno::EXIST`] if it exists.
    #[must_use]
    pub const fn create_new(mut self, create_new: bool) -> Self {
        self.create_new = create_new;
        self
    }

    /// Require a directory ([`Errno::NOTDIR`] otherwise).
    #[must_use]
    pub const fn directory(mut self, directory: bool) -> Self {
        self.directory = directory;
        self
    }

    /// Follow a symbolic link in the last path component (the default).
    #[must_use]
    pub const fn follow_symlinks(mut self, follow: bool) -> Self {
        self.follow_symlinks = follow;
        self
    }

    /// Extra descriptor flags such as [`Fdflags::SYNC`] ([`Fdflags::APPEND`] is set by
    /// [`append`](Self::append)).
    #[must_use]
    pub const fn fdflags(mut self, fdflags: Fdflags) -> Self {
        self.fdflags = fdflags;
        self
    }

    fn oflags(&self) -> Oflags {
        let mut oflags = Oflags::empty();
        if self.create || self.create_new {
            oflags = oflags.union(Oflags::CREAT);
        }
        if self.create_new {
            oflags = oflags.union(Oflags::EXCL);
        }
        if self.truncate {
            oflags = oflags.union(Oflags::TRUNC);
        }
        if self.directory {
            oflags = oflags.union(Oflags::DIRECTORY);
        }
        oflags
    }

    /// The rights to ask for, before intersecting with the directory's inheritable rights:
    /// everything but the reading and writing rights the access mode does not grant (the
    /// computation of wasi-libc's `open`).
    fn wanted_rights(&self) -> Rights {
        const READING: Rights = Rights::FD_READ.union(Rights::FD_READDIR);
        const WRITING: Rights = Rights::FD_DATASYNC
            .union(Rights::FD_WRITE)
            .union(Rights::FD_ALLOCATE)
            .union(Rights::FD_FILESTAT_SET_SIZE);
        let mut rights = Rights::all() - READING - WRITING;
        if self.read {
            rights |= READING;
        }
        if self.write || self.append {
            rights |= WRITING;
        }
        rights
    }

    fn lookupflags(&self) -> Lookupflags {
        if self.follow_symlinks {
            Lookupflags::SYMLINK_FOLLOW
        } else {
            Lookupflags::empty()
        }
    }

    /// Opens `path`, relative to the directory `dir`.
    ///
    /// # Errors
    ///
    /// [`Errno::INVAL`] if [`fdflags`](Self::fdflags) holds undefined bits (the host is not
    /// called), or what the host returns from `fd_fdstat_get` on `dir` (such as [`Errno::BADF`] if it is
    /// not open) or from `path_open`: for example [`Errno::NOENT`] if `path` does not exist and
    /// nothing asks to create it, [`Errno::EXIST`] with [`create_new`](Self::create_new) if it
    /// does, [`Errno::NOTDIR`] with [`directory`](Self::directory) if it is not a directory,
    /// [`Errno::NOTCAPABLE`] if `dir` cannot grant the rights the options need.
    pub fn open(&self, dir: Fd, path: &str) -> Result<File, Errno> {
        if !Fdflags::all().contains(self.fdflags) {
            return Err(Errno::INVAL);
        }
        // Hosts that enforce rights (such as Node's) refuse rights the directory cannot hand
        // down, so ask for the wanted rights it can.
        // Only defined rights are passed on: raw's `path_open` refuses undefined bits, which a
        // host might report here.
        let inheriting = sys::fd_fdstat_get(dir)?.fs_rights_inheriting & Rights::all();
        let mut fdflags = self.fdflags;
        if self.append {
            fdflags |= Fdflags::APPEND;
        }
        let fd = sys::path_open(
            dir,
            self.lookupflags(),
            path,
            self.oflags(),
            self.wanted_rights() & inheriting,
            inheriting,
            fdflags,
        )?;
        Ok(File::from_fd(fd))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_options_flags_and_rights() {
        let read = OpenOptions::new().read(true);
        assert_eq!(read.oflags(), Oflags::empty());
        assert!(
            read.wanted_rights()
                .contains(Rights::FD_READ | Rights::FD_READDIR)
        );
        assert!(
            !read
                .wanted_rights()
                .intersects(Rights::FD_WRITE | Rights::FD_FILESTAT_SET_SIZE)
        );
        assert!(
            read.wanted_rights()
                .contains(Rights::FD_SEEK | Rights::PATH_OPEN)
        );
        assert_eq!(read.lookupflags(), Lookupflags::SYMLINK_FOLLOW);

        let create = OpenOptions::new().write(true).create(true).truncate(true);
        assert_eq!(create.oflags(), Oflags::CREAT | Oflags::TRUNC);
        assert!(
            create
                .wanted_rights()
                .contains(Rights::FD_WRITE | Rights::FD_FILESTAT_SET_SIZE)
        );
        assert!(!create.wanted_rights().contains(Rights::FD_READ));

        let new = OpenOptions::new()
            .append(true)
            .create_new(true)
            .follow_symlinks(false);
        assert_eq!(new.oflags(), Oflags::CREAT | Oflags::EXCL);
        assert!(new.wanted_rights().contains(Rights::FD_WRITE));
        assert_eq!(new.lookupflags(), Lookupflags::empty());

        let dir = OpenOptions::new().read(true).directory(true);
        assert_eq!(dir.oflags(), Oflags::DIRECTORY);
        assert_eq!(OpenOptions::default(), OpenOptions::new());
    }
}
