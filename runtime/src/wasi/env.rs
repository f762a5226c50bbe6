//! Command-line arguments and environment variables, as iterators over borrowed strings.
//!
//! The host copies them into memory the guest provides: a table of pointers and the
//! NUL-terminated strings. [`args_in`] and [`vars_in`] take that memory from a memory scope
//! ([`with_memory_allocator!`](crate::with_memory_allocator)); [`args_into`] and [`vars_into`]
//! from a byte buffer (size it with [`args_sizes`]/[`vars_sizes`] and
//! [`BufferSizes::bytes_needed`]); with the `std` feature, `args()` and `vars()` return owned
//! strings.
//!
//! A host may pass arguments and variables that are not UTF-8. The byte forms see them all
//! ([`Args::iter_bytes`], [`Vars::iter_bytes`], [`Vars::get_bytes`]; with `std`,
//! [`args_bytes`] and [`vars_bytes`], like `std::env::args_os`/`vars_os`); the `str` forms
//! ([`Args::iter`], [`Vars::iter`], [`Vars::get`], `args()`, `vars()`) **skip** the entries
//! that are not UTF-8, so one odd variable never makes the others unreadable.
//!
//! The suffixes follow the convention of [`wasi`](crate::wasi): `_in(mem)` allocates **in**
//! a memory scope and borrows from it, `_into(buf)` writes **into** your buffer and borrows
//! from it.
//!
//! ```no_run
//! use wasm_function::wasi::env;
//!
//! use wasm_function::with_memory_allocator;
//!
//! with_memory_allocator!(|mem| {
//!     for arg in env::args_in(mem)?.iter().skip(1) {
//!         wasm_function::println!("argument: {arg}");
//!     }
//!     if let Some(home) = env::vars_in(mem)?.get("HOME") {
//!         wasm_function::println!("HOME={home}");
//!     }
//! });
//!
//! let mut buf = [0_u8; 4096];
//! let args = env::args_into(&mut buf)?; // or a buffer of your own
//! wasm_function::println!("{} arguments", args.len());
//! # Ok::<(), wasm_function::wasi::Errno>(())
//! ```

use core::fmt;

use super::bytes;
use super::scratch::bytes_in;
use super::{Errno, Size, sys};
use crate::memory::MemoryAllocator;

/// How many strings the host has and how many bytes they take, NULs included (what
/// `args_sizes_get`/`environ_sizes_get` return).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct BufferSizes {
    /// The number of strings.
    pub count: Size,
    /// The bytes of all strings, each with its NUL terminator.
    pub buf_len: Size,
}

impl BufferSizes {
    /// The size of a byte buffer that [`args_into`]/[`vars_into`] accept for these sizes:
    /// the pointer table (with room to align it), then the strings. `None` on overflow.
    #[must_use]
    pub const fn bytes_needed(&self) -> Option<usize> {
        let Some(table) = self.count.checked_mul(POINTER_SIZE) else {
            return None;
        };
        let Some(with_align) = table.checked_add(POINTER_SIZE - 1) else {
            return None;
        };
        with_align.checked_add(self.buf_len)
    }
}

const POINTER_SIZE: usize = core::mem::size_of::<*mut u8>();

/// The number and total size of the command-line arguments.
///
/// # Errors
///
/// What the host returns from `args_sizes_get`.
pub fn args_sizes() -> Result<BufferSizes, Errno> {
    let (count, buf_len) = sys::args_sizes_get()?;
    Ok(BufferSizes { count, buf_len })
}

/// The number and total size of the environment variables.
///
/// # Errors
///
/// What the host returns from `environ_sizes_get`.
pub fn vars_sizes() -> Result<BufferSizes, Errno> {
    let (count, buf_len) = sys::environ_sizes_get()?;
    Ok(BufferSizes { count, buf_len })
}

