//! Files and directories through a preopened directory, with `wasm_function::wasi::fs` and no
//! `std`.
//!
//! The host preopens a directory as `/sandbox` holding `hello.txt` ("hello from the host\n"),
//! `subdir/nested.txt` ("nested\n"), `to-rename.txt` ("rename me\n") and `to-delete.txt`
//! ("delete me\n"). The guest reads, writes, lists, stats, seeks, renames, unlinks, links,
//! makes and removes directories, provokes the usual errors, and prints one line per check:
//! `ok <check> <details>` or `FAIL <check> <details>`. Lines starting with `info` report
//! results on which runtimes legitimately differ. The last line is `done <n> failed`; the exit
//! code is 1 if a check failed.
//!
//! What the host should see afterwards: `to-rename.txt` renamed to `renamed.txt`,
//! `to-delete.txt` gone, `written.txt`, `hard.txt` (a hard link to `hello.txt`), `link` (a
//! symbolic link to `hello.txt`), `kept/` with `kept/file.txt` moved to `subdir/moved.txt`,
//! and the modification time of `hello.txt` set to 2001-09-09T01:46:40Z; from the checks of
//! the functions std users expect (`parity`), `tree/kept/copy.txt` (a copy of `hello.txt`
//! with its modification time set to 2002-01-01T00:00:00Z) and `tree/kept/log.txt`
//! ("first\nappended\n"). (`made/`, `scratch.txt` and `tree/a/…` come and go during the
//! run.)
//!
//! Run with the argument `root`, it checks instead how paths resolve under a preopen named
//! `/` or `.` holding `hello.txt` (see `root_mode`).
#![no_std]

use core::fmt;
use core::sync::atomic::{AtomicU32, Ordering};

use wasm_function::wasi::fs::{self, File, FileTimes, OpenOptions, SeekFrom};
// The preview1 functions through `sys`, which is `raw` on wasm32-wasip1 and implemented over
// WASI 0.2 on wasm32-wasip2 (where `raw` would reach the preview1 adapter's descriptors).
use wasm_function::wasi::sys as raw;
use wasm_function::wasi::{
    Advice, Ciovec, Clockid, Errno, Fd, Fdflags, Filetype, Fstflags, Iovec, Lookupflags, Oflags,
    Riflags, Rights, Sdflags, Siflags, Whence, env, io, proc,
};
use wasm_function::{println, with_memory_allocator};

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    println!("FAIL panic {info}");
    proc::exit(101)
}

const ROOT: &str = "/sandbox";
const HELLO: &[u8] = b"hello from the host\n";
/// The modification time given to `hello.txt`: 10^9 seconds after the epoch, in nanoseconds.
const MTIME: u64 = 1_000_000_000_000_000_000;
/// The access time given to `hello.txt`.
const ATIME: u64 = 1_100_000_000_000_000_000;

static FAILURES: AtomicU32 = AtomicU32::new(0);

/// Prints `ok <name> <details>` or `FAIL <name> <details>`.
fn check(name: &str, ok: bool, details: fmt::Arguments<'_>) {
    if ok {
        println!("ok {name} {details}");
    } else {
        FAILURES.fetch_add(1, Ordering::Relaxed);
        println!("FAIL {name} {details}");
    }
}

/// `ok` or the errno's name.
fn status<T>(result: &Result<T, Errno>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(e) => e.name(),
    }
}

/// Checks that `result` is the error `want`.
fn expect_err<T>(name: &str, what: &str, result: Result<T, Errno>, want: Errno) {
    check(
        name,
        matches!(result, Err(e) if e == want),
        format_args!("{what} -> {}", status(&result)),
    );
}

/// Byte equality without `memcmp` (a `no_std` module has no libc to import it from).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Byte order without `memcmp`.
fn less(a: &[u8], b: &[u8]) -> bool {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x < y;
        }
    }
    a.len() < b.len()
}

/// Bytes shown as a quoted string.
struct Text<'a>(&'a [u8]);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match core::str::from_utf8(self.0) {
            Ok(s) => write!(f, "{s:?}"),
            Err(_) => write!(f, "{:?}", self.0),
        }
    }
}

// -------------------------------------------------------------------------------------------
// A sorted directory listing in fixed storage

const MAX_ENTRIES: usize = 16;
const MAX_NAME: usize = 40;

#[derive(Clone, Copy)]
struct Entry {
    name: [u8; MAX_NAME],
    len: usize,
    kind: Filetype,
    size: u64,
}

impl Entry {
    const EMPTY: Self = Self {
        name: [0; MAX_NAME],
        len: 0,
        kind: Filetype::UNKNOWN,
        size: 0,
    };

    fn name(&self) -> &[u8] {
        &self.name[..self.len]
    }
}

/// Entries sorted by name: `name:type` for each, with `:size` for regular files.
struct Listing {
    entries: [Entry; MAX_ENTRIES],
    count: usize,
    overflow: bool,
}

impl Listing {
    fn new() -> Self {
        Self {
            entries: [Entry::EMPTY; MAX_ENTRIES],
            count: 0,
            overflow: false,
        }
    }

    fn insert(&mut self, name: &[u8], kind: Filetype, size: u64) {
        if self.count == MAX_ENTRIES || name.len() > MAX_NAME {
            self.overflow = true;
            return;
        }
        let mut entry = Entry::EMPTY;
        for (slot, byte) in entry.name.iter_mut().zip(name) {
            *slot = *byte;
        }
        entry.len = name.len();
        entry.kind = kind;
        entry.size = size;
        let mut at = self.count;
        while at > 0 && less(name, self.entries[at - 1].name()) {
            self.entries[at] = self.entries[at - 1];
            at -= 1;
        }
        self.entries[at] = entry;
        self.count += 1;
    }

    fn same_as(&self, other: &Self) -> bool {
        self.count == other.count
            && self.overflow == other.overflow
            && self.entries[..self.count]
                .iter()
                .zip(&other.entries[..other.count])
                .all(|(a, b)| same(a.name(), b.name()) && a.kind == b.kind && a.size == b.size)
    }
}

impl fmt::Display for Listing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, entry) in self.entries[..self.count].iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            let name = core::str::from_utf8(entry.name()).unwrap_or("?");
            write!(f, "{name}:{}", entry.kind.name())?;
            if entry.kind == Filetype::REGULAR_FILE {
                write!(f, ":{}", entry.size)?;
            }
        }
        if self.overflow {
            f.write_str(" (more)")?;
        }
        Ok(())
    }
}

