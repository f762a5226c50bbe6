//! Byte-string comparisons that compile to a loop instead of a call to `memcmp`.
//!
//! On `wasm32-wasip1`, `==` and `starts_with` on slices and strings call `memcmp`, which a
//! `no_std` guest has no libc to provide: the module would import `env.memcmp` and fail to
//! instantiate. The safe layer compares with these instead.

/// Whether `a` and `b` hold the same bytes.
#[inline(never)]
pub(crate) fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `s` without the prefix `prefix`, if it starts with it.
pub(crate) fn strip_prefix<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.as_bytes().get(..prefix.len())?;
    if eq(head, prefix.as_bytes()) {
        // `prefix.len()` is a char boundary of `s`: the bytes before it are the whole of the
        // valid UTF-8 string `prefix`.
        s.get(prefix.len()..)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons() {
        assert!(eq(b"", b""));
        assert!(eq(b"abc", b"abc"));
        assert!(!eq(b"abc", b"abd"));
        assert!(!eq(b"abc", b"ab"));
        assert_eq!(strip_prefix("/data/x", "/data"), Some("/x"));
        assert_eq!(strip_prefix("/data", "/data"), Some(""));
        assert_eq!(strip_prefix("/dat", "/data"), None);
        assert_eq!(strip_prefix("é", "\u{e9}"), Some(""));
        assert_eq!(strip_prefix("xé", "x"), Some("é"));
    }
}