/// Reads the command-line arguments into `buf`, which must hold
/// [`args_sizes()`](args_sizes)`?.`[`bytes_needed()`](BufferSizes::bytes_needed) bytes.
///
/// # Errors
///
/// [`Errno::NOBUFS`] if `buf` is too small, or what the host returns.
pub fn args_into(buf: &mut [u8]) -> Result<Args<'_>, Errno> {
    args_with(buf, args_sizes()?)
}

/// Reads the command-line arguments into memory of the scope `mem`; they live as long as the
/// scope.
///
/// ```no_run
/// use wasm_function::{wasi::env, with_memory_allocator};
///
/// with_memory_allocator!(|mem| {
///     for arg in env::args_in(mem)? {
///         wasm_function::println!("{arg}");
///     }
/// });
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// [`Errno::NOMEM`] if the scope cannot grow, or what the host returns.
///
/// # Panics
///
/// When `mem` is not the innermost open scope (see [`MemoryAllocator`]).
pub fn args_in<'s>(mem: &MemoryAllocator<'s>) -> Result<Args<'s>, Errno> {
    let sizes = args_sizes()?;
    args_with(
        bytes_in(mem, sizes.bytes_needed().ok_or(Errno::NOMEM)?)?,
        sizes,
    )
}

fn args_with(buf: &mut [u8], sizes: BufferSizes) -> Result<Args<'_>, Errno> {
    fetch(buf, sizes, |table, strings| {
        // SAFETY: `fetch` passes a pointer table valid and aligned for `sizes.count` pointers
        // and a string area valid for `sizes.buf_len` bytes, the sizes the host gave.
        unsafe { sys::args_get(table, strings) }
    })
    .map(|list| Args { list })
}

/// Reads the environment variables into `buf`, which must hold
/// [`vars_sizes()`](vars_sizes)`?.`[`bytes_needed()`](BufferSizes::bytes_needed) bytes.
///
/// # Errors
///
/// [`Errno::NOBUFS`] if `buf` is too small, or what the host returns.
pub fn vars_into(buf: &mut [u8]) -> Result<Vars<'_>, Errno> {
    vars_with(buf, vars_sizes()?)
}

/// Reads the environment variables into memory of the scope `mem`; they live as long as the
/// scope.
///
/// ```no_run
/// use wasm_function::{wasi::env, with_memory_allocator};
///
/// let home_is_set = with_memory_allocator!(|mem| { env::vars_in(mem)?.get("HOME").is_some() });
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// [`Errno::NOMEM`] if the scope cannot grow, or what the host returns.
///
/// # Panics
///
/// When `mem` is not the innermost open scope (see [`MemoryAllocator`]).
pub fn vars_in<'s>(mem: &MemoryAllocator<'s>) -> Result<Vars<'s>, Errno> {
    let sizes = vars_sizes()?;
    vars_with(
        bytes_in(mem, sizes.bytes_needed().ok_or(Errno::NOMEM)?)?,
        sizes,
    )
}

fn vars_with(buf: &mut [u8], sizes: BufferSizes) -> Result<Vars<'_>, Errno> {
    fetch(buf, sizes, |table, strings| {
        // SAFETY: as in `args_with`, with the sizes of the environment.
        unsafe { sys::environ_get(table, strings) }
    })
    .map(|list| Vars { list })
}

/// Splits `buf` into an aligned pointer table and a string area for `sizes`, lets `get` fill
/// them, and returns the strings.
fn fetch(
    buf: &mut [u8],
    sizes: BufferSizes,
    get: impl FnOnce(*mut *mut u8, *mut u8) -> Result<(), Errno>,
) -> Result<StrList<'_>, Errno> {
    let table_len = sizes.count.checked_mul(POINTER_SIZE).ok_or(Errno::NOBUFS)?;
    let align = buf.as_ptr().align_offset(POINTER_SIZE);
    let strings_at = align.checked_add(table_len).ok_or(Errno::NOBUFS)?;
    let end = strings_at.checked_add(sizes.buf_len).ok_or(Errno::NOBUFS)?;
    if end > buf.len() {
        return Err(Errno::NOBUFS);
    }
    let (table, strings) = buf[align..end].split_at_mut(table_len);
    get(table.as_mut_ptr().cast(), strings.as_mut_ptr())?;
    StrList::new(&buf[strings_at..end], sizes.count)
}