/// Lists `path` (relative to `dir`) with `fd_readdir` into `buf`; sizes from
/// `path_filestat_get`.
fn list(dir: Fd, path: &str, buf: &mut [u8]) -> Result<Listing, Errno> {
    let listed = File::open_dir(dir, path)?;
    let mut listing = Listing::new();
    let mut entries = fs::read_dir(listed.fd(), buf);
    while let Some(entry) = entries.next_entry()? {
        let size = match entry.file_type() {
            Filetype::REGULAR_FILE => fs::metadata(listed.fd(), entry.name()?)?.size,
            _ => 0,
        };
        listing.insert(entry.name_bytes(), entry.file_type(), size);
    }
    Ok(listing)
}

/// Lists `path` twice — with a 64-byte buffer (most entries truncated and fetched again) and
/// with a 4 KiB buffer from a memory scope — and checks that both agree.
fn check_listing(name: &str, dir: Fd, path: &str) -> Result<(), Errno> {
    let mut small = [0_u8; 64];
    let listing = list(dir, path, &mut small)?;
    let scoped = with_memory_allocator!(|mem| {
        let listed = File::open_dir(dir, path)?;
        let mut listing = Listing::new();
        let mut entries = fs::read_dir_in(mem, listed.fd())?;
        while let Some(entry) = entries.next_entry()? {
            let size = match entry.file_type() {
                Filetype::REGULAR_FILE => fs::metadata(listed.fd(), entry.name()?)?.size,
                _ => 0,
            };
            listing.insert(entry.name_bytes(), entry.file_type(), size);
        }
        listing
    });
    check(
        name,
        listing.same_as(&scoped) && !listing.overflow,
        format_args!("{path}: {listing}"),
    );
    Ok(())
}

// -------------------------------------------------------------------------------------------
// The checks

fn preopens() -> Result<Fd, Errno> {
    let mut count = 0;
    with_memory_allocator!(|mem| {
        for preopen in fs::preopens() {
            let preopen = preopen?;
            let name = preopen.name_in(mem)?;
            count += 1;
            check(
                "preopen",
                same(name.as_bytes(), ROOT.as_bytes()) && preopen.fd() == Fd::FIRST_PREOPEN,
                format_args!("{name} fd {}", preopen.fd().raw()),
            );
        }
    });
    check("preopen-count", count == 1, format_args!("{count}"));
    let (dir, rel) = fs::resolve("/sandbox/subdir/nested.txt")?;
    check(
        "resolve",
        dir == Fd::FIRST_PREOPEN && same(rel.as_bytes(), b"subdir/nested.txt"),
        format_args!("/sandbox/subdir/nested.txt -> fd {} {rel:?}", dir.raw()),
    );
    expect_err(
        "resolve-outside",
        "/elsewhere/x",
        fs::resolve("/elsewhere/x"),
        Errno::NOTCAPABLE,
    );
    let (dir, rel) = fs::resolve(ROOT)?;
    check(
        "resolve-root",
        same(rel.as_bytes(), b"."),
        format_args!("{ROOT} -> {rel:?}"),
    );
    Ok(dir)
}

/// Fills `a` then `b` from `fd` with `fd_read` calls of two iovecs; returns the bytes read and
/// how many the first call read.
fn read_two(fd: Fd, a: &mut [u8], b: &mut [u8]) -> Result<(usize, usize), Errno> {
    let (mut done, mut first) = (0, None);
    while done < a.len() + b.len() {
        let n = if done < a.len() {
            raw::fd_read(fd, &[Iovec::new(&mut a[done..]), Iovec::new(b)])?
        } else {
            raw::fd_read(fd, &[Iovec::new(&mut b[done - a.len()..])])?
        };
        first.get_or_insert(n);
        if n == 0 {
            break;
        }
        done += n;
    }
    Ok((done, first.unwrap_or(0)))
}

/// Writes `a` then `b` to `fd` with `fd_write` calls of two iovecs; returns how many bytes
/// the first call wrote.
fn write_two(fd: Fd, a: &[u8], b: &[u8]) -> Result<usize, Errno> {
    let (mut done, mut first) = (0, None);
    while done < a.len() + b.len() {
        let n = if done < a.len() {
            raw::fd_write(fd, &[Ciovec::new(&a[done..]), Ciovec::new(b)])?
        } else {
            raw::fd_write(fd, &[Ciovec::new(&b[done - a.len()..])])?
        };
        first.get_or_insert(n);
        if n == 0 {
            return Err(Errno::IO);
        }
        done += n;
    }
    Ok(first.unwrap_or(0))
}

fn read_and_write(dir: Fd) -> Result<(), Errno> {
    let mut buf = [0_u8; 64];
    let n = File::open(dir, "hello.txt")?.read_full(&mut buf)?;
    check(
        "read",
        same(&buf[..n], HELLO),
        format_args!("hello.txt {n} bytes {}", Text(&buf[..n])),
    );

    // Scatter and gather: one call moves bytes between the file and two buffers. A host may
    // move fewer bytes than asked (wasmtime fills or drains only the first buffer per call),
    // so both loop until done; how much the first call moved is reported, not checked.
    let file = File::open(dir, "subdir/nested.txt")?;
    let (mut head, mut tail) = ([0_u8; 3], [0_u8; 4]);
    let (n, first) = read_two(file.fd(), &mut head, &mut tail)?;
    println!("info fd_read of two buffers: the first call read {first} of 7 bytes");
    check(
        "read-scatter",
        n == 7 && same(&head, b"nes") && same(&tail, b"ted\n"),
        format_args!(
            "subdir/nested.txt {n} bytes {} + {}",
            Text(&head),
            Text(&tail)
        ),
    );
    check(
        "read-eof",
        file.read(&mut buf)? == 0,
        format_args!("a read at the end gives 0 bytes"),
    );
    drop(file);

    let file = File::create(dir, "written.txt")?;
    file.write_all(b"written by the guest\n")?;
    let first = write_two(file.fd(), b"second ", b"line\n")?;
    println!("info fd_write of two buffers: the first call wrote {first} of 12 bytes");
    file.close()?;
    let n_back = File::open(dir, "written.txt")?.read_full(&mut buf)?;
    let expected: &[u8] = b"written by the guest\nsecond line\n";
    check(
        "write-read",
        same(&buf[..n_back], expected),
        format_args!("written.txt {n_back} bytes {}", Text(&buf[..n_back])),
    );
    Ok(())
}

