//! The safe layer with the `std` feature — owned `args()`/`vars()`, `fs::read`,
//! `Preopen::name`, `std::io::{Read, Write, Seek}` on `File` and the streams, `Errno` as
//! `std::io::Error` — checked against what the standard library itself (through wasi-libc)
//! sees in the same process.
//!
//! The host passes arguments and environment variables and preopens a directory as `/sandbox`
//! holding `data.txt` ("line 1\nline 2\n"). One line per check: `ok <check> <details>` or
//! `FAIL <check> <details>`; the last line is `done <n> failed`, and the exit code is 1 if a
//! check failed.

use std::io::{Read as _, SeekFrom, Write as _};
use std::sync::atomic::{AtomicU32, Ordering};

use wasm_function::wasi::fs::{self, File};
use wasm_function::wasi::{Errno, clock, env, io, random};

static FAILURES: AtomicU32 = AtomicU32::new(0);

/// Prints `ok <name> <details>` or `FAIL <name> <details>`.
fn check(name: &str, ok: bool, details: std::fmt::Arguments<'_>) {
    if ok {
        println!("ok {name} {details}");
    } else {
        FAILURES.fetch_add(1, Ordering::Relaxed);
        println!("FAIL {name} {details}");
    }
}

fn arguments_and_environment() -> Result<(), Errno> {
    let args = env::args()?;
    let std_args: Vec<String> = std::env::args().collect();
    check(
        "args",
        args == std_args,
        format_args!("{args:?} (as std::env::args)"),
    );
    let bytes = env::args_bytes()?;
    let std_bytes: Vec<Vec<u8>> = std::env::args_os()
        .map(|a| a.as_encoded_bytes().to_vec())
        .collect();
    check(
        "args-bytes",
        bytes == std_bytes && bytes.len() == args.len(),
        format_args!("{} arguments (as std::env::args_os)", bytes.len()),
    );
    let vars_bytes = env::vars_bytes()?;
    let std_vars_bytes: Vec<(Vec<u8>, Vec<u8>)> = std::env::vars_os()
        .map(|(k, v)| (k.as_encoded_bytes().to_vec(), v.as_encoded_bytes().to_vec()))
        .collect();
    check(
        "vars-bytes",
        vars_bytes == std_vars_bytes,
        format_args!("{} variables (as std::env::vars_os)", vars_bytes.len()),
    );
    let vars = env::vars()?;
    let std_vars: Vec<(String, String)> = std::env::vars().collect();
    check(
        "vars",
        vars == std_vars,
        format_args!("{vars:?} (as std::env::vars)"),
    );
    Ok(())
}