/// A list of NUL-terminated strings, as a host writes them: bytes, not necessarily UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct StrList<'a> {
    bytes: &'a [u8],
    count: usize,
}

impl<'a> StrList<'a> {
    /// The strings of `bytes`, at most `count` of them (fewer if the host wrote fewer).
    fn new(bytes: &'a [u8], count: usize) -> Result<Self, Errno> {
        let list = Self { bytes, count };
        let seen = list.iter_bytes().count();
        Ok(Self { bytes, count: seen })
    }

    fn iter_bytes(&self) -> BytesIter<'a> {
        BytesIter {
            rest: self.bytes,
            left: self.count,
        }
    }

    fn iter(&self) -> StrIter<'a> {
        StrIter {
            bytes: self.iter_bytes(),
        }
    }

    fn get_bytes(&self, index: usize) -> Option<&'a [u8]> {
        self.iter_bytes().nth(index)
    }
}

/// An iterator over the strings of an [`Args`] or [`Vars`] as bytes, all of them, UTF-8 or
/// not (like `std::env::args_os`).
#[derive(Clone, Debug)]
pub struct BytesIter<'a> {
    rest: &'a [u8],
    left: usize,
}

impl<'a> Iterator for BytesIter<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.left == 0 || self.rest.is_empty() {
            self.left = 0;
            return None;
        }
        self.left -= 1;
        let (s, rest) = match self.rest.iter().position(|&b| b == 0) {
            Some(nul) => (&self.rest[..nul], &self.rest[nul + 1..]),
            None => (self.rest, &[][..]),
        };
        self.rest = rest;
        Some(s)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // Exact for lists made by `StrList::new`, which counts what the host wrote.
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for BytesIter<'_> {}
impl core::iter::FusedIterator for BytesIter<'_> {}

/// An iterator over the strings of an [`Args`] or [`Vars`] that are UTF-8; the others are
/// skipped ([`BytesIter`] has them all).
#[derive(Clone, Debug)]
pub struct StrIter<'a> {
    bytes: BytesIter<'a>,
}

impl<'a> Iterator for StrIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.bytes
            .by_ref()
            .find_map(|s| core::str::from_utf8(s).ok())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.bytes.size_hint().1)
    }
}

impl core::iter::FusedIterator for StrIter<'_> {}

/// Bytes shown as a string when they are UTF-8, else as a byte list.
struct Shown<'a>(&'a [u8]);

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match core::str::from_utf8(self.0) {
            Ok(s) => fmt::Debug::fmt(s, f),
            Err(_) => fmt::Debug::fmt(self.0, f),
        }
    }
}

/// The command-line arguments, borrowed from the buffer given to [`args_into`] (or the scope
/// of [`args_in`]). The first is conventionally the program name.
///
/// Arguments are bytes: [`iter_bytes`](Self::iter_bytes) and [`get_bytes`](Self::get_bytes)
/// give every one (like `std::env::args_os`); [`iter`](Self::iter) and [`get`](Self::get) give
/// those that are UTF-8 and skip the others, so one odd argument does not hide the rest.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Args<'a> {
    list: StrList<'a>,
}

impl<'a> Args<'a> {
    /// The number of arguments, UTF-8 or not.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.count
    }

    /// Whether there is no argument.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.count == 0
    }

    /// The arguments that are UTF-8, in order (others are skipped).
    #[must_use]
    pub fn iter(&self) -> StrIter<'a> {
        self.list.iter()
    }

    /// Every argument as bytes, in order.
    #[must_use]
    pub fn iter_bytes(&self) -> BytesIter<'a> {
        self.list.iter_bytes()
    }

    /// The argument at `index` (counting every argument), if it exists and is UTF-8.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&'a str> {
        core::str::from_utf8(self.list.get_bytes(index)?).ok()
    }

    /// The argument at `index` as bytes.
    #[must_use]
    pub fn get_bytes(&self, index: usize) -> Option<&'a [u8]> {
        self.list.get_bytes(index)
    }
}