fn stat(dir: Fd) -> Result<(), Errno> {
    let written = fs::metadata(dir, "written.txt")?;
    check(
        "stat-file",
        written.filetype == Filetype::REGULAR_FILE && written.size == 33 && written.nlink == 1,
        format_args!(
            "written.txt {} size {} nlink {}",
            written.filetype.name(),
            written.size,
            written.nlink
        ),
    );
    let subdir = fs::metadata(dir, "subdir")?;
    check(
        "stat-dir",
        subdir.filetype == Filetype::DIRECTORY,
        format_args!("subdir {}", subdir.filetype.name()),
    );
    let file = File::open(dir, "written.txt")?;
    let fstat = file.metadata()?;
    check(
        "fstat",
        fstat.filetype == Filetype::REGULAR_FILE && fstat.size == 33 && fstat.ino == written.ino,
        format_args!(
            "written.txt {} size {} same inode {}",
            fstat.filetype.name(),
            fstat.size,
            fstat.ino == written.ino
        ),
    );
    let fdstat = file.fdstat()?;
    check(
        "fdstat-file",
        fdstat.fs_filetype == Filetype::REGULAR_FILE
            && fdstat
                .fs_rights_base
                .contains(Rights::FD_READ | Rights::FD_SEEK),
        format_args!(
            "{} read {} seek {}",
            fdstat.fs_filetype.name(),
            fdstat.fs_rights_base.contains(Rights::FD_READ),
            fdstat.fs_rights_base.contains(Rights::FD_SEEK)
        ),
    );
    let dirstat = raw::fd_fdstat_get(dir)?;
    check(
        "fdstat-dir",
        dirstat.fs_filetype == Filetype::DIRECTORY,
        format_args!("{} {}", ROOT, dirstat.fs_filetype.name()),
    );
    Ok(())
}

fn seek_and_tell(dir: Fd) -> Result<(), Errno> {
    let file = File::open(dir, "written.txt")?;
    let mut two = [0_u8; 2];
    let at = file.seek(SeekFrom::Start(8))?;
    let told = file.tell()?;
    let n = file.read(&mut two)?;
    let after = file.tell()?;
    check(
        "seek-start",
        at == 8 && told == 8 && n == 2 && same(&two, b"by") && after == 10,
        format_args!(
            "seek 8 -> {at}, tell {told}, read {}, tell {after}",
            Text(&two[..n])
        ),
    );
    let back = file.seek(SeekFrom::Current(-4))?;
    let n = file.read(&mut two)?;
    check(
        "seek-current",
        back == 6 && same(&two[..n], b"n "),
        format_args!("-4 -> {back}, read {}", Text(&two[..n])),
    );
    let end = file.seek(SeekFrom::End(-5))?;
    let mut rest = [0_u8; 8];
    let n = file.read(&mut rest)?;
    check(
        "seek-end",
        end == 28 && same(&rest[..n], b"line\n"),
        format_args!("end-5 -> {end}, read {}", Text(&rest[..n])),
    );
    expect_err(
        "seek-negative",
        "current-100",
        file.seek(SeekFrom::Current(-100)),
        Errno::INVAL,
    );
    Ok(())
}

fn positional_and_size(dir: Fd) -> Result<(), Errno> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir, "written.txt")?;
    let wrote = file.write_at(b"WRITTEN", 0)?;
    let mut seven = [0_u8; 7];
    let read = file.read_at(&mut seven, 0)?;
    let told = file.tell()?;
    check(
        "pwrite-pread",
        wrote == 7 && read == 7 && same(&seven, b"WRITTEN") && told == 0,
        format_args!(
            "wrote {wrote} at 0, read {} at 0, offset still {told}",
            Text(&seven[..read])
        ),
    );
    file.set_len(7)?;
    let shrunk = file.metadata()?.size;
    file.set_len(12)?;
    let mut twelve = [0xff_u8; 16];
    let n = file.read_at(&mut twelve, 0)?;
    check(
        "set-size",
        shrunk == 7 && n == 12 && same(&twelve[..n], b"WRITTEN\0\0\0\0\0"),
        format_args!("7 -> size {shrunk}; 12 -> {n} bytes {}", Text(&twelve[..n])),
    );
    drop(file);

    let log = OpenOptions::new().append(true).open(dir, "written.txt")?;
    log.write_all(b"appended\n")?;
    let appended = log.metadata()?.size;
    let append_flag = log.fdstat()?.fs_flags.contains(Fdflags::APPEND);
    check(
        "append",
        appended == 21 && append_flag,
        format_args!("size {appended}, fdflags append {append_flag}"),
    );
    drop(log);

    // Turn on append after opening: the write goes to the end, not to offset 0.
    let file = OpenOptions::new().write(true).open(dir, "written.txt")?;
    raw::fd_fdstat_set_flags(file.fd(), Fdflags::APPEND)?;
    file.write_all(b"more\n")?;
    let size = file.metadata()?.size;
    let append_flag = file.fdstat()?.fs_flags.contains(Fdflags::APPEND);
    check(
        "set-flags-append",
        size == 26 && append_flag,
        format_args!("size {size}, fdflags append {append_flag}"),
    );
    file.sync_data()?;
    file.sync_all()?;
    raw::fd_advise(file.fd(), 0, 26, Advice::SEQUENTIAL)?;
    check(
        "sync-advise",
        true,
        format_args!("fd_datasync, fd_sync, fd_advise ok"),
    );
    Ok(())
}

