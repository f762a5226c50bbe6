//! Copies the file `/data/input.bin` to standard output with `std::io::copy` (benchmark row
//! 6.2, the std side beside bench-cat).

use std::fs::File;
use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = "/data/input.bin";
    let copied = File::open(path).and_then(|mut file| io::copy(&mut file, &mut io::stdout()));
    match copied {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-std-cat: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
