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

/// Finds the preopened directory that contains `path` and the path relative to it.
///
/// An absolute path (`/data/in.txt`) matches the preopen with the longest name that is a
/// prefix of it on a component boundary (`/data`, else `/`); a relative path
/// (`in.txt`, `./in.txt`) matches a preopen named `.`, else `./…` names, as wasi-libc does.
/// The relative path is `.` when `path` names the preopen itself.
///
/// # Errors
///
/// [`Errno::NOTCAPABLE`] if no preopen contains `path`, or an error from the scan.
///
/// ```no_run
/// use wasm_function::wasi::fs;
///
/// let (dir, rel) = fs::resolve("/data/a/b.txt")?; // with `/data` preopened
/// assert_eq!(rel, "a/b.txt");
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
pub fn resolve(path: &str) -> Result<(Fd, &str), Errno> {
    let mut best: Option<(usize, Fd, &str)> = None;
    let mut name_buf = [0_u8; MAX_PREOPEN_NAME];
    for preopen in preopens() {
        let preopen = preopen?;
        if preopen.name_len() > name_buf.len() {
            continue;
        }
        let name = preopen.name_into(&mut name_buf)?;
        if let Some((score, rel)) = match_preopen(name, path) {
            if best.is_none_or(|(best_score, _, _)| score > best_score) {
                best = Some((score, preopen.fd(), rel));
            }
        }
    }
    best.map(|(_, fd, rel)| (fd, rel)).ok_or(Errno::NOTCAPABLE)
}

/// Whether the preopen `name` contains `path`: how well it matches (longer is better) and the
/// path relative to it.
fn match_preopen<'p>(name: &str, path: &'p str) -> Option<(usize, &'p str)> {
    // Written with byte checks and `bytes::strip_prefix`: `str` comparisons would make a
    // `no_std` guest import `memcmp`.
    fn trim_leading_slashes(s: &str) -> &str {
        s.trim_start_matches('/')
    }
    fn is_dot(s: &str) -> bool {
        s.len() == 1 && s.as_bytes()[0] == b'.'
    }
    fn trim_dot_slash(mut s: &str) -> &str {
        while s.len() >= 2 && s.as_bytes()[0] == b'.' && s.as_bytes()[1] == b'/' {
            s = trim_leading_slashes(&s[2..]);
        }
        if is_dot(s) { "" } else { s }
    }
    fn relative(rest: &str) -> &str {
        let rest = trim_dot_slash(trim_leading_slashes(rest));
        if rest.is_empty() { "." } else { rest }
    }
    fn at_boundary(rest: &str) -> bool {
        rest.is_empty() || rest.as_bytes()[0] == b'/'
    }
    let name = name.trim_end_matches('/');
    let path_is_absolute = path.as_bytes().first() == Some(&b'/');
    if name.is_empty() {
        // A preopen named `/` (trimmed to empty) contains every absolute path.
        return path_is_absolute.then(|| (1, relative(path)));
    }
    if (name.as_bytes()[0] == b'/') != path_is_absolute {
        return None;
    }
    let (name, path) = if path_is_absolute {
        (name, path)
    } else {
        let name = trim_dot_slash(name);
        let path = trim_dot_slash(path);
        if name.is_empty() {
            return Some((1, relative(path)));
        }
        (name, path)
    };
    let rest = bytes::strip_prefix(path, name)?;
    at_boundary(rest).then(|| (name.len() + 1, relative(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preopen_matching() {
        assert_eq!(
            match_preopen("/data", "/data/a/b.txt"),
            Some((6, "a/b.txt"))
        );
        assert_eq!(match_preopen("/data/", "/data/a"), Some((6, "a")));
        assert_eq!(match_preopen("/data", "/data"), Some((6, ".")));
        assert_eq!(match_preopen("/data", "/data/"), Some((6, ".")));
        assert_eq!(match_preopen("/data", "/database/x"), None);
        assert_eq!(match_preopen("/data", "data/x"), None);
        assert_eq!(match_preopen("/", "/etc/x"), Some((1, "etc/x")));
        assert_eq!(match_preopen("/", "rel"), None);
        assert_eq!(match_preopen(".", "in.txt"), Some((1, "in.txt")));
        assert_eq!(match_preopen(".", "./in.txt"), Some((1, "in.txt")));
        assert_eq!(match_preopen(".", "."), Some((1, ".")));
        assert_eq!(match_preopen(".", "/abs"), None);
        assert_eq!(match_preopen("./sub", "sub/x"), Some((4, "x")));
        assert_eq!(match_preopen("sub", "./sub/x"), Some((4, "x")));
        assert_eq!(match_preopen("sub", "subway"), None);
    }
}