fn errors(dir: Fd) -> Result<(), Errno> {
    expect_err(
        "noent",
        "open missing.txt",
        File::open(dir, "missing.txt"),
        Errno::NOENT,
    );
    expect_err(
        "noent-stat",
        "stat missing/x.txt",
        fs::metadata(dir, "missing/x.txt"),
        Errno::NOENT,
    );
    expect_err(
        "noent-unlink",
        "unlink missing.txt",
        fs::remove_file(dir, "missing.txt"),
        Errno::NOENT,
    );

    let fd = File::open(dir, "hello.txt")?.into_fd();
    raw::fd_close(fd)?;
    let mut buf = [0_u8; 4];
    expect_err(
        "badf-read",
        "read a closed fd",
        io::read(fd, &mut buf),
        Errno::BADF,
    );
    expect_err(
        "badf-close",
        "close it again",
        raw::fd_close(fd),
        Errno::BADF,
    );
    expect_err(
        "badf-write",
        "write to fd 999",
        io::write(Fd::from_raw(999), b"x"),
        Errno::BADF,
    );

    expect_err(
        "notdir-open",
        "open_dir hello.txt",
        File::open_dir(dir, "hello.txt"),
        Errno::NOTDIR,
    );
    expect_err(
        "notdir-path",
        "open hello.txt/x",
        File::open(dir, "hello.txt/x"),
        Errno::NOTDIR,
    );

    expect_err(
        "exist-create-new",
        "create_new hello.txt",
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir, "hello.txt"),
        Errno::EXIST,
    );
    expect_err(
        "exist-mkdir",
        "mkdir subdir",
        fs::create_dir(dir, "subdir"),
        Errno::EXIST,
    );
    Ok(())
}

fn directories(dir: Fd) -> Result<(), Errno> {
    fs::create_dir(dir, "made")?;
    fs::write(dir, "made/inner.txt", b"inner\n")?;
    let made = fs::metadata(dir, "made")?.filetype;
    let not_empty = fs::remove_dir(dir, "made");
    fs::remove_file(dir, "made/inner.txt")?;
    let removed = fs::remove_dir(dir, "made");
    let gone = fs::metadata(dir, "made");
    check(
        "mkdir-rmdir",
        made == Filetype::DIRECTORY
            && not_empty == Err(Errno::NOTEMPTY)
            && removed.is_ok()
            && gone == Err(Errno::NOENT),
        format_args!(
            "mkdir made -> {}; rmdir with a file -> {}; after unlinking it -> {}; stat -> {}",
            made.name(),
            status(&not_empty),
            status(&removed),
            status(&gone)
        ),
    );

    fs::create_dir(dir, "kept")?;
    fs::write(dir, "kept/file.txt", b"kept\n")?;
    fs::rename(dir, "kept/file.txt", dir, "subdir/moved.txt")?;
    let mut buf = [0_u8; 16];
    let n = File::open(dir, "subdir/moved.txt")?.read_full(&mut buf)?;
    check(
        "rename-across",
        same(&buf[..n], b"kept\n") && fs::metadata(dir, "kept/file.txt") == Err(Errno::NOENT),
        format_args!("kept/file.txt -> subdir/moved.txt {}", Text(&buf[..n])),
    );

    fs::rename(dir, "to-rename.txt", dir, "renamed.txt")?;
    let old = File::open(dir, "to-rename.txt");
    let n = File::open(dir, "renamed.txt")?.read_full(&mut buf)?;
    check(
        "rename",
        old.is_err() && same(&buf[..n], b"rename me\n"),
        format_args!(
            "to-rename.txt -> renamed.txt {}; old name -> {}",
            Text(&buf[..n]),
            status(&old)
        ),
    );

    fs::remove_file(dir, "to-delete.txt")?;
    expect_err(
        "unlink",
        "unlink to-delete.txt, then stat",
        fs::metadata(dir, "to-delete.txt"),
        Errno::NOENT,
    );
    Ok(())
}

fn links_and_times(dir: Fd) -> Result<(), Errno> {
    fs::symlink(dir, "hello.txt", "link")?;
    let mut buf = [0_u8; 64];
    let target = fs::read_link(dir, "link", &mut buf)?;
    let target_len = target.len();
    let lstat = fs::symlink_metadata(dir, "link")?;
    let stat = fs::metadata(dir, "link")?;
    check(
        "symlink",
        same(target.as_bytes(), b"hello.txt")
            && lstat.filetype == Filetype::SYMBOLIC_LINK
            && lstat.size == target_len as u64
            && stat.filetype == Filetype::REGULAR_FILE
            && stat.size == HELLO.len() as u64,
        format_args!(
            "link -> {target:?}; lstat {} size {}; stat {} size {}",
            lstat.filetype.name(),
            lstat.size,
            stat.filetype.name(),
            stat.size
        ),
    );
    let n = File::open(dir, "link")?.read_full(&mut buf)?;
    check(
        "symlink-read",
        same(&buf[..n], HELLO),
        format_args!("through link {}", Text(&buf[..n])),
    );
    expect_err(
        "exist-symlink",
        "symlink onto hello.txt",
        fs::symlink(dir, "subdir", "hello.txt"),
        Errno::EXIST,
    );

    fs::hard_link(dir, "hello.txt", dir, "hard.txt")?;
    let hard = fs::metadata(dir, "hard.txt")?;
    let hello = fs::metadata(dir, "hello.txt")?;
    check(
        "hard-link",
        hard.nlink == 2 && hard.ino == hello.ino && hard.size == HELLO.len() as u64,
        format_args!(
            "hard.txt nlink {} same inode {} size {}",
            hard.nlink,
            hard.ino == hello.ino,
            hard.size
        ),
    );
    expect_err(
        "exist-link",
        "link onto renamed.txt",
        fs::hard_link(dir, "hello.txt", dir, "renamed.txt"),
        Errno::EXIST,
    );

    raw::path_filestat_set_times(
        dir,
        Lookupflags::SYMLINK_FOLLOW,
        "hello.txt",
        ATIME,
        MTIME,
        Fstflags::ATIM | Fstflags::MTIM,
    )?;
    let hello = fs::metadata(dir, "hello.txt")?;
    check(
        "path-set-times",
        hello.mtim == MTIME && hello.atim == ATIME,
        format_args!("hello.txt mtim {} atim {}", hello.mtim, hello.atim),
    );
    let file = OpenOptions::new().write(true).open(dir, "renamed.txt")?;
    raw::fd_filestat_set_times(file.fd(), 0, MTIME + 1_000_000_000, Fstflags::MTIM)?;
    let mtim = file.metadata()?.mtim;
    check(
        "fd-set-times",
        mtim == MTIME + 1_000_000_000,
        format_args!("renamed.txt mtim {mtim}"),
    );
    Ok(())
}