impl<'a> IntoIterator for Args<'a> {
    type Item = &'a str;
    type IntoIter = StrIter<'a>;
    fn into_iter(self) -> StrIter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &Args<'a> {
    type Item = &'a str;
    type IntoIter = StrIter<'a>;
    fn into_iter(self) -> StrIter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Args<'_> {
    /// Every argument: UTF-8 ones as strings, others as byte lists.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter_bytes().map(Shown))
            .finish()
    }
}

/// The environment variables, borrowed from the buffer given to [`vars_into`] (or the scope
/// of [`vars_in`]).
///
/// Variables are bytes: [`iter_bytes`](Self::iter_bytes) and [`get_bytes`](Self::get_bytes)
/// see every one (like `std::env::vars_os`); [`iter`](Self::iter), [`get`](Self::get) and
/// [`entries`](Self::entries) see those whose `NAME=value` is UTF-8 and skip the others, so
/// one odd variable does not hide the rest.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Vars<'a> {
    list: StrList<'a>,
}

impl<'a> Vars<'a> {
    /// The number of variables, UTF-8 or not.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.count
    }

    /// Whether there is no variable.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.count == 0
    }

    /// The UTF-8 variables as `(name, value)`, split at the first `=` (an entry without `=`
    /// has an empty value); others are skipped.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + Clone + 'a {
        self.list.iter().map(split_var)
    }

    /// Every variable as `(name, value)` bytes, split at the first `=`.
    pub fn iter_bytes(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + Clone + 'a {
        self.list.iter_bytes().map(split_var_bytes)
    }

    /// The raw `NAME=value` entries that are UTF-8.
    #[must_use]
    pub fn entries(&self) -> StrIter<'a> {
        self.list.iter()
    }

    /// Every raw `NAME=value` entry as bytes.
    #[must_use]
    pub fn entries_bytes(&self) -> BytesIter<'a> {
        self.list.iter_bytes()
    }

    /// The value of the first variable called `name`, if it is UTF-8 (a name is looked up
    /// among every variable: a non-UTF-8 value gives `None` here, `Some` from
    /// [`get_bytes`](Self::get_bytes)).
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'a str> {
        core::str::from_utf8(self.get_bytes(name.as_bytes())?).ok()
    }

    /// The value of the first variable called `name`, as bytes.
    #[must_use]
    pub fn get_bytes(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.iter_bytes()
            .find(|&(n, _)| bytes::eq(n, name))
            .map(|(_, v)| v)
    }
}

fn split_var(entry: &str) -> (&str, &str) {
    // A byte search: `str::split_once` would make a `no_std` guest import `memcmp`.
    match entry.bytes().position(|b| b == b'=') {
        // `=` is ASCII, so both sides of it are char boundaries.
        Some(eq) => (&entry[..eq], &entry[eq + 1..]),
        None => (entry, ""),
    }
}

fn split_var_bytes(entry: &[u8]) -> (&[u8], &[u8]) {
    match entry.iter().position(|&b| b == b'=') {
        Some(eq) => (&entry[..eq], &entry[eq + 1..]),
        None => (entry, &[]),
    }
}

impl fmt::Debug for Vars<'_> {
    /// Every variable: UTF-8 names and values as strings, others as byte lists.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.iter_bytes().map(|(n, v)| (Shown(n), Shown(v))))
            .finish()
    }
}

/// The command-line arguments that are UTF-8, as owned strings; others are skipped
/// ([`args_bytes`] has them all).
///
/// # Errors
///
/// What the host returns.
#[cfg(feature = "std")]
pub fn args() -> Result<std::vec::Vec<std::string::String>, Errno> {
    let mut buf = std::vec![0_u8; args_sizes()?.bytes_needed().ok_or(Errno::NOMEM)?];
    let args = args_into(&mut buf)?;
    Ok(args.iter().map(std::string::String::from).collect())
}

