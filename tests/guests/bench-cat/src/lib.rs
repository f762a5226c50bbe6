//! Copies the file `/data/input.bin` to standard output in 8 KiB chunks, without std, through
//! the safe layer (`wasi::fs::resolve`, `File::open`, `File::read`, `io::write_all`): the
//! no_std side of benchmark row 6.2, beside bench-std-cat (`std::io::copy`, whose buffer is
//! also 8 KiB). One source for both targets, as bench-println. A failure is reported on stderr
//! and fails the run.
#![no_std]

use wasm_function::eprintln;
use wasm_function::wasi::fs::{self, File};
use wasm_function::wasi::{Errno, Fd, io};

/// The file copied (the benchmark preopens its directory as `/data`).
const PATH: &str = "/data/input.bin";

/// The copy buffer's size: std's `io::copy` buffer (`DEFAULT_BUF_SIZE`).
const CHUNK: usize = 8 * 1024;

fn copy(buf: &mut [u8]) -> Result<(), Errno> {
    let (dir, relative) = fs::resolve(PATH)?;
    let file = File::open(dir, relative)?;
    loop {
        let n = file.read(buf)?;
        if n == 0 {
            return Ok(());
        }
        io::write_all(Fd::STDOUT, &buf[..n])?;
    }
}

fn run() -> Result<(), ()> {
    let mut buf = [0_u8; CHUNK];
    copy(&mut buf).map_err(|e| {
        eprintln!("bench-cat: {PATH}: {} ({})", e.message(), e.name());
    })
}

wasm_function::wasi_cli_run!(run);

/// The preview1 entry point (a component has `wasi:cli/run` instead).
#[cfg(not(target_env = "p2"))]
#[unsafe(no_mangle)]
pub extern "C" fn _start() {
    if run().is_err() {
        wasm_function::wasi::proc::exit(1);
    }
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
