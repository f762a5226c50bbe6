//! Bad input to the filesystem, and preopens named `/` and `.`, through `wasi::sys` (the
//! preview1 primitives on either target) and the safe layer, with no `std`.
//!
//! With a preopen `/sandbox` (holding `hello.txt`, "hello from the host\n", and `link`, a
//! symbolic link to it) the guest prints `<case> -> <result>` for each bad input: a missing
//! file, paths escaping the preopen, bad descriptors, zero and huge lengths, writing through
//! a read-only descriptor, flags with undefined bits. Otherwise it lists every preopen
//! (`preopen <name> fd <n>`) and reads `<name>/file.txt` through each. Each line is a
//! result, never a trap: the host compares the lines. Exit code 0 unless a call that must
//! work failed.
#![no_std]

use wasm_function::wasi::fs::{self, File, OpenOptions};
use wasm_function::wasi::{Ciovec, Errno, Fd, Iovec, Whence, io, proc, sys};
use wasm_function::{println, with_memory_allocator};

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    println!("panic {info}");
    proc::exit(101)
}

/// `ok <value>` or the errno's name.
fn show<T: core::fmt::Debug>(case: &str, result: Result<T, Errno>) {
    match result {
        Ok(value) => println!("{case} -> ok {value:?}"),
        Err(e) => println!("{case} -> {}", e.name()),
    }
}

/// Byte equality without `memcmp` (a `no_std` module has no libc to import it from).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// A descriptor that is not open.
const NOT_OPEN: Fd = Fd::from_raw(77);

fn bad_input(dir: Fd) -> Result<(), Errno> {
    // Missing files and paths out of the preopen.
    show(
        "open missing.txt",
        File::open(dir, "missing.txt").map(|_| ()),
    );
    show("stat missing/x", fs::metadata(dir, "missing/x").map(|_| ()));
    show("open ../outside", File::open(dir, "../outside").map(|_| ()));
    show(
        "open /etc/passwd",
        File::open(dir, "/etc/passwd").map(|_| ()),
    );
    show("mkdir ../escape", fs::create_dir(dir, "../escape"));
    show(
        "resolve /elsewhere/x",
        fs::resolve("/elsewhere/x").map(|_| ()),
    );

    // Descriptors that are not open.
    let mut buf = [0_u8; 8];
    show("read fd 77", io::read(NOT_OPEN, &mut buf));
    show("write fd 77", io::write(NOT_OPEN, b"x"));
    show("close fd 77", sys::fd_close(NOT_OPEN));
    show("close fd u32::MAX", sys::fd_close(Fd::from_raw(u32::MAX)));
    show("seek fd 77", sys::fd_seek(NOT_OPEN, 0, Whence::SET));
    show("filestat fd 77", sys::fd_filestat_get(NOT_OPEN).map(|_| ()));
    show("prestat fd 77", sys::fd_prestat_get(NOT_OPEN).map(|_| ()));
    show(
        "open in fd 77",
        File::open(NOT_OPEN, "hello.txt").map(|_| ()),
    );
    show("renumber onto fd 77", sys::fd_renumber(dir, NOT_OPEN));
    show("readdir fd 77", sys::fd_readdir(NOT_OPEN, &mut buf, 0));

    // Zero lengths.
    let file = File::open(dir, "hello.txt")?;
    show("read 0 bytes", file.read(&mut []));
    show("pread no buffers", sys::fd_pread(file.fd(), &[], 0));
    show("readdir into 0 bytes", sys::fd_readdir(dir, &mut [], 0));
    show(
        "prestat name into 0 bytes",
        sys::fd_prestat_dir_name(dir, &mut []),
    );
    show(
        "readlink into 0 bytes",
        sys::path_readlink(dir, "link", &mut []),
    );
    show("open empty path", File::open(dir, "").map(|_| ()));

    // Huge lengths and offsets.
    with_memory_allocator!(|mem| {
        let big = mem.try_allocate(1 << 20).map_err(|_| Errno::NOMEM)?;
        let big = big.into_bytes_mut();
        show("read 1 MiB buffer", file.read_at(big, 0));
    });
    show("pread at u64::MAX", file.read_at(&mut buf, u64::MAX));
    show(
        "seek to i64::MAX",
        file.seek(fs::SeekFrom::Start(i64::MAX as u64)),
    );
    show("read at i64::MAX", file.read(&mut buf));
    show(
        "seek past i64::MAX",
        sys::fd_seek(file.fd(), i64::MAX, Whence::CUR),
    );
    let scratch = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .open(dir, "scratch.txt")?;
    show("pwrite at u64::MAX", scratch.write_at(b"x", u64::MAX));
    show("set size u64::MAX", scratch.set_len(u64::MAX));
    drop(scratch);
    fs::remove_file(dir, "scratch.txt")?;
    let long = [b'n'; 5000];
    let long = core::str::from_utf8(&long).map_err(|_| Errno::ILSEQ)?;
    show("open a 5000-byte name", File::open(dir, long).map(|_| ()));

    // Writing through a read-only descriptor.
    show("write read-only", file.write(b"x"));
    show("pwrite read-only", file.write_at(b"x", 0));
    show("set size read-only", file.set_len(0));
    let dir_file = File::open_dir(dir, ".")?;
    show("write a directory", dir_file.write(b"x"));
    drop(dir_file);

    undefined_flags(dir, &file);

    table_limit(dir)?;

    // The CLI streams.
    show(
        "fdstat stdout",
        sys::fd_fdstat_get(Fd::STDOUT).map(|s| s.fs_filetype.name()),
    );
    show("seek stdout", sys::fd_seek(Fd::STDOUT, 0, Whence::CUR));

    // Still usable after all that.
    let mut hello = [0_u8; 32];
    let n = File::open(dir, "hello.txt")?.read_full(&mut hello)?;
    let text = core::str::from_utf8(&hello[..n]).map_err(|_| Errno::ILSEQ)?;
    println!("hello.txt still reads {text:?}");
    show(
        "write to stdout",
        io::write(Fd::STDOUT, &[]).and_then(|_| sys::fd_write(Fd::STDOUT, &[Ciovec::new(b"")])),
    );
    show(
        "read stdin, empty",
        sys::fd_read(Fd::STDIN, &[Iovec::new(&mut buf)]),
    );
    Ok(())
}

