//! `ls`: lists a directory — type, size and name of each entry, sorted by name — through
//! `wasm_function::wasi`.
//!
//! ```text
//! cargo run -p wasm-function-tests --bin run -- ls
//! cargo run -p wasm-function-tests --bin run -- ls runtime/src tests
//! ```
//!
//! Each argument (default `.`) is a path resolved through the preopened directories
//! ([`fs::resolve`]; the runner preopens the current directory as `.`). A directory is listed
//! with `fd_readdir` ([`fs::read_dir_in`], its buffer in a [`with_memory_allocator!`] scope), one
//! line per entry:
//!
//! ```text
//! dir           -  src
//! file        213  Cargo.toml
//! symlink       9  latest -> hello.txt
//! ```
//!
//! The type is `file`, `dir`, `symlink` or another preview1 file type; the size is in bytes
//! (`-` for a directory, whose size depends on the file system; for a symbolic link, the
//! length of its target, which follows the arrow). `.` and `..` are not listed. With several
//! arguments each listing starts with `<path>:`. A path that is not a directory is listed as
//! its single entry; one that cannot be read is reported on stderr as
//! `ls: <path>: <errno message> (<errno name>)` and makes the exit code 1.

use wasm_function::wasi::fs::{self, File};
use wasm_function::wasi::{Errno, Fd, Filestat, Filetype, env, proc};
use wasm_function::{eprintln, println, with_memory_allocator};

/// One line of a listing.
struct Line {
    name: String,
    kind: Filetype,
    size: Option<u64>,
    target: Option<String>,
}

/// A short name for a file type.
fn kind_name(kind: Filetype) -> &'static str {
    match kind {
        Filetype::REGULAR_FILE => "file",
        Filetype::DIRECTORY => "dir",
        Filetype::SYMBOLIC_LINK => "symlink",
        other => other.name(),
    }
}

/// The line for `name` in the directory `dir`, whose listing said `kind`.
fn line(dir: Fd, name: &str, kind: Filetype) -> Result<Line, Errno> {
    let stat: Filestat = fs::symlink_metadata(dir, name)?;
    // Some hosts leave the type of an entry unknown; the stat tells.
    let kind = if kind == Filetype::UNKNOWN {
        stat.filetype
    } else {
        kind
    };
    let target = if kind == Filetype::SYMBOLIC_LINK {
        let mut buf = vec![0_u8; usize::try_from(stat.size).unwrap_or(0) + 1];
        Some(fs::read_link(dir, name, &mut buf)?.to_owned())
    } else {
        None
    };
    Ok(Line {
        name: name.to_owned(),
        kind,
        size: (kind != Filetype::DIRECTORY).then_some(stat.size),
        target,
    })
}

/// The lines of the directory `path` (relative to the preopen `dir`), sorted by name; a
/// single line if `path` is not a directory.
fn list(dir: Fd, path: &str) -> Result<Vec<Line>, Errno> {
    let listed = match File::open_dir(dir, path) {
        Ok(listed) => listed,
        Err(Errno::NOTDIR) => return Ok(vec![line(dir, path, Filetype::UNKNOWN)?]),
        Err(e) => return Err(e),
    };
    let mut lines = with_memory_allocator!(|mem| {
        let mut lines = Vec::new();
        let mut entries = fs::read_dir_in(mem, listed.fd())?;
        while let Some(entry) = entries.next_entry()? {
            lines.push(line(listed.fd(), entry.name()?, entry.file_type())?);
        }
        lines
    });
    lines.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(lines)
}

fn print(lines: &[Line]) {
    for line in lines {
        let size = line.size.map_or_else(|| "-".to_owned(), |s| s.to_string());
        match &line.target {
            Some(target) => println!(
                "{:<8} {size:>8}  {} -> {target}",
                kind_name(line.kind),
                line.name
            ),
            None => println!("{:<8} {size:>8}  {}", kind_name(line.kind), line.name),
        }
    }
}

fn main() {
    let mut paths = match env::args() {
        Ok(args) => args.into_iter().skip(1).collect::<Vec<_>>(),
        Err(e) => {
            eprintln!("ls: reading the arguments: {} ({})", e.message(), e.name());
            proc::exit(1);
        }
    };
    if paths.is_empty() {
        paths.push(".".to_owned());
    }
    let mut failed = false;
    for (i, path) in paths.iter().enumerate() {
        match fs::resolve(path).and_then(|(dir, relative)| list(dir, relative)) {
            Ok(lines) => {
                if paths.len() > 1 {
                    if i > 0 {
                        println!();
                    }
                    println!("{path}:");
                }
                print(&lines);
            }
            Err(e) => {
                eprintln!("ls: {path}: {} ({})", e.message(), e.name());
                failed = true;
            }
        }
    }
    if failed {
        proc::exit(1);
    }
}
