//! Preopened directories: listing them and finding the one a path lives in.

use crate::memory::MemoryAllocator;
use crate::wasi::scratch::bytes_in;
use crate::wasi::{Errno, Fd, bytes, sys};

/// A preopened directory: its descriptor and the length of its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preopen {
    fd: Fd,
    name_len: usize,
}

impl Preopen {
    /// The directory's descriptor, to pass to the functions of this module.
    #[inline]
    #[must_use]
    pub const fn fd(&self) -> Fd {
        self.fd
    }

    /// The length of the directory's name in bytes.
    #[inline]
    #[must_use]
    pub const fn name_len(&self) -> usize {
        self.name_len
    }

    /// Reads the directory's name (the path the host mapped it to, such as `/data` or `.`)
    /// into `buf`.
    ///
    /// # Errors
    ///
    /// [`Errno::NOBUFS`] if `buf` is shorter than [`name_len`](Self::name_len),
    /// [`Errno::ILSEQ`] if the name is not UTF-8, or what the host returns.
    pub fn name_into<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str, Errno> {
        let buf = buf.get_mut(..self.name_len).ok_or(Errno::NOBUFS)?;
        sys::fd_prestat_dir_name(self.fd, buf)?;
        let buf: &'b [u8] = buf;
        // Some hosts count a trailing NUL in the length; it is not part of the name.
        let name = match buf.iter().position(|&b| b == 0) {
            Some(nul) => &buf[..nul],
            None => buf,
        };
        core::str::from_utf8(name).map_err(|_| Errno::ILSEQ)
    }

    /// Reads the directory's name into memory of the scope `mem`.
    ///
    /// # Errors
    ///
    /// [`Errno::NOMEM`] if the scope cannot grow, [`Errno::ILSEQ`] if the name is not UTF-8, or
    /// what the host returns.
    ///
    /// # Panics
    ///
    /// When `mem` is not the innermost open scope (see [`MemoryAllocator`]).
    pub fn name_in<'s>(&self, mem: &MemoryAllocator<'s>) -> Result<&'s str, Errno> {
        self.name_into(bytes_in(mem, self.name_len)?)
    }

    /// The directory's name.
    ///
    /// # Errors
    ///
    /// [`Errno::ILSEQ`] if the name is not UTF-8, or what the host returns.
    #[cfg(feature = "std")]
    pub fn name(&self) -> Result<std::string::String, Errno> {
        let mut buf = std::vec![0; self.name_len];
        self.name_into(&mut buf).map(std::string::String::from)
    }
}

/// The preopened directories, found by calling `fd_prestat_get` on descriptors 3, 4, … until
/// the host answers [`Errno::BADF`].
///
/// Call it before opening files: the scan stops at the first descriptor that is not
/// preopened. An error other than `badf` is yielded once and ends the iteration.
#[must_use]
pub fn preopens() -> Preopens {
    Preopens {
        next: Some(Fd::FIRST_PREOPEN),
    }
}

/// The iterator of [`preopens`].
#[derive(Clone, Debug)]
pub struct Preopens {
    next: Option<Fd>,
}

