//! Command-line arguments and environment variables, as iterators over borrowed strings.
//!
//! The host copies them into memory the guest provides: a table of pointers and the
//! NUL-terminated strings. [`args_in`] and [`vars_in`] take that memory from a memory scope
//! ([`with_memory_allocator!`](crate::with_memory_allocator)); [`args_into`] and [`vars_into`]
//! from a byte buffer (size it with [`args_sizes`]/[`vars_sizes`] and
//! [`BufferSizes::bytes_needed`]); with the `std` feature, `args()` and `vars()` return owned
//! strings. Strings must be UTF-8 ([`Errno::ILSEQ`] otherwise).
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
/// [`Errno::NOBUFS`] if `buf` is too small, [`Errno::ILSEQ`] if an argument is not UTF-8, or
/// what the host returns.
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
/// [`Errno::NOMEM`] if the scope cannot grow, [`Errno::ILSEQ`] if an argument is not UTF-8, or
/// what the host returns.
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
/// [`Errno::NOBUFS`] if `buf` is too small, [`Errno::ILSEQ`] if a variable is not UTF-8, or
/// what the host returns.
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
/// [`Errno::NOMEM`] if the scope cannot grow, [`Errno::ILSEQ`] if a variable is not UTF-8, or
/// what the host returns.
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

/// A list of NUL-terminated UTF-8 strings, as a host writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct StrList<'a> {
    bytes: &'a [u8],
    count: usize,
}

impl<'a> StrList<'a> {
    /// Checks that `bytes` holds UTF-8 strings; keeps at most `count` of them.
    fn new(bytes: &'a [u8], count: usize) -> Result<Self, Errno> {
        let list = Self { bytes, count };
        let mut seen = 0;
        for s in list.raw_iter() {
            core::str::from_utf8(s).map_err(|_| Errno::ILSEQ)?;
            seen += 1;
        }
        Ok(Self { bytes, count: seen })
    }

    fn raw_iter(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let bytes = self.bytes;
        let mut rest = Some(bytes);
        core::iter::from_fn(move || {
            let current = rest?;
            if current.is_empty() {
                rest = None;
                return None;
            }
            match current.iter().position(|&b| b == 0) {
                Some(nul) => {
                    rest = Some(&current[nul + 1..]);
                    Some(&current[..nul])
                }
                None => {
                    rest = None;
                    Some(current)
                }
            }
        })
        .take(self.count)
    }

    fn iter(&self) -> StrIter<'a> {
        StrIter {
            rest: self.bytes,
            left: self.count,
        }
    }
}

/// An iterator over the strings of an [`Args`] or [`Vars`].
#[derive(Clone, Debug)]
pub struct StrIter<'a> {
    rest: &'a [u8],
    left: usize,
}

impl<'a> Iterator for StrIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let (s, rest) = match self.rest.iter().position(|&b| b == 0) {
            Some(nul) => (&self.rest[..nul], &self.rest[nul + 1..]),
            None => (self.rest, &[][..]),
        };
        self.rest = rest;
        // Validated by `StrList::new`; an empty string if that was somehow not the case.
        Some(core::str::from_utf8(s).unwrap_or_default())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for StrIter<'_> {}
impl core::iter::FusedIterator for StrIter<'_> {}

/// The command-line arguments, borrowed from the buffer given to [`args_into`]. The first is
/// conventionally the program name.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Args<'a> {
    list: StrList<'a>,
}

impl<'a> Args<'a> {
    /// The number of arguments.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.count
    }

    /// Whether there is no argument.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.count == 0
    }

    /// The arguments in order.
    #[must_use]
    pub fn iter(&self) -> StrIter<'a> {
        self.list.iter()
    }

    /// The argument at `index`.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&'a str> {
        self.iter().nth(index)
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The environment variables, borrowed from the buffer given to [`vars_into`].
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Vars<'a> {
    list: StrList<'a>,
}

impl<'a> Vars<'a> {
    /// The number of variables.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.count
    }

    /// Whether there is no variable.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.list.count == 0
    }

    /// The variables as `(name, value)`, split at the first `=` (an entry without `=` has an
    /// empty value).
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + Clone + 'a {
        self.list.iter().map(split_var)
    }

    /// The raw `NAME=value` entries.
    #[must_use]
    pub fn entries(&self) -> StrIter<'a> {
        self.list.iter()
    }

    /// The value of the first variable called `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.iter()
            .find(|&(n, _)| bytes::eq(n.as_bytes(), name.as_bytes()))
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

impl fmt::Debug for Vars<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The command-line arguments as owned strings.
///
/// # Errors
///
/// [`Errno::ILSEQ`] if an argument is not UTF-8, or what the host returns.
#[cfg(feature = "std")]
pub fn args() -> Result<std::vec::Vec<std::string::String>, Errno> {
    let mut buf = std::vec![0_u8; args_sizes()?.bytes_needed().ok_or(Errno::NOMEM)?];
    let args = args_into(&mut buf)?;
    Ok(args.iter().map(std::string::String::from).collect())
}

/// The environment variables as owned `(name, value)` pairs.
///
/// # Errors
///
/// [`Errno::ILSEQ`] if a variable is not UTF-8, or what the host returns.
#[cfg(feature = "std")]
pub fn vars() -> Result<std::vec::Vec<(std::string::String, std::string::String)>, Errno> {
    let mut buf = std::vec![0_u8; vars_sizes()?.bytes_needed().ok_or(Errno::NOMEM)?];
    let vars = vars_into(&mut buf)?;
    Ok(vars
        .iter()
        .map(|(n, v)| (std::string::String::from(n), std::string::String::from(v)))
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
        assert_eq!(args.iter().len(), 4);
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
        assert_eq!(StrList::new(b"ok\0\xff\0", 2), Err(Errno::ILSEQ));
        assert_eq!(
            fetch(&mut std::vec![0; 64], sizes, |_, _| Err(Errno::FAULT)),
            Err(Errno::FAULT)
        );
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