/// Flags with undefined bits, and undefined enum values: [`Errno::INVAL`] before any host
/// call, from the primitives over WASI 0.2 and from `raw` on preview1 (wasmtime would trap).
fn undefined_flags(dir: Fd, file: &File) {
    use wasm_function::wasi::{Advice, Fdflags, Fstflags, Lookupflags, Oflags, Rights};

    let odd_lookup = Lookupflags::from_bits_retain(1 << 5);
    show(
        "stat lookupflags 1<<5",
        sys::path_filestat_get(dir, odd_lookup, "hello.txt").map(|_| ()),
    );
    show(
        "open lookupflags 1<<5",
        sys::path_open(
            dir,
            odd_lookup,
            "hello.txt",
            Oflags::empty(),
            Rights::FD_READ,
            Rights::empty(),
            Fdflags::empty(),
        ),
    );
    show(
        "open oflags 1<<7",
        sys::path_open(
            dir,
            Lookupflags::empty(),
            "hello.txt",
            Oflags::from_bits_retain(1 << 7),
            Rights::FD_READ,
            Rights::empty(),
            Fdflags::empty(),
        ),
    );
    show(
        "open fdflags 1<<9",
        sys::path_open(
            dir,
            Lookupflags::empty(),
            "hello.txt",
            Oflags::empty(),
            Rights::FD_READ,
            Rights::empty(),
            Fdflags::from_bits_retain(1 << 9),
        ),
    );
    show(
        "set fdflags 1<<9",
        sys::fd_fdstat_set_flags(file.fd(), Fdflags::from_bits_retain(1 << 9)),
    );
    show(
        "set times fstflags 1<<6",
        sys::fd_filestat_set_times(file.fd(), 0, 0, Fstflags::from_bits_retain(1 << 6)),
    );
    show(
        "set times atim and atim_now",
        sys::fd_filestat_set_times(file.fd(), 0, 0, Fstflags::ATIM | Fstflags::ATIM_NOW),
    );
    show(
        "path set times fstflags 1<<6",
        sys::path_filestat_set_times(
            dir,
            Lookupflags::empty(),
            "hello.txt",
            0,
            0,
            Fstflags::from_bits_retain(1 << 6),
        ),
    );
    show(
        "advise 9",
        sys::fd_advise(file.fd(), 0, 1, Advice::from_raw(9)),
    );
    show(
        "seek whence 7",
        sys::fd_seek(file.fd(), 0, Whence::from_raw(7)),
    );
    show(
        "link lookupflags 1<<5",
        sys::path_link(dir, odd_lookup, "hello.txt", dir, "never.txt"),
    );
}