fn renumber(dir: Fd) -> Result<(), Errno> {
    let from = File::open(dir, "hello.txt")?;
    let to = File::open(dir, "renamed.txt")?;
    let from = from.into_fd();
    raw::fd_renumber(from, to.fd())?;
    let mut buf = [0_u8; 32];
    let n = to.read_full(&mut buf)?;
    let old = io::read(from, &mut buf);
    check(
        "renumber",
        same(&buf[..n], HELLO) && old == Err(Errno::BADF),
        format_args!(
            "the target fd now reads hello.txt; the old fd -> {}",
            status(&old)
        ),
    );
    Ok(())
}

/// An errno's name, or `ok` for a success, for `Result<(), Errno>`-like outcomes whose value
/// does not matter.
fn outcome<T>(result: Result<T, Errno>) -> &'static str {
    status(&result)
}

/// The functions std users expect: trees, copies, existence, whole-file reads, times, advice,
/// allocation, descriptor flags, renumbering; their errors; undefined flag bits.
fn parity(dir: Fd) -> Result<(), Errno> {
    // Trees.
    fs::create_dir_all(dir, "tree/a/b/c")?;
    let again = fs::create_dir_all(dir, "tree/a/b/c/");
    let deep = fs::metadata(dir, "tree/a/b/c")?.filetype;
    check(
        "create-dir-all",
        again.is_ok() && deep == Filetype::DIRECTORY,
        format_args!("tree/a/b/c -> {}; again -> {}", deep.name(), status(&again)),
    );
    expect_err(
        "create-dir-all-file",
        "create_dir_all hello.txt/x",
        fs::create_dir_all(dir, "hello.txt/x"),
        Errno::EXIST,
    );
    fs::write(dir, "tree/a/top.txt", b"top\n")?;
    fs::write(dir, "tree/a/b/c/leaf.txt", b"leaf\n")?;
    fs::symlink(dir, "c", "tree/a/b/link")?;
    let removed = fs::remove_dir_all(dir, "tree/a");
    let gone = fs::exists(dir, "tree/a");
    let target_kept = fs::exists(dir, "hello.txt");
    check(
        "remove-dir-all",
        removed.is_ok() && gone == Ok(false) && target_kept == Ok(true),
        format_args!(
            "tree/a with files, a subtree and a link to a directory -> {}; exists after -> {:?}; hello.txt exists -> {:?}",
            status(&removed),
            gone,
            target_kept
        ),
    );
    expect_err(
        "remove-dir-all-missing",
        "remove_dir_all missing",
        fs::remove_dir_all(dir, "missing"),
        Errno::NOENT,
    );
    expect_err(
        "remove-dir-all-file",
        "remove_dir_all hello.txt",
        fs::remove_dir_all(dir, "hello.txt"),
        Errno::NOTDIR,
    );

    // Copies and whole-file reads.
    fs::create_dir_all(dir, "tree/kept")?;
    let copied = fs::copy(dir, "hello.txt", dir, "tree/kept/copy.txt")?;
    let mut buf = [0_u8; 64];
    let text = fs::read_to_string_into(dir, "tree/kept/copy.txt", &mut buf)?;
    check(
        "copy",
        copied == HELLO.len() as u64 && same(text.as_bytes(), HELLO),
        format_args!("hello.txt -> tree/kept/copy.txt {copied} bytes {text:?}"),
    );
    expect_err(
        "copy-dir",
        "copy subdir",
        fs::copy(dir, "subdir", dir, "tree/x"),
        Errno::ISDIR,
    );
    expect_err(
        "copy-missing",
        "copy missing.txt",
        fs::copy(dir, "missing.txt", dir, "tree/x"),
        Errno::NOENT,
    );
    let mut exact = [0_u8; HELLO.len()];
    let whole = fs::read_into(dir, "hello.txt", &mut exact).map(<[u8]>::len);
    let mut short = [0_u8; 5];
    let too_small = fs::read_into(dir, "hello.txt", &mut short);
    let zero = fs::read_into(dir, "hello.txt", &mut []);
    check(
        "read-into",
        whole == Ok(HELLO.len()) && too_small == Err(Errno::NOBUFS) && zero == Err(Errno::NOBUFS),
        format_args!(
            "a 20-byte buffer -> {:?}; 5 bytes -> {}; 0 bytes -> {}",
            whole,
            status(&too_small),
            status(&zero)
        ),
    );
    fs::write(dir, "tree/empty.txt", b"")?;
    let empty = fs::read_into(dir, "tree/empty.txt", &mut []).map(<[u8]>::len);
    fs::remove_file(dir, "tree/empty.txt")?;
    check(
        "read-into-empty",
        empty == Ok(0),
        format_args!("an empty file into 0 bytes -> {empty:?}"),
    );
    fs::write(dir, "tree/latin1.txt", b"caf\xe9\n")?;
    let latin1 = fs::read_to_string_into(dir, "tree/latin1.txt", &mut buf);
    fs::remove_file(dir, "tree/latin1.txt")?;
    expect_err("read-string-latin1", "caf\\xe9", latin1, Errno::ILSEQ);

    // Existence.
    let exists = (
        fs::exists(dir, "hello.txt"),
        fs::exists(dir, "missing.txt"),
        fs::exists(dir, "link"),
    );
    check(
        "exists",
        exists == (Ok(true), Ok(false), Ok(true)),
        format_args!(
            "hello.txt {:?}, missing.txt {:?}, link {:?}",
            exists.0, exists.1, exists.2
        ),
    );
    expect_err(
        "exists-notdir",
        "exists hello.txt/x",
        fs::exists(dir, "hello.txt/x"),
        Errno::NOTDIR,
    );

    // Times.
    const COPY_MTIME: u64 = 1_009_843_200_000_000_000;
    fs::set_times(
        dir,
        "tree/kept/copy.txt",
        FileTimes::new()
            .set_modified(COPY_MTIME)
            .set_accessed(ATIME),
    )?;
    let stat = fs::metadata(dir, "tree/kept/copy.txt")?;
    check(
        "set-times-path",
        stat.mtim == COPY_MTIME && stat.atim == ATIME,
        format_args!("tree/kept/copy.txt mtim {} atim {}", stat.mtim, stat.atim),
    );
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .open(dir, "tree/kept/log.txt")?;
    file.set_modified(MTIME)?;
    let set = file.metadata()?.mtim;
    file.set_times(FileTimes::new().set_modified_now().set_accessed_now())?;
    let now = file.metadata()?.mtim;
    // 2020-01-01 in nanoseconds since the epoch.
    let y2020 = 1_577_836_800_000_000_000;
    check(
        "set-times-file",
        set == MTIME && now > y2020,
        format_args!(
            "set_modified -> {set}; set_modified_now -> after 2020 {}",
            now > y2020
        ),
    );
    println!(
        "info set_symlink_times {}",
        outcome(fs::set_symlink_times(
            dir,
            "link",
            FileTimes::new().set_modified(MTIME)
        ))
    );

    // Descriptor flags: append after opening.
    file.write_all(b"first\n")?;
    file.seek(SeekFrom::Start(0))?;
    file.set_append(true)?;
    let append = file.fdflags()?.contains(Fdflags::APPEND);
    file.write_all(b"appended\n")?;
    let size = file.metadata()?.size;
    file.set_append(false)?;
    let append_after = file.fdflags()?.contains(Fdflags::APPEND);
    check(
        "set-append",
        append && size == 15,
        format_args!("append {append}, a write at offset 0 -> size {size}"),
    );
    // Node keeps reporting `append` after it is turned off.
    println!("info set_append(false), then fdflags append {append_after}");
    println!(
        "info set_nonblocking on a file {}",
        outcome(file.set_nonblocking(true))
    );
    expect_err(
        "set-fdflags-undefined",
        "fdflags 0x100",
        file.set_fdflags(Fdflags::from_bits_retain(0x100)),
        Errno::INVAL,
    );

    // Advice and allocation.
    let advised = (
        file.advise(0, 0, Advice::WILLNEED),
        file.advise(0, 15, Advice::SEQUENTIAL),
    );
    check(
        "advise",
        advised == (Ok(()), Ok(())),
        format_args!(
            "willneed whole file {}, sequential 0..15 {}",
            status(&advised.0),
            status(&advised.1)
        ),
    );
    expect_err(
        "advise-undefined",
        "advice 99",
        file.advise(0, 0, Advice::from_raw(99)),
        Errno::INVAL,
    );
    let scratch = File::create(dir, "tree/allocated.bin")?;
    let allocated = scratch.allocate(0, 64);
    let size = scratch.metadata()?.size;
    println!(
        "info advise huge {}, allocate 0..64 {} (size {size}), allocate zero length {}, allocate huge {}",
        outcome(file.advise(u64::MAX, u64::MAX, Advice::NORMAL)),
        status(&allocated),
        outcome(scratch.allocate(0, 0)),
        outcome(scratch.allocate(u64::MAX, u64::MAX)),
    );
    drop(scratch);
    fs::remove_file(dir, "tree/allocated.bin")?;
    drop(file);

    // Renumbering.
    let target = File::open(dir, "renamed.txt")?;
    File::open(dir, "tree/kept/copy.txt")?.renumber(&target)?;
    let n = target.read_full(&mut buf)?;
    check(
        "renumber-file",
        same(&buf[..n], HELLO),
        format_args!(
            "the target now reads tree/kept/copy.txt {}",
            Text(&buf[..n])
        ),
    );
    expect_err(
        "renumber-badf",
        "renumber fd 999",
        File::from_fd(Fd::from_raw(999)).renumber(&target),
        Errno::BADF,
    );
    drop(target);

    // Bad descriptors.
    let bad = File::from_fd(Fd::from_raw(999));
    let results = [
        outcome(bad.set_times(FileTimes::new().set_modified(1))),
        outcome(bad.advise(0, 0, Advice::NORMAL)),
        outcome(bad.fdflags()),
        outcome(bad.set_append(true)),
        outcome(fs::exists(Fd::from_raw(999), "x")),
        outcome(fs::create_dir_all(Fd::from_raw(999), "x")),
        outcome(fs::copy(Fd::from_raw(999), "x", dir, "y")),
        outcome(fs::remove_dir_all(Fd::from_raw(999), "x")),
    ];
    let _ = bad.into_fd();
    check(
        "badf-parity",
        results.iter().all(|r| same(r.as_bytes(), b"badf")),
        format_args!(
            "set_times, advise, fdflags, set_append, exists, create_dir_all, copy, remove_dir_all on fd 999 -> {results:?}"
        ),
    );

    // Writing to a file opened read-only, and huge offsets and lengths.
    let read_only = File::open(dir, "hello.txt")?;
    println!(
        "info read-only file: write {}, set_len {}, set_append {}",
        outcome(read_only.write(b"x")),
        outcome(read_only.set_len(0)),
        outcome(read_only.set_append(true)),
    );
    check(
        "read-only-write",
        read_only.write(b"x").is_err() && read_only.write_all(b"x").is_err(),
        format_args!("write and write_all fail"),
    );
    let zero_len = (read_only.read(&mut []), read_only.read_at(&mut [], 0));
    check(
        "zero-length",
        zero_len == (Ok(0), Ok(0)),
        format_args!("read and read_at into 0 bytes -> {:?}", zero_len),
    );
    let mut one = [0_u8; 1];
    expect_err(
        "read-far",
        "read_at 2^63-1",
        read_only.read_at(&mut one, u64::MAX / 2),
        Errno::INVAL,
    );
    expect_err(
        "seek-huge",
        "SeekFrom::Start(u64::MAX)",
        read_only.seek(SeekFrom::Start(u64::MAX)),
        Errno::INVAL,
    );
    println!(
        "info huge: read_at u64::MAX {}, seek end+i64::MAX {}",
        outcome(read_only.read_at(&mut one, u64::MAX)),
        outcome(read_only.seek(SeekFrom::End(i64::MAX))),
    );
    drop(read_only);

    // Undefined flag bits and enumeration values: refused before the host sees them.
    let undefined = [
        outcome(raw::path_filestat_get(
            dir,
            Lookupflags::from_bits_retain(0x2),
            "hello.txt",
        )),
        outcome(raw::path_filestat_set_times(
            dir,
            Lookupflags::SYMLINK_FOLLOW,
            "hello.txt",
            0,
            0,
            Fstflags::from_bits_retain(0x10),
        )),
        outcome(raw::path_open(
            dir,
            Lookupflags::from_bits_retain(0x8000_0000),
            "hello.txt",
            Oflags::empty(),
            Rights::FD_READ,
            Rights::empty(),
            Fdflags::empty(),
        )),
        outcome(raw::path_open(
            dir,
            Lookupflags::empty(),
            "hello.txt",
            Oflags::from_bits_retain(0x10),
            Rights::FD_READ,
            Rights::empty(),
            Fdflags::empty(),
        )),
        outcome(raw::path_open(
            dir,
            Lookupflags::empty(),
            "hello.txt",
            Oflags::empty(),
            Rights::from_bits_retain(1 << 40),
            Rights::empty(),
            Fdflags::empty(),
        )),
        outcome(
            OpenOptions::new()
                .read(true)
                .fdflags(Fdflags::from_bits_retain(0x20))
                .open(dir, "hello.txt"),
        ),
        outcome(raw::path_link(
            dir,
            Lookupflags::from_bits_retain(0x4),
            "hello.txt",
            dir,
            "never.txt",
        )),
        outcome(raw::fd_fdstat_set_flags(
            dir,
            Fdflags::from_bits_retain(0x8000),
        )),
        outcome(raw::fd_seek(Fd::STDIN, 0, Whence::from_raw(7))),
        outcome(raw::fd_advise(dir, 0, 0, Advice::from_raw(6))),
        outcome(raw::clock_time_get(Clockid::from_raw(9), 0)),
        outcome(raw::sock_shutdown(dir, Sdflags::from_bits_retain(0x4))),
    ];
    check(
        "undefined-bits",
        undefined.iter().all(|r| same(r.as_bytes(), b"inval"))
            && fs::exists(dir, "never.txt") == Ok(false),
        format_args!(
            "{} calls with undefined bits or values -> {undefined:?}",
            undefined.len()
        ),
    );
    Ok(())
}