/// Every command-line argument as owned bytes (like `std::env::args_os`).
///
/// ```no_run
/// let args = wasm_function::wasi::env::args_bytes()?;
/// for arg in &args[1..] {
///     wasm_function::println!("{}", String::from_utf8_lossy(arg));
/// }
/// # Ok::<(), wasm_function::wasi::Errno>(())
/// ```
///
/// # Errors
///
/// What the host returns.
#[cfg(feature = "std")]
pub fn args_bytes() -> Result<std::vec::Vec<std::vec::Vec<u8>>, Errno> {
    let mut buf = std::vec![0_u8; args_sizes()?.bytes_needed().ok_or(Errno::NOMEM)?];
    let args = args_into(&mut buf)?;
    Ok(args.iter_bytes().map(<[u8]>::to_vec).collect())
}

/// The environment variables that are UTF-8, as owned `(name, value)` pairs; others are
/// skipped ([`vars_bytes`] has them all).
///
/// # Errors
///
/// What the host returns.
#[cfg(feature = "std")]
pub fn vars() -> Result<std::vec::Vec<(std::string::String, std::string::String)>, Errno> {
    let mut buf = std::vec![0_u8; vars_sizes()?.bytes_needed().ok_or(Errno::NOMEM)?];
    let vars = vars_into(&mut buf)?;
    Ok(vars
        .iter()
        .map(|(n, v)| (std::string::String::from(n), std::string::String::from(v)))
        .collect())
}