impl Iterator for Preopens {
    type Item = Result<Preopen, Errno>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let fd = self.next?;
            self.next = fd.next();
            match sys::fd_prestat_get(fd) {
                Ok(prestat) => {
                    // A kind of preopen other than a directory is skipped.
                    if let Some(dir) = prestat.as_dir() {
                        return Some(Ok(Preopen {
                            fd,
                            name_len: dir.pr_name_len as usize,
                        }));
                    }
                }
                Err(Errno::BADF) => {
                    self.next = None;
                    return None;
                }
                Err(e) => {
                    self.next = None;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl core::iter::FusedIterator for Preopens {}

/// The longest preopen name [`resolve`] compares.
const MAX_PREOPEN_NAME: usize = 1024;

/// Finds the preopened directory that contains `path` and the path relative to it, the way
/// wasi-libc (and so Rust's `std` on WASI) does.
///
/// - Relative paths are relative to the current directory, which is `/` (there is no
///   `chdir`): `notes.txt` and `./notes.txt` mean `/notes.txt`.
/// - Preopen names are compared without their leading `/` and `./` and their trailing `/`:
///   `/data`, `data`, `./data` and `/data/` all name the same directory, and `/` and `.`
///   both name the root, which contains every path.
/// - A preopen contains a path when its name is a prefix of it ending on a component
///   boundary (`/data` contains `/data/x` and `/data`, not `/database`). The longest such name
///   wins; between equally long names, the later preopen (the higher descriptor), as in
///   wasi-libc.
///
/// The relative path is a part of `path`, `.` when `path` names the preopen itself. `..`
/// components are passed on as they are: the host refuses those that leave the preopen
/// (with [`Errno::NOTCAPABLE`] or [`Errno::PERM`]).
///
/// # Errors
///
/// [`Errno::NOENT`] for an empty path, [`Errno::NOTCAPABLE`] if no preopen contains `path`,
/// or an error from the scan.
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, rel) = fs::resolve("/data/a/b.txt")?; // with `/data` preopened
/// assert_eq!(rel, "a/b.txt");
/// let (root, rel) = fs::resolve("notes.txt")?; // with `/` or `.` preopened
/// assert_eq!(rel, "notes.txt");
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
pub fn resolve(path: &str) -> Result<(Fd, &str), Errno> {
    if path.is_empty() {
        return Err(Errno::NOENT);
    }
    let mut best = Best::default();
    let mut name_buf = [0_u8; MAX_PREOPEN_NAME];
    for preopen in preopens() {
        let preopen = preopen?;
        if preopen.name_len() > name_buf.len() {
            continue;
        }
        // A name that is not UTF-8 cannot prefix a `&str` path: skip it, not the others.
        match preopen.name_into(&mut name_buf) {
            Ok(name) => best.offer(preopen.fd(), name, path),
            Err(Errno::ILSEQ) => {}
            Err(e) => return Err(e),
        }
    }
    best.found
        .map(|(_, fd, rel)| (fd, rel))
        .ok_or(Errno::NOTCAPABLE)
}

/// The best preopen for a path so far: how well it matched, its descriptor, the relative path.
#[derive(Default)]
struct Best<'p> {
    found: Option<(usize, Fd, &'p str)>,
}

impl<'p> Best<'p> {
    /// Considers the preopen `name` with descriptor `fd`, offered in increasing `fd` order.
    fn offer(&mut self, fd: Fd, name: &str, path: &'p str) {
        if let Some((score, rel)) = match_preopen(name, path) {
            // `>=`: of two equally long names, the later preopen wins, as in wasi-libc.
            if self.found.is_none_or(|(best, _, _)| score >= best) {
                self.found = Some((score, fd, rel));
            }
        }
    }
}

/// `s` without leading `/`, `./` and a lone `.`: an absolute or relative path as seen from
/// the root (what wasi-libc's `strip_prefixes` does to preopen names).
fn strip_root(mut s: &str) -> &str {
    loop {
        let b = s.as_bytes();
        s = match b {
            [b'/', ..] => &s[1..],
            [b'.', b'/', ..] => &s[2..],
            [b'.'] => &s[1..],
            _ => return s,
        };
    }
}

/// Whether the preopen `name` contains `path` (both as [`resolve`] reads them): how well it
/// matches (the length of the normalized name; longer is better) and the path relative to it.
fn match_preopen<'p>(name: &str, path: &'p str) -> Option<(usize, &'p str)> {
    // Written with byte checks and `bytes::strip_prefix`: `str` comparisons would make a
    // `no_std` guest import `memcmp`.
    let name = strip_root(name).trim_end_matches('/');
    let path = strip_root(path);
    let rest = bytes::strip_prefix(path, name)?;
    let at_boundary = name.is_empty() || rest.is_empty() || rest.as_bytes()[0] == b'/';
    if !at_boundary {
        return None;
    }
    let rel = strip_root(rest);
    Some((name.len(), if rel.is_empty() { "." } else { rel }))
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    #[test]
    fn preopen_matching() {
        assert_eq!(
            match_preopen("/data", "/data/a/b.txt"),
            Some((4, "a/b.txt"))
        );
        assert_eq!(match_preopen("/data/", "/data/a"), Some((4, "a")));
        assert_eq!(match_preopen("/data", "/data"), Some((4, ".")));
        assert_eq!(match_preopen("/data", "/data/"), Some((4, ".")));
        assert_eq!(match_preopen("/data", "//data//x"), Some((4, "x")));
        assert_eq!(match_preopen("/data", "/database/x"), None);
        // Relative paths are relative to `/`.
        assert_eq!(match_preopen("/data", "data/x"), Some((4, "x")));
        assert_eq!(match_preopen("/data", "./data/x"), Some((4, "x")));
        assert_eq!(match_preopen("/", "/etc/x"), Some((0, "etc/x")));
        assert_eq!(match_preopen("/", "rel"), Some((0, "rel")));
        assert_eq!(match_preopen("/", "./rel"), Some((0, "rel")));
        assert_eq!(match_preopen("/", "/"), Some((0, ".")));
        assert_eq!(match_preopen("/", "."), Some((0, ".")));
        assert_eq!(match_preopen(".", "in.txt"), Some((0, "in.txt")));
        assert_eq!(match_preopen(".", "./in.txt"), Some((0, "in.txt")));
        assert_eq!(match_preopen(".", "."), Some((0, ".")));
        assert_eq!(match_preopen(".", "/abs"), Some((0, "abs")));
        assert_eq!(match_preopen("./sub", "sub/x"), Some((3, "x")));
        assert_eq!(match_preopen("sub", "./sub/x"), Some((3, "x")));
        assert_eq!(match_preopen("sub", "subway"), None);
        // `..` is the host's to refuse.
        assert_eq!(match_preopen("/", "../x"), Some((0, "../x")));
        assert_eq!(match_preopen("/data", "/data/../x"), Some((4, "../x")));
        assert_eq!(match_preopen("/data", "/x/../data/y"), None);
        // No normalization inside the name's part of the path, as in wasi-libc.
        assert_eq!(match_preopen("/a/b", "/a//b/x"), None);
    }

    /// Runs [`Best`] over `names` as preopens 3, 4, …; returns the chosen descriptor and path.
    fn pick<'p>(names: &[&str], path: &'p str) -> Option<(u32, &'p str)> {
        let mut best = Best::default();
        let mut fd = Fd::FIRST_PREOPEN;
        for name in names {
            best.offer(fd, name, path);
            fd = fd.next().unwrap();
        }
        best.found.map(|(_, fd, rel)| (fd.raw(), rel))
    }