/// With the argument `root`: the host preopened its directory (holding `hello.txt`) as `/` or
/// as `.`, as `wasmtime --dir host::/` and wasi-testsuite do; relative and absolute paths
/// resolve to it like std's.
///
/// What the host should see afterwards: `notes.txt` ("written at the root\n"),
/// `sub/deep.txt` ("deep\n"), `sub/deeper/` and `sub/copy.txt` (a copy of `hello.txt`).
fn root_mode() -> Result<(), Errno> {
    let mut count = 0;
    let mut name_buf = [0_u8; 8];
    for preopen in fs::preopens() {
        let preopen = preopen?;
        count += 1;
        println!(
            "info root-preopen {:?} fd {}",
            preopen.name_into(&mut name_buf)?,
            preopen.fd().raw()
        );
    }
    check("root-preopens", count == 1, format_args!("{count}"));
    for (path, want) in [
        ("notes.txt", "notes.txt"),
        ("./notes.txt", "notes.txt"),
        ("/notes.txt", "notes.txt"),
        ("sub/deep.txt", "sub/deep.txt"),
        (".", "."),
        ("/", "."),
        ("./", "."),
    ] {
        let resolved = fs::resolve(path);
        check(
            "root-resolve",
            resolved.is_ok_and(|(fd, rel)| {
                fd == Fd::FIRST_PREOPEN && same(rel.as_bytes(), want.as_bytes())
            }),
            format_args!(
                "{path:?} -> {}",
                match resolved {
                    Ok((fd, rel)) => Resolved(fd.raw(), rel),
                    Err(e) => Resolved(0, e.name()),
                }
            ),
        );
    }
    expect_err("root-resolve-empty", "\"\"", fs::resolve(""), Errno::NOENT);

    let (dir, path) = fs::resolve("notes.txt")?;
    fs::write(dir, path, b"written at the root\n")?;
    let (dir, path) = fs::resolve("/notes.txt")?;
    let mut buf = [0_u8; 64];
    let text = fs::read_to_string_into(dir, path, &mut buf)?;
    check(
        "root-write",
        same(text.as_bytes(), b"written at the root\n"),
        format_args!("notes.txt, read back as /notes.txt {text:?}"),
    );
    let (dir, path) = fs::resolve("./sub/deeper")?;
    fs::create_dir_all(dir, path)?;
    let (dir, path) = fs::resolve("sub/deep.txt")?;
    fs::write(dir, path, b"deep\n")?;
    let (dir, path) = fs::resolve("/sub/deeper")?;
    let deeper = fs::metadata(dir, path)?.filetype;
    check(
        "root-create-dir-all",
        deeper == Filetype::DIRECTORY,
        format_args!("./sub/deeper -> {}", deeper.name()),
    );
    let (from_dir, from) = fs::resolve("hello.txt")?;
    let (to_dir, to) = fs::resolve("/sub/copy.txt")?;
    let copied = fs::copy(from_dir, from, to_dir, to)?;
    check(
        "root-copy",
        copied == HELLO.len() as u64,
        format_args!("hello.txt -> /sub/copy.txt {copied} bytes"),
    );
    let (dir, _) = fs::resolve(".")?;
    let exists = (fs::exists(dir, "notes.txt"), fs::exists(dir, "missing.txt"));
    check(
        "root-exists",
        exists == (Ok(true), Ok(false)),
        format_args!("notes.txt {:?}, missing.txt {:?}", exists.0, exists.1),
    );
    let (dir, path) = fs::resolve("../outside.txt")?;
    // Refused (wasmtime), or, as `/..` is `/`, written inside the preopen (Node under `/`).
    let escaped = fs::write(dir, path, b"escaped\n");
    let inside = escaped.is_ok() && fs::exists(dir, "outside.txt") == Ok(true);
    println!("info root-escape {} inside {inside}", status(&escaped));
    check(
        "root-escape",
        escaped.is_err() || inside,
        format_args!("../outside.txt resolves to {path:?}; writing it fails or stays inside"),
    );
    if inside {
        fs::remove_file(dir, "outside.txt")?;
    }
    let mut listing_buf = [0_u8; 256];
    let listing = list(dir, ".", &mut listing_buf)?;
    check("root-listing", !listing.overflow, format_args!("{listing}"));
    Ok(())
}

