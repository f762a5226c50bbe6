//! The `wasi_snapshot_preview1` signature table, checked at compile time.
//!
//! Every core signature below comes from the preview1 witx, lowered with the canonical rules
//! (see the project's `wasi_preview1.md` reference): 46 functions, every result an `i32` errno
//! except `proc_exit`, which does not return.

use std::fmt;

use super::lowering::{self, CoreValType};

/// The preview1 module name.
pub(crate) const MODULE: &str = "wasi_snapshot_preview1";

/// What a preview1 function returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpecResult {
    /// An `i32` errno, 0 on success.
    Status,
    /// Nothing: the function does not return (`proc_exit`).
    NoReturn,
}

impl SpecResult {
    /// The core type of the result, if there is one.
    pub(crate) fn core(self) -> Option<CoreValType> {
        match self {
            Self::Status => Some(lowering::STATUS),
            Self::NoReturn => None,
        }
    }
}

/// One preview1 function's core signature.
#[derive(Debug)]
pub(crate) struct SpecFn {
    pub(crate) name: &'static str,
    pub(crate) params: &'static [(&'static str, CoreValType)],
    pub(crate) result: SpecResult,
}

impl fmt::Display for SpecFn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(")?;
        for (i, (name, core)) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name}: {core}")?;
        }
        match self.result.core() {
            Some(core) => write!(f, ") -> {core}"),
            None => f.write_str(") -> !"),
        }
    }
}

/// Looks a function up by its import name.
pub(crate) fn lookup(name: &str) -> Option<&'static SpecFn> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// The known name closest to `name`, if any is close enough to be a likely typo.
pub(crate) fn nearest(name: &str) -> Option<&'static str> {
    nearest_name(name, FUNCTIONS.iter().map(|f| f.name))
}