    #[test]
    fn the_longest_name_wins_and_ties_go_to_the_later_preopen() {
        let names = ["/", "/data", "/data/deep", "/other"];
        assert_eq!(pick(&names, "/data/deep/x"), Some((5, "x")));
        assert_eq!(pick(&names, "/data/deeper"), Some((4, "deeper")));
        assert_eq!(pick(&names, "notes.txt"), Some((3, "notes.txt")));
        assert_eq!(pick(&names, "other/y"), Some((6, "y")));
        assert_eq!(pick(&["/", "."], "x"), Some((4, "x")));
        assert_eq!(pick(&[".", "/"], "x"), Some((4, "x")));
        assert_eq!(pick(&["/data", "/data/"], "/data/x"), Some((4, "x")));
        assert_eq!(pick(&["/data"], "notes.txt"), None);
        assert_eq!(pick(&[], "/x"), None);
    }

    /// Property tests (proptest runs on the host only).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;
        use std::string::String;
        use std::vec::Vec;

        /// A path of `components` with random decorations: a leading `/` or `./` or nothing,
        /// separators doubled after the first `double_after` components (inside a preopen's
        /// name they must be single, as in wasi-libc), a trailing `/`.
        fn decorated(
            components: &[String],
            lead: u8,
            double_after: Option<usize>,
            trail: bool,
        ) -> String {
            let mut s = String::from(match lead % 3 {
                0 => "",
                1 => "/",
                _ => "./",
            });
            for (i, c) in components.iter().enumerate() {
                if i > 0 {
                    s.push_str(if double_after.is_some_and(|n| i >= n) {
                        "//"
                    } else {
                        "/"
                    });
                }
                s.push_str(c);
            }
            if trail {
                s.push('/');
            }
            s
        }

        fn component() -> impl Strategy<Value = String> {
            // Names that are prefixes of one another, to exercise the component boundary.
            prop::sample::select(&["a", "ab", "b", "data", "d", "é"][..]).prop_map(String::from)
        }

        proptest! {
            // No failure files (Miri's isolation has no `getcwd` for them), fewer cases under
            // Miri, which is slow.
            #![proptest_config(ProptestConfig {
                cases: if cfg!(miri) { 16 } else { 256 },
                failure_persistence: None,
                ..ProptestConfig::default()
            })]

            /// A preopen contains a path exactly when its components start the path's, and the
            /// relative path is the rest of the components.
            #[test]
            fn matching_is_by_whole_components(
                name in prop::collection::vec(component(), 0..3),
                path in prop::collection::vec(component(), 0..4),
                (name_lead, path_lead) in (0..3_u8, 0..3_u8),
                (double, name_trail, path_trail) in (any::<bool>(), any::<bool>(), any::<bool>()),
            ) {
                let name_text = decorated(&name, name_lead, None, name_trail);
                let path_text = decorated(&path, path_lead, double.then_some(name.len()), path_trail);
                let got = match_preopen(&name_text, &path_text);
                if path.starts_with(&name) {
                    let rest = &path[name.len()..];
                    let (score, rel) = got.expect("a match");
                    prop_assert_eq!(score, name.join("/").len());
                    let rel_components: Vec<&str> =
                        rel.split('/').filter(|c| !c.is_empty() && *c != ".").collect();
                    prop_assert_eq!(rel_components, rest.iter().map(String::as_str).collect::<Vec<_>>());
                    prop_assert!(!rel.is_empty() && !rel.starts_with('/'));
                } else {
                    prop_assert_eq!(got, None);
                }
            }

            /// Whatever the names, the chosen preopen is one with the longest matching name.
            #[test]
            fn resolution_picks_a_longest_match(
                names in prop::collection::vec(prop::collection::vec(component(), 0..3), 0..5),
                path in prop::collection::vec(component(), 0..4),
            ) {
                let texts: Vec<String> = names.iter().map(|n| decorated(n, 1, None, false)).collect();
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                let path_text = decorated(&path, 0, None, false);
                let longest = names.iter().filter(|n| path.starts_with(n)).map(|n| n.join("/").len()).max();
                match pick(&refs, &path_text) {
                    None => prop_assert_eq!(longest, None),
                    Some((fd, _)) => {
                        let chosen = &names[(fd - 3) as usize];
                        prop_assert!(path.starts_with(chosen));
                        prop_assert_eq!(Some(chosen.join("/").len()), longest);
                    }
                }
            }
        }
    }
}