/// A resolved path for printing: `fd <n> <rel>`, or the errno's name when `n` is 0.
struct Resolved<'a>(u32, &'a str);

impl fmt::Display for Resolved<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            f.write_str(self.1)
        } else {
            write!(f, "fd {} {:?}", self.0, self.1)
        }
    }
}

/// Whether the first argument is `root`.
fn root_requested() -> bool {
    let mut buf = [0_u8; 256];
    env::args_into(&mut buf)
        .is_ok_and(|args| args.get(1).is_some_and(|a| same(a.as_bytes(), b"root")))
}

/// Functions whose results differ between hosts: reported, not checked.
fn differing(dir: Fd) -> Result<(), Errno> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(dir, "scratch.txt")?;
    println!(
        "info fd_allocate {}",
        status(&raw::fd_allocate(file.fd(), 0, 64))
    );
    let dropped = raw::fd_fdstat_set_rights(
        file.fd(),
        Rights::FD_READ | Rights::FD_SEEK | Rights::FD_FILESTAT_GET,
        Rights::empty(),
    );
    println!(
        "info fd_fdstat_set_rights {}, then fd_write {}",
        status(&dropped),
        status(&io::write(file.fd(), b""))
    );
    let mut buf = [0_u8; 8];
    println!(
        "info sock_accept {}, sock_recv {}, sock_send {}, sock_shutdown {} (on a regular file)",
        status(&raw::sock_accept(file.fd(), Fdflags::empty())),
        status(&raw::sock_recv(
            file.fd(),
            &[Iovec::new(&mut buf)],
            Riflags::empty()
        )),
        status(&raw::sock_send(
            file.fd(),
            &[Ciovec::new(b"x")],
            Siflags::empty()
        )),
        status(&raw::sock_shutdown(file.fd(), Sdflags::RD | Sdflags::WR)),
    );
    let mut listing = [0_u8; 64];
    println!(
        "info fd_readdir on a file {}",
        status(&raw::fd_readdir(file.fd(), &mut listing, 0))
    );
    println!(
        "info open ../outside {}",
        status(&File::open(dir, "../outside"))
    );
    println!(
        "info unlink a directory {}",
        status(&fs::remove_file(dir, "subdir"))
    );
    drop(file);
    fs::remove_file(dir, "scratch.txt")
}