fn files() -> Result<(), Errno> {
    let preopens: Vec<String> = fs::preopens()
        .map(|p| p.and_then(|p| p.name()))
        .collect::<Result<_, _>>()?;
    check(
        "preopens",
        preopens == ["/sandbox"],
        format_args!("{preopens:?}"),
    );
    let (dir, _) = fs::resolve("/sandbox")?;

    let data = fs::read(dir, "data.txt")?;
    let std_data = std::fs::read("/sandbox/data.txt").map_err(|_| Errno::IO)?;
    check(
        "read",
        data == std_data && data == b"line 1\nline 2\n",
        format_args!(
            "data.txt {:?} (as std::fs::read)",
            String::from_utf8_lossy(&data)
        ),
    );

    // Written through the layer with `std::io::Write`, read back by std.
    let mut file = File::create(dir, "from-layer.txt")?;
    let (how, through) = ("write!", "wasm_function::wasi::fs::File");
    writeln!(file, "written with {how} through {through}").map_err(|_| Errno::IO)?;
    file.close()?;
    let text = std::fs::read_to_string("/sandbox/from-layer.txt").map_err(|_| Errno::IO)?;
    check(
        "layer-to-std",
        text == "written with write! through wasm_function::wasi::fs::File\n",
        format_args!("{text:?}"),
    );

    // Written by std, read through the layer with `std::io::{Seek, Read}` (`File::seek`, the
    // inherent method, takes the layer's own `SeekFrom`).
    std::fs::write("/sandbox/from-std.txt", "0123456789").map_err(|_| Errno::IO)?;
    let mut file = File::open(dir, "from-std.txt")?;
    let at = std::io::Seek::seek(&mut file, SeekFrom::End(-4)).map_err(|_| Errno::IO)?;
    let mut tail = String::new();
    file.read_to_string(&mut tail).map_err(|_| Errno::IO)?;
    check(
        "std-to-layer",
        at == 6 && tail == "6789",
        format_args!("seek end-4 -> {at}, read {tail:?}"),
    );

    let meta = fs::metadata(dir, "from-std.txt")?;
    let std_meta = std::fs::metadata("/sandbox/from-std.txt").map_err(|_| Errno::IO)?;
    check(
        "metadata",
        meta.size == std_meta.len() && meta.filetype.name() == "regular_file" && std_meta.is_file(),
        format_args!(
            "size {} {} (as std::fs::metadata)",
            meta.size,
            meta.filetype.name()
        ),
    );

    let mut names = Vec::new();
    let mut buf = [0_u8; 256];
    let mut entries = fs::read_dir(dir, &mut buf);
    while let Some(entry) = entries.next_entry()? {
        names.push(entry.name()?.to_owned());
    }
    names.sort();
    let mut std_names: Vec<String> = std::fs::read_dir("/sandbox")
        .map_err(|_| Errno::IO)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|_| Errno::IO)?;
    std_names.sort();
    check(
        "read-dir",
        names == std_names,
        format_args!("{names:?} (as std::fs::read_dir)"),
    );

    // Listing without a buffer, whole-file text, existence, trees and copies, against std.
    let mut owned: Vec<String> = fs::read_dir_entries(dir, ".")?
        .iter()
        .map(|e| e.name().map(str::to_owned))
        .collect::<Result<_, _>>()?;
    owned.sort();
    check(
        "read-dir-entries",
        owned == std_names,
        format_args!("{owned:?} (as std::fs::read_dir)"),
    );
    let text = fs::read_to_string(dir, "data.txt")?;
    let std_text = std::fs::read_to_string("/sandbox/data.txt").map_err(|_| Errno::IO)?;
    check(
        "read-to-string",
        text == std_text,
        format_args!("{text:?} (as std::fs::read_to_string)"),
    );
    let exists = (
        fs::exists(dir, "data.txt")?,
        fs::exists(dir, "missing.txt")?,
    );
    let std_exists = (
        std::fs::exists("/sandbox/data.txt").map_err(|_| Errno::IO)?,
        std::fs::exists("/sandbox/missing.txt").map_err(|_| Errno::IO)?,
    );
    check(
        "exists",
        exists == std_exists,
        format_args!(
            "data.txt {}, missing.txt {} (as std::fs::exists)",
            exists.0, exists.1
        ),
    );
    fs::create_dir_all(dir, "made/by/layer")?;
    let made = std::fs::metadata("/sandbox/made/by/layer").is_ok_and(|m| m.is_dir());
    std::fs::create_dir_all("/sandbox/made/by/std/deeper").map_err(|_| Errno::IO)?;
    std::fs::write("/sandbox/made/by/std/deeper/f.txt", "x").map_err(|_| Errno::IO)?;
    fs::remove_dir_all(dir, "made/by/std")?;
    let removed = !std::fs::exists("/sandbox/made/by/std").map_err(|_| Errno::IO)?;
    fs::remove_dir_all(dir, "made")?;
    check(
        "trees",
        made && removed,
        format_args!("create_dir_all seen by std {made}; a tree std made, removed {removed}"),
    );
    let copied = fs::copy(dir, "data.txt", dir, "copied.txt")?;
    let std_copy = std::fs::read("/sandbox/copied.txt").map_err(|_| Errno::IO)?;
    check(
        "copy",
        copied == 14 && std_copy == std_data,
        format_args!("data.txt -> copied.txt {copied} bytes (read back by std::fs::read)"),
    );

    // An `Errno` becomes the `std::io::Error` std itself gives for the same failure.
    let err = std::io::Error::from(fs::read(dir, "missing.txt").expect_err("missing"));
    let std_err = std::fs::read("/sandbox/missing.txt").expect_err("missing");
    check(
        "errno-as-io-error",
        err.kind() == std::io::ErrorKind::NotFound
            && err.raw_os_error() == std_err.raw_os_error()
            && err.raw_os_error() == Some(i32::from(Errno::NOENT.raw())),
        format_args!(
            "{:?} os error {:?} (as std::fs::read)",
            err.kind(),
            err.raw_os_error()
        ),
    );
    Ok(())
}

fn streams_clocks_random() -> Result<(), Errno> {
    let mut stdin = String::new();
    io::Stdin
        .read_to_string(&mut stdin)
        .map_err(|_| Errno::IO)?;
    check("stdin", stdin == "piped in\n", format_args!("{stdin:?}"));
    std::io::stdout().flush().map_err(|_| Errno::IO)?;
    writeln!(
        io::Stdout,
        "ok stdout std::io::Write on wasm_function::wasi::io::Stdout"
    )
    .map_err(|_| Errno::IO)?;
    writeln!(io::Stderr, "stderr through wasm_function::wasi::io::Stderr")
        .map_err(|_| Errno::IO)?;
    wasm_function::println!("ok println wasm_function::println! between std's println!");

    let ours = clock::realtime()?;
    let std_now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let apart = ours.abs_diff(std_now);
    check(
        "realtime",
        apart < std::time::Duration::from_secs(1),
        format_args!("within 1 s of std::time::SystemTime::now"),
    );
    let bytes: [u8; 16] = random::bytes()?;
    check(
        "random",
        bytes.iter().any(|&b| b != bytes[0]),
        format_args!("16 bytes not all equal"),
    );
    Ok(())
}

fn main() {
    let result = arguments_and_environment()
        .and_then(|()| files())
        .and_then(|()| streams_clocks_random());
    if let Err(e) = result {
        check("no-unexpected-error", false, format_args!("{e}"));
    }
    let failures = FAILURES.load(Ordering::Relaxed);
    println!("done {failures} failed");
    std::process::exit(i32::from(failures != 0));
}