/// The candidate closest to `name`, if any is close enough to be a likely typo (within half
/// the longer name's length, in edits); the first of equally close ones.
pub(crate) fn nearest_name<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|&(d, candidate)| d <= candidate.len().max(name.len()) / 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// All 46 functions of `wasi_snapshot_preview1`.
pub(crate) static FUNCTIONS: &[SpecFn] = &[
    SpecFn {
        name: "args_get",
        params: &[("argv", CoreValType::I32), ("argv_buf", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "args_sizes_get",
        params: &[
            ("ret0_ptr", CoreValType::I32),
            ("ret1_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "environ_get",
        params: &[
            ("environ", CoreValType::I32),
            ("environ_buf", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "environ_sizes_get",
        params: &[
            ("ret0_ptr", CoreValType::I32),
            ("ret1_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "clock_res_get",
        params: &[("id", CoreValType::I32), ("ret_ptr", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "clock_time_get",
        params: &[
            ("id", CoreValType::I32),
            ("precision", CoreValType::I64),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_advise",
        params: &[
            ("fd", CoreValType::I32),
            ("offset", CoreValType::I64),
            ("len", CoreValType::I64),
            ("advice", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_allocate",
        params: &[
            ("fd", CoreValType::I32),
            ("offset", CoreValType::I64),
            ("len", CoreValType::I64),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_close",
        params: &[("fd", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_datasync",
        params: &[("fd", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_fdstat_get",
        params: &[("fd", CoreValType::I32), ("ret_ptr", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_fdstat_set_flags",
        params: &[("fd", CoreValType::I32), ("flags", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_fdstat_set_rights",
        params: &[
            ("fd", CoreValType::I32),
            ("fs_rights_base", CoreValType::I64),
            ("fs_rights_inheriting", CoreValType::I64),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_filestat_get",
        params: &[("fd", CoreValType::I32), ("ret_ptr", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_filestat_set_size",
        params: &[("fd", CoreValType::I32), ("size", CoreValType::I64)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_filestat_set_times",
        params: &[
            ("fd", CoreValType::I32),
            ("atim", CoreValType::I64),
            ("mtim", CoreValType::I64),
            ("fst_flags", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_pread",
        params: &[
            ("fd", CoreValType::I32),
            ("iovs_ptr", CoreValType::I32),
            ("iovs_len", CoreValType::I32),
            ("offset", CoreValType::I64),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_prestat_get",
        params: &[("fd", CoreValType::I32), ("ret_ptr", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_prestat_dir_name",
        params: &[
            ("fd", CoreValType::I32),
            ("path", CoreValType::I32),
            ("path_len", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_pwrite",
        params: &[
            ("fd", CoreValType::I32),
            ("iovs_ptr", CoreValType::I32),
            ("iovs_len", CoreValType::I32),
            ("offset", CoreValType::I64),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_read",
        params: &[
            ("fd", CoreValType::I32),
            ("iovs_ptr", CoreValType::I32),
            ("iovs_len", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_readdir",
        params: &[
            ("fd", CoreValType::I32),
            ("buf", CoreValType::I32),
            ("buf_len", CoreValType::I32),
            ("cookie", CoreValType::I64),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_renumber",
        params: &[("fd", CoreValType::I32), ("to", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_seek",
        params: &[
            ("fd", CoreValType::I32),
            ("offset", CoreValType::I64),
            ("whence", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_sync",
        params: &[("fd", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_tell",
        params: &[("fd", CoreValType::I32), ("ret_ptr", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "fd_write",
        params: &[
            ("fd", CoreValType::I32),
            ("iovs_ptr", CoreValType::I32),
            ("iovs_len", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_create_directory",
        params: &[
            ("fd", CoreValType::I32),
            ("path_ptr", CoreValType::I32),
            ("path_len", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_filestat_get",
        params: &[
            ("fd", CoreValType::I32),
            ("flags", CoreValType::I32),
            ("path_ptr", CoreValType::I32),
            ("path_len", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_filestat_set_times",
        params: &[
            ("fd", CoreValType::I32),
            ("flags", CoreValType::I32),
            ("path_ptr", CoreValType::I32),
            ("path_len", CoreValType::I32),
            ("atim", CoreValType::I64),
            ("mtim", CoreValType::I64),
            ("fst_flags", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_link",
        params: &[
            ("old_fd", CoreValType::I32),
            ("old_flags", CoreValType::I32),
            ("old_path_ptr", CoreValType::I32),
            ("old_path_len", CoreValType::I32),
            ("new_fd", CoreValType::I32),
            ("new_path_ptr", CoreValType::I32),
            ("new_path_len", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_open",
        params: &[
            ("fd", CoreValType::I32),
            ("dirflags", CoreValType::I32),
            ("path_ptr", CoreValType::I32),
            ("path_len", CoreValType::I32),
            ("oflags", CoreValType::I32),
            ("fs_rights_base", CoreValType::I64),
            ("fs_rights_inheriting", CoreValType::I64),
            ("fdflags", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_readlink",
        params: &[
            ("fd", CoreValType::I32),
            ("path_ptr", CoreValType::I32),
            ("path_len", CoreValType::I32),
            ("buf", CoreValType::I32),
            ("buf_len", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_remove_directory",
        params: &[
            ("fd", CoreValType::I32),
            ("path_ptr", CoreValType::I32),
            ("path_len", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_rename",
        params: &[
            ("fd", CoreValType::I32),
            ("old_path_ptr", CoreValType::I32),
            ("old_path_len", CoreValType::I32),
            ("new_fd", CoreValType::I32),
            ("new_path_ptr", CoreValType::I32),
            ("new_path_len", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_symlink",
        params: &[
            ("old_path_ptr", CoreValType::I32),
            ("old_path_len", CoreValType::I32),
            ("fd", CoreValType::I32),
            ("new_path_ptr", CoreValType::I32),
            ("new_path_len", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "path_unlink_file",
        params: &[
            ("fd", CoreValType::I32),
            ("path_ptr", CoreValType::I32),
            ("path_len", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "poll_oneoff",
        params: &[
            ("in", CoreValType::I32),
            ("out", CoreValType::I32),
            ("nsubscriptions", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "proc_exit",
        params: &[("rval", CoreValType::I32)],
        result: SpecResult::NoReturn,
    },
    SpecFn {
        name: "proc_raise",
        params: &[("sig", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "sched_yield",
        params: &[],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "random_get",
        params: &[("buf", CoreValType::I32), ("buf_len", CoreValType::I32)],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "sock_accept",
        params: &[
            ("fd", CoreValType::I32),
            ("flags", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "sock_recv",
        params: &[
            ("fd", CoreValType::I32),
            ("ri_data_ptr", CoreValType::I32),
            ("ri_data_len", CoreValType::I32),
            ("ri_flags", CoreValType::I32),
            ("ret0_ptr", CoreValType::I32),
            ("ret1_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "sock_send",
        params: &[
            ("fd", CoreValType::I32),
            ("si_data_ptr", CoreValType::I32),
            ("si_data_len", CoreValType::I32),
            ("si_flags", CoreValType::I32),
            ("ret_ptr", CoreValType::I32),
        ],
        result: SpecResult::Status,
    },
    SpecFn {
        name: "sock_shutdown",
        params: &[("fd", CoreValType::I32), ("how", CoreValType::I32)],
        result: SpecResult::Status,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_46_distinct_functions() {
        assert_eq!(FUNCTIONS.len(), 46);
        let mut names: Vec<_> = FUNCTIONS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 46);
    }

    #[test]
    fn only_proc_exit_does_not_return() {
        let no_return: Vec<_> = FUNCTIONS
            .iter()
            .filter(|f| f.result == SpecResult::NoReturn)
            .map(|f| f.name)
            .collect();
        assert_eq!(no_return, ["proc_exit"]);
    }

    #[test]
    fn signatures_print_like_the_reference() {
        assert_eq!(
            lookup("fd_write").map(ToString::to_string).as_deref(),
            Some("(fd: i32, iovs_ptr: i32, iovs_len: i32, ret_ptr: i32) -> i32")
        );
        assert_eq!(
            lookup("clock_time_get").map(ToString::to_string).as_deref(),
            Some("(id: i32, precision: i64, ret_ptr: i32) -> i32")
        );
    }

    #[test]
    fn typos_suggest_the_nearest_name() {
        assert_eq!(nearest("fd_wirte"), Some("fd_write"));
        assert_eq!(nearest("proc_exti"), Some("proc_exit"));
        assert_eq!(nearest("path_opne"), Some("path_open"));
        assert_eq!(nearest("completely_unrelated_name"), None);
    }
}