/// Every environment variable as owned `(name, value)` bytes (like `std::env::vars_os`).
///
/// # Errors
///
/// What the host returns.
#[cfg(feature = "std")]
#[allow(clippy::type_complexity)]
pub fn vars_bytes() -> Result<std::vec::Vec<(std::vec::Vec<u8>, std::vec::Vec<u8>)>, Errno> {
    let mut buf = std::vec![0_u8; vars_sizes()?.bytes_needed().ok_or(Errno::NOMEM)?];
    let vars = vars_into(&mut buf)?;
    Ok(vars
        .iter_bytes()
        .map(|(n, v)| (n.to_vec(), v.to_vec()))
        .collect())
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::vec::Vec;

    /// A fake host: writes `strings` the way `args_get` does.
    fn host<'a>(
        strings: &'a [&'a str],
    ) -> impl FnOnce(*mut *mut u8, *mut u8) -> Result<(), Errno> + 'a {
        move |table, area| {
            let mut at = area;
            for (i, s) in strings.iter().enumerate() {
                // SAFETY: the test sizes the buffer from the same strings, so the table has a
                // slot per string and the area room for every string and its NUL.
                unsafe {
                    table.add(i).write(at);
                    core::ptr::copy_nonoverlapping(s.as_ptr(), at, s.len());
                    at.add(s.len()).write(0);
                    at = at.add(s.len() + 1);
                }
            }
            Ok(())
        }
    }

    fn sizes(strings: &[&str]) -> BufferSizes {
        BufferSizes {
            count: strings.len(),
            buf_len: strings.iter().map(|s| s.len() + 1).sum(),
        }
    }

    #[test]
    fn args_round_trip() {
        let input = ["prog", "", "héllo wörld", "--flag=x"];
        let sizes = sizes(&input);
        // An odd offset exercises the table alignment.
        let mut storage = std::vec![0_u8; sizes.bytes_needed().unwrap() + 1];
        let list = fetch(&mut storage[1..], sizes, host(&input)).unwrap();
        let args = Args { list };
        assert_eq!(args.len(), 4);
        assert_eq!(args.iter().collect::<Vec<_>>(), input);
        assert_eq!(args.get(2), Some("héllo wörld"));
        assert_eq!(args.get(4), None);
        assert_eq!(args.iter_bytes().len(), 4);
        assert_eq!(
            std::format!("{args:?}"),
            r#"["prog", "", "héllo wörld", "--flag=x"]"#
        );
    }

    #[test]
    fn vars_split_at_the_first_equals() {
        let input = ["A=1", "B==2", "EMPTY=", "NOEQ"];
        let sizes = sizes(&input);
        let mut storage = std::vec![0_u8; sizes.bytes_needed().unwrap()];
        let vars = Vars {
            list: fetch(&mut storage, sizes, host(&input)).unwrap(),
        };
        assert_eq!(
            vars.iter().collect::<Vec<_>>(),
            [("A", "1"), ("B", "=2"), ("EMPTY", ""), ("NOEQ", "")]
        );
        assert_eq!(vars.get("B"), Some("=2"));
        assert_eq!(vars.get("C"), None);
        assert_eq!(vars.entries().collect::<Vec<_>>(), input);
    }

    #[test]
    fn too_small_buffers_and_bad_utf8_are_errors() {
        let input = ["abc"];
        let sizes = sizes(&input);
        let mut small = std::vec![0_u8; sizes.buf_len];
        assert_eq!(fetch(&mut small, sizes, host(&input)), Err(Errno::NOBUFS));
        let huge = BufferSizes {
            count: usize::MAX,
            buf_len: 1,
        };
        assert_eq!(huge.bytes_needed(), None);
        assert_eq!(fetch(&mut small, huge, |_, _| Ok(())), Err(Errno::NOBUFS));
        assert_eq!(StrList::new(b"ok\0\xff\0", 2).map(|l| l.count), Ok(2));
        assert_eq!(
            fetch(&mut std::vec![0; 64], sizes, |_, _| Err(Errno::FAULT)),
            Err(Errno::FAULT)
        );
    }

    #[test]
    fn non_utf8_entries_are_skipped_by_the_str_forms_only() {
        let args = Args {
            list: StrList::new(b"prog\0bad\xff\0ok\0", 3).unwrap(),
        };
        assert_eq!(args.len(), 3);
        assert_eq!(args.iter().collect::<Vec<_>>(), ["prog", "ok"]);
        assert_eq!(
            args.iter_bytes().collect::<Vec<_>>(),
            [&b"prog"[..], b"bad\xff", b"ok"]
        );
        assert_eq!(args.get(1), None);
        assert_eq!(args.get_bytes(1), Some(&b"bad\xff"[..]));
        assert_eq!(args.get(2), Some("ok"));
        assert_eq!(
            std::format!("{args:?}"),
            r#"["prog", [98, 97, 100, 255], "ok"]"#
        );

        let vars = Vars {
            list: StrList::new(b"A=1\0LATIN1=caf\xe9\0\xffNAME=x\0B=2\0", 4).unwrap(),
        };
        assert_eq!(vars.len(), 4);
        assert_eq!(vars.iter().collect::<Vec<_>>(), [("A", "1"), ("B", "2")]);
        assert_eq!(vars.get("LATIN1"), None);
        assert_eq!(vars.get_bytes(b"LATIN1"), Some(&b"caf\xe9"[..]));
        assert_eq!(vars.get_bytes(b"\xffNAME"), Some(&b"x"[..]));
        assert_eq!(vars.get("B"), Some("2"));
        assert_eq!(vars.iter_bytes().count(), 4);
        assert_eq!(vars.entries().count(), 2);
        assert_eq!(vars.entries_bytes().len(), 4);
    }

    #[test]
    fn lists_tolerate_a_host_that_lies_about_counts() {
        // Fewer strings than announced: iteration stops at the end of the buffer.
        let list = StrList::new(b"a\0b\0", 5).unwrap();
        assert_eq!(list.iter().collect::<Vec<_>>(), ["a", "b"]);
        // A missing final NUL.
        let list = StrList::new(b"a\0bc", 2).unwrap();
        assert_eq!(list.iter().collect::<Vec<_>>(), ["a", "bc"]);
        let empty = Args::default();
        assert!(empty.is_empty());
        assert_eq!(empty.iter().next(), None);
    }
}
