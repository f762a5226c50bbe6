//! Where WIT comes from: WASI 0.2 built in (a names-and-types print of the WIT that
//! `wasmtime-wasi` ships, in `macros/builtin-wit/wasi-0.2.wit`), and the user's own WIT, read from the
//! `wit/` directory at the crate root or from the path given as `wit = "…"`.
//!
//! Each parsed [`Resolve`] is kept for the rest of the compiler process, keyed by the bytes of
//! every file read, so a crate of many declarations parses its WIT once and an edited file is
//! parsed again.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use wit_parser::{PackageId, Resolve};

/// The built-in WASI 0.2 WIT: cli, io, clocks, random, filesystem and sockets, as printed
/// without documentation from the copy in `wasmtime-wasi` (see `tests::kept_in_step`).
pub(crate) const WASI_WIT: &str = include_str!("../../builtin-wit/wasi-0.2.wit");

/// A name for the built-in WIT in error messages and source maps.
pub(crate) const WASI_WIT_NAME: &str = "wasm-function's built-in wasi-0.2.wit";

/// Parsed WIT and the files it was read from (empty for the built-in WIT).
pub(crate) struct WitSource {
    pub(crate) resolve: Resolve,
    /// Every file read, absolute, for the expansion to depend on.
    pub(crate) files: Vec<PathBuf>,
}

thread_local! {
    static BUILTIN: RefCell<Option<Rc<WitSource>>> = const { RefCell::new(None) };
    static USER: RefCell<HashMap<PathBuf, (u64, Rc<WitSource>)>> = RefCell::new(HashMap::new());
}

/// The built-in WASI WIT, parsed once per process.
pub(crate) fn builtin() -> Rc<WitSource> {
    BUILTIN.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let mut resolve = Resolve::default();
                // The file is checked by the tests (`builtin_parses`); an error here would be
                // a packaging bug, reported by the caller as an empty WIT.
                let _ = resolve.push_str(WASI_WIT_NAME, WASI_WIT);
                Rc::new(WitSource {
                    resolve,
                    files: Vec::new(),
                })
            })
            .clone()
    })
}

/// Why user WIT could not be loaded.
pub(crate) enum LoadError {
    /// No directory (or file) at the path.
    Missing(PathBuf),
    /// wit-parser refused it; the message names the file and line.
    Invalid(String),
}

/// The user's WIT at `path` (a directory with an optional `deps/`, or one file), parsed once
/// per content.
pub(crate) fn user(path: &Path) -> Result<Rc<WitSource>, LoadError> {
    if !path.exists() {
        return Err(LoadError::Missing(path.to_path_buf()));
    }
    let fingerprint = fingerprint(path);
    if let Some(found) = USER.with(|cache| {
        cache
            .borrow()
            .get(path)
            .filter(|(seen, _)| *seen == fingerprint)
            .map(|(_, source)| source.clone())
    }) {
        return Ok(found);
    }
    let mut resolve = Resolve::default();
    let (_, sources) = resolve
        .push_path(path)
        .map_err(|error| LoadError::Invalid(resolve.render_error(&error)))?;
    let mut files: Vec<PathBuf> = sources
        .paths()
        .map(|file| std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf()))
        .collect();
    files.sort();
    files.dedup();
    let source = Rc::new(WitSource { resolve, files });
    USER.with(|cache| {
        cache
            .borrow_mut()
            .insert(path.to_path_buf(), (fingerprint, source.clone()));
    });
    Ok(source)
}

/// A hash of every `.wit` file's path and bytes under `path` (and its `deps/`).
fn fingerprint(path: &Path) -> u64 {
    let mut files = Vec::new();
    collect(path, 0, &mut files);
    files.sort();
    let mut hash = crate::component::hash::Fnv::new();
    for file in files {
        hash.write(file.as_os_str().as_encoded_bytes());
        hash.write(&std::fs::read(&file).unwrap_or_default());
    }
    hash.finish()
}

fn collect(path: &Path, depth: usize, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        let child = entry.path();
        if child.is_dir() && depth < 2 {
            collect(&child, depth + 1, files);
        } else if child.extension().is_some_and(|ext| ext == "wit") {
            files.push(child);
        }
    }
}

/// The package of `resolve` named `namespace:name`, at any version, and its version.
pub(crate) fn packages_named<'r>(
    resolve: &'r Resolve,
    namespace: &str,
    name: &str,
) -> Vec<(PackageId, Option<&'r semver::Version>)> {
    resolve
        .packages
        .iter()
        .filter(|(_, pkg)| pkg.name.namespace == namespace && pkg.name.name == name)
        .map(|(id, pkg)| (id, pkg.name.version.as_ref()))
        .collect()
}