/// How many files `many_entries` creates.
const MANY: usize = 150;

/// `entry-NNN` for `i` below 1000.
fn entry_name(i: usize) -> [u8; 9] {
    let mut name = *b"entry-000";
    name[6] = b'0' + (i / 100 % 10) as u8;
    name[7] = b'0' + (i / 10 % 10) as u8;
    name[8] = b'0' + (i % 10) as u8;
    name
}

/// Which of the `MANY` names a listing of `many/` returned (each exactly once), with a buffer
/// of `buf.len()` bytes.
fn list_many(dir: Fd, buf: &mut [u8]) -> Result<(usize, bool), Errno> {
    let listed = File::open_dir(dir, "many")?;
    let mut seen = [0_u8; MANY];
    let mut count = 0;
    let mut entries = fs::read_dir(listed.fd(), buf);
    while let Some(entry) = entries.next_entry()? {
        count += 1;
        let name = entry.name_bytes();
        let index = (0..MANY).find(|&i| same(name, &entry_name(i)));
        match index {
            Some(i) => seen[i] += 1,
            None => return Ok((count, false)),
        }
    }
    Ok((count, seen.iter().all(|&n| n == 1)))
}

/// A directory of `MANY` entries, listed through many `fd_readdir` calls: every entry comes
/// back once, whatever the buffer size.
fn many_entries(dir: Fd) -> Result<(), Errno> {
    fs::create_dir(dir, "many")?;
    let many = File::open_dir(dir, "many")?;
    for i in 0..MANY {
        let name = entry_name(i);
        let name = core::str::from_utf8(&name).map_err(|_| Errno::ILSEQ)?;
        fs::write(many.fd(), name, b"")?;
    }
    let mut small = [0_u8; 40];
    let (small_count, small_once) = list_many(dir, &mut small)?;
    let mut large = [0_u8; 4096];
    let (large_count, large_once) = list_many(dir, &mut large)?;
    check(
        "readdir-many",
        small_count == MANY && small_once && large_count == MANY && large_once,
        format_args!(
            "{MANY} files: {small_count} listed with a 40-byte buffer, {large_count} with 4096 bytes, each once {}",
            small_once && large_once
        ),
    );
    for i in 0..MANY {
        let name = entry_name(i);
        fs::remove_file(
            many.fd(),
            core::str::from_utf8(&name).map_err(|_| Errno::ILSEQ)?,
        )?;
    }
    drop(many);
    fs::remove_dir(dir, "many")
}

fn run() -> Result<(), Errno> {
    let dir = preopens()?;
    check_listing("readdir-before", dir, ".")?;
    read_and_write(dir)?;
    stat(dir)?;
    seek_and_tell(dir)?;
    positional_and_size(dir)?;
    errors(dir)?;
    directories(dir)?;
    links_and_times(dir)?;
    renumber(dir)?;
    parity(dir)?;
    many_entries(dir)?;
    differing(dir)?;
    check_listing("readdir-after", dir, ".")?;
    check_listing("readdir-subdir", dir, "subdir")?;
    Ok(())
}

/// The entry point: `_start` of a preview1 command, or `wasi:cli/run` on wasm32-wasip2.
#[cfg_attr(not(target_env = "p2"), unsafe(no_mangle))]
pub extern "C" fn _start() {
    let result = if root_requested() { root_mode() } else { run() };
    if let Err(e) = result {
        check("no-unexpected-error", false, format_args!("{e}"));
    }
    let failures = FAILURES.load(Ordering::Relaxed);
    println!("done {failures} failed");
    if failures != 0 {
        proc::exit(1);
    }
}

#[cfg(target_env = "p2")]
fn run_p2() -> Result<(), ()> {
    _start();
    Ok(())
}

#[cfg(target_env = "p2")]
wasm_function::wasi_cli_run!(run_p2);

/// `memcmp`, which a `no_std` module links from no libc: a byte-slice comparison in this
/// guest's debug build calls it (on wasm32-wasip2 the component linker refuses the unresolved
/// import, on wasm32-wasip1 it stays an `env` import). Volatile reads keep the compiler from
/// turning the loop back into a `memcmp` call.
#[unsafe(no_mangle)]
unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    for i in 0..n {
        // SAFETY: the caller (compiled slice comparison) passes two buffers of `n` bytes.
        let (x, y) = unsafe { (a.add(i).read_volatile(), b.add(i).read_volatile()) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
    }
    0
}