/// How many files to hold open at once: more than the wasm32-wasip2 table's 128 slots.
const MANY_OPEN: usize = 200;

/// Opens `hello.txt` until an open fails or `MANY_OPEN` are open, closes them all, and opens
/// once more. On wasm32-wasip2 the fixed table ends it with `nfile`; wasmtime's preview1
/// table is larger.
fn table_limit(dir: Fd) -> Result<(), Errno> {
    let mut open = [Fd::from_raw(0); MANY_OPEN];
    let mut count = 0;
    let mut stopped = None;
    while count < MANY_OPEN {
        match File::open(dir, "hello.txt") {
            Ok(file) => {
                open[count] = file.into_fd();
                count += 1;
            }
            Err(e) => {
                stopped = Some(e);
                break;
            }
        }
    }
    for fd in &open[..count] {
        sys::fd_close(*fd)?;
    }
    let again = File::open(dir, "hello.txt").map(|_| ());
    match stopped {
        Some(e) => println!(
            "hold {MANY_OPEN} files open -> {} after {count}; closed, open again -> {again:?}",
            e.name()
        ),
        None => println!("hold {MANY_OPEN} files open -> ok; closed, open again -> {again:?}"),
    }
    Ok(())
}

/// Lists every preopen and reads `file.txt` through each.
fn list_preopens() -> Result<(), Errno> {
    with_memory_allocator!(|mem| {
        for preopen in fs::preopens() {
            let preopen = preopen?;
            let name = preopen.name_in(mem)?;
            let mut buf = [0_u8; 64];
            let n = File::open(preopen.fd(), "file.txt")?.read_full(&mut buf)?;
            let text = core::str::from_utf8(&buf[..n]).map_err(|_| Errno::ILSEQ)?;
            println!(
                "preopen {name:?} fd {} file.txt {text:?}",
                preopen.fd().raw()
            );
            let stat = fs::metadata(preopen.fd(), ".")?;
            println!("preopen {name:?} is a {}", stat.filetype.name());
        }
        Ok::<(), Errno>(())
    })
}

fn run() -> Result<(), Errno> {
    let sandbox = with_memory_allocator!(|mem| {
        let mut found = None;
        for preopen in fs::preopens() {
            let preopen = preopen?;
            if same(preopen.name_in(mem)?.as_bytes(), b"/sandbox") {
                found = Some(preopen.fd());
            }
        }
        found
    });
    match sandbox {
        Some(dir) => bad_input(dir),
        None => list_preopens(),
    }
}

/// The entry point: `_start` of a preview1 command, or `wasi:cli/run` on wasm32-wasip2.
#[cfg_attr(not(target_env = "p2"), unsafe(no_mangle))]
pub extern "C" fn _start() {
    if let Err(e) = run() {
        println!("failed: {e}");
        proc::exit(1);
    }
    println!("done");
}

#[cfg(target_env = "p2")]
fn run_p2() -> Result<(), ()> {
    _start();
    Ok(())
}

#[cfg(target_env = "p2")]
wasm_function::wasi_cli_run!(run_p2);
