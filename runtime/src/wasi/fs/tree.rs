//! Whole trees: [`create_dir_all`], [`remove_dir_all`] and [`copy`].

use super::{
    File, OpenOptions, create_dir, metadata, read_dir, remove_dir, remove_file, symlink_metadata,
};
use crate::wasi::{Errno, Fd, Filetype};

/// Creates the directory `path` and every missing parent, like `std::fs::create_dir_all`;
/// directories that exist already are fine.
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, path) = fs::resolve("/data/a/b/c")?;
/// fs::create_dir_all(dir, path)?;
/// fs::create_dir_all(dir, path)?; // again: nothing to do
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// [`Errno::EXIST`] if `path` or a parent exists and is not a directory (a parent that is a
/// file can also give [`Errno::NOTDIR`]), or what the host returns from
/// `path_create_directory`, such as [`Errno::NOTCAPABLE`] for a path that leaves `dir`.
pub fn create_dir_all(dir: Fd, path: &str) -> Result<(), Errno> {
    for end in component_ends(path) {
        let prefix = &path[..end];
        match create_dir(dir, prefix) {
            Ok(()) => {}
            Err(Errno::EXIST) => {
                if metadata(dir, prefix)?.filetype != Filetype::DIRECTORY {
                    return Err(Errno::EXIST);
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Where the components of `path` end: the length of each prefix naming a directory to
/// create, in order (`a//b/` gives 1 and 4).
fn component_ends(path: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = path.as_bytes();
    (1..=bytes.len()).filter(move |&end| {
        let last = bytes[end - 1];
        last != b'/' && (end == bytes.len() || bytes[end] == b'/')
    })
}

/// How deep [`remove_dir_all`] descends.
const MAX_DEPTH: usize = 64;

/// The listing buffer of each level of [`remove_dir_all`]: room for an entry with a
/// 255-byte name, and more.
const LEVEL_BUFFER: usize = 768;

/// Removes the directory `path` with everything in it, like `std::fs::remove_dir_all`.
/// Symbolic links are removed, never followed; `path` itself may be a link, which is then
/// removed alone.
///
/// It needs no allocation: each level of the tree uses a small buffer on the stack, down to
/// 64 levels.
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, path) = fs::resolve("/data/build")?;
/// fs::remove_dir_all(dir, path)?;
/// assert!(!fs::exists(dir, path)?);
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// [`Errno::NOTDIR`] if `path` is neither a directory nor a symbolic link,
/// [`Errno::NOBUFS`] for a tree deeper than 64 levels, [`Errno::ILSEQ`] for an entry whose
/// name is not UTF-8 (paths are `&str` here), or what the host returns: for example
/// [`Errno::NOENT`] if `path` does not exist. What was removed before an error stays removed.
pub fn remove_dir_all(dir: Fd, path: &str) -> Result<(), Errno> {
    match symlink_metadata(dir, path)?.filetype {
        Filetype::DIRECTORY => {
            empty_dir(dir, path, 0)?;
            remove_dir(dir, path)
        }
        Filetype::SYMBOLIC_LINK => remove_file(dir, path),
        _ => Err(Errno::NOTDIR),
    }
}

/// Removes everything inside the directory `path`.
fn empty_dir(dir: Fd, path: &str, depth: usize) -> Result<(), Errno> {
    if depth >= MAX_DEPTH {
        return Err(Errno::NOBUFS);
    }
    let listed = OpenOptions::new()
        .read(true)
        .directory(true)
        .follow_symlinks(false)
        .open(dir, path)?;
    let mut buf = [0_u8; LEVEL_BUFFER];
    // Removing entries while listing may make the host skip some (wasmtime counts cookies
    // as positions in a fresh listing), so list again until a pass finds nothing.
    loop {
        let mut removed_any = false;
        let mut entries = read_dir(listed.fd(), &mut buf);
        while let Some(entry) = entries.next_entry()? {
            let name = entry.name()?;
            let kind = match entry.file_type() {
                Filetype::UNKNOWN => symlink_metadata(listed.fd(), name)?.filetype,
                kind => kind,
            };
            let removed = if kind == Filetype::DIRECTORY {
                empty_dir(listed.fd(), name, depth + 1).and_then(|()| remove_dir(listed.fd(), name))
            } else {
                remove_file(listed.fd(), name)
            };
            match removed {
                // Listed twice and already gone: fine.
                Ok(()) | Err(Errno::NOENT) => removed_any = true,
                Err(e) => return Err(e),
            }
        }
        if !removed_any {
            return Ok(());
        }
    }
}

/// The size of the buffer [`copy`] moves bytes through.
const COPY_BUFFER: usize = 4096;

/// Copies the contents of the file `from` (relative to `from_dir`) to `to` (relative to
/// `to_dir`), creating or truncating `to`, like `std::fs::copy`; returns the bytes copied.
/// Permissions and times are not copied (preview1 has no permissions).
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, _) = fs::resolve("/data")?;
/// let n = fs::copy(dir, "in.txt", dir, "backup/in.txt")?;
/// wasm_function::println!("copied {n} bytes");
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// [`Errno::ISDIR`] if `from` is a directory, [`Errno::INVAL`] if it is not a regular file
/// otherwise, or what opening, reading and writing return: for example [`Errno::NOENT`] if
/// `from` does not exist.
pub fn copy(from_dir: Fd, from: &str, to_dir: Fd, to: &str) -> Result<u64, Errno> {
    // Checked before opening: hosts differ on opening a directory for reading.
    match metadata(from_dir, from)?.filetype {
        Filetype::REGULAR_FILE => {}
        Filetype::DIRECTORY => return Err(Errno::ISDIR),
        _ => return Err(Errno::INVAL),
    }
    let source = File::open(from_dir, from)?;
    let target = File::create(to_dir, to)?;
    let mut buf = [0_u8; COPY_BUFFER];
    let mut total = 0_u64;
    loop {
        let n = source.read(&mut buf)?;
        if n == 0 {
            return Ok(total);
        }
        target.write_all(&buf[..n])?;
        total += n as u64;
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::vec::Vec;

    #[test]
    fn component_ends_skip_empty_components() {
        let ends = |p: &str| component_ends(p).collect::<Vec<_>>();
        assert_eq!(ends("a"), [1]);
        assert_eq!(ends("a/bc/d"), [1, 4, 6]);
        assert_eq!(ends("a//b/"), [1, 4]);
        assert_eq!(ends("/x"), [2]);
        assert_eq!(ends(""), [0_usize; 0]);
        assert_eq!(ends("é/ü"), [2, 5]);
        for p in ["a/bc/d", "a//b/", "é/ü", "./x/../y"] {
            for end in component_ends(p) {
                assert!(p.is_char_boundary(end));
            }
        }
    }
}
