//! `cat`: copies files, and standard input, to standard output — through `wasm_function::wasi`.
//!
//! ```text
//! cargo run -p wasm-function-tests --bin run -- cat README.md Cargo.toml
//! echo hello | cargo run -p wasm-function-tests --bin run -- cat
//! echo hello | cargo run -p wasm-function-tests --bin run -- cat header.txt - footer.txt
//! ```
//!
//! With no argument, or for an argument `-`, it copies standard input. Every other argument
//! is a path resolved through the preopened directories ([`fs::resolve`]): the runner preopens
//! the current directory as `.`, so relative paths work and paths outside it do not. A file
//! that cannot be read is reported on stderr as `cat: <path>: <errno message> (<errno name>)`;
//! the others are still copied, and the exit code is then 1.
//!
//! The arguments are read into memory of a [`with_memory_allocator!`] scope
//! ([`env::args_in`]), released when the scope ends; files are opened, read and written with
//! [`fs`] and [`io`], not `std::fs` or `std::io`.

use wasm_function::eprintln;
use wasm_function::wasi::fs::{self, File};
use wasm_function::wasi::{Errno, Fd, env, io, proc};
use wasm_function::with_memory_allocator;

/// The size of the copy buffer.
const CHUNK: usize = 64 * 1024;

/// Why a copy stopped: reading the input or writing the output failed.
enum CopyError {
    Read(Errno),
    Write(Errno),
}

/// Copies `from` to standard output until its end.
fn copy(from: Fd, buf: &mut [u8]) -> Result<(), CopyError> {
    loop {
        let n = io::read(from, buf).map_err(CopyError::Read)?;
        if n == 0 {
            return Ok(());
        }
        io::write_all(Fd::STDOUT, &buf[..n]).map_err(CopyError::Write)?;
    }
}

/// Copies the file at `path`, or standard input for `-`.
fn cat(path: &str, buf: &mut [u8]) -> Result<(), CopyError> {
    if path == "-" {
        return copy(Fd::STDIN, buf);
    }
    let (dir, relative) = fs::resolve(path).map_err(CopyError::Read)?;
    let file = File::open(dir, relative).map_err(CopyError::Read)?;
    copy(file.fd(), buf)
}

fn main() {
    let failed = with_memory_allocator!(|mem| {
        let args = match env::args_in(mem) {
            Ok(args) => args,
            Err(e) => {
                eprintln!("cat: reading the arguments: {} ({})", e.message(), e.name());
                proc::exit(1);
            }
        };
        let mut buf = vec![0_u8; CHUNK];
        let mut paths: Vec<&str> = args.iter().skip(1).collect();
        if paths.is_empty() {
            paths.push("-");
        }
        let mut failed = false;
        for path in paths {
            match cat(path, &mut buf) {
                Ok(()) => {}
                Err(CopyError::Read(e)) => {
                    eprintln!("cat: {path}: {} ({})", e.message(), e.name());
                    failed = true;
                }
                Err(CopyError::Write(e)) => {
                    eprintln!("cat: writing: {} ({})", e.message(), e.name());
                    proc::exit(1);
                }
            }
        }
        failed
    });
    if failed {
        proc::exit(1);
    }
}
