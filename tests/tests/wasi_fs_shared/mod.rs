//! What `wasi-fs` is given and must print, shared by the preview1 run (`wasi_e2e.rs`) and
//! the WASI 0.2 run (`p2_fs_e2e.rs`), and how their output is compared.

use std::path::Path;

/// The lines every runtime must print alike (`ok …`, `FAIL …`, `done …`) and the `info` lines,
/// which may differ.
pub(crate) fn split_lines(stdout: &str) -> (Vec<&str>, Vec<&str>) {
    stdout.lines().partition(|line| !line.starts_with("info "))
}

/// Asserts that `actual` are the lines of `expected`, naming the first difference.
#[track_caller]
pub(crate) fn assert_lines(actual: &[&str], expected: &str, what: &str) {
    let expected: Vec<&str> = expected.lines().collect();
    if actual == expected {
        return;
    }
    let at = actual
        .iter()
        .zip(&expected)
        .position(|(a, e)| a != e)
        .unwrap_or(actual.len().min(expected.len()));
    panic!(
        "{what}: line {} differs\n  actual:   {:?}\n  expected: {:?}\n--- all actual lines ---\n{}",
        at + 1,
        actual.get(at),
        expected.get(at),
        actual.join("\n")
    );
}

/// The contents of `hello.txt` in every sandbox.
pub(crate) const HELLO: &str = "hello from the host\n";

/// A fresh directory with the files `wasi-fs` expects.
pub(crate) fn fs_sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path();
    std::fs::write(path.join("hello.txt"), HELLO).expect("write");
    std::fs::create_dir(path.join("subdir")).expect("mkdir");
    std::fs::write(path.join("subdir/nested.txt"), "nested\n").expect("write");
    std::fs::write(path.join("to-rename.txt"), "rename me\n").expect("write");
    std::fs::write(path.join("to-delete.txt"), "delete me\n").expect("write");
    dir
}

/// What `wasi-fs` must print in every runtime (sizes, types, contents and errno names are all
/// deterministic). Listings are sorted by the guest: hosts list in different orders.
pub(crate) const FS_CHECKS: &str = "\
ok preopen /sandbox fd 3
ok preopen-count 1
ok resolve /sandbox/subdir/nested.txt -> fd 3 \"subdir/nested.txt\"
ok resolve-outside /elsewhere/x -> notcapable
ok resolve-root /sandbox -> \".\"
ok readdir-before .: hello.txt:regular_file:20 subdir:directory to-delete.txt:regular_file:10 to-rename.txt:regular_file:10
ok read hello.txt 20 bytes \"hello from the host\\n\"
ok read-scatter subdir/nested.txt 7 bytes \"nes\" + \"ted\\n\"
ok read-eof a read at the end gives 0 bytes
ok write-read written.txt 33 bytes \"written by the guest\\nsecond line\\n\"
ok stat-file written.txt regular_file size 33 nlink 1
ok stat-dir subdir directory
ok fstat written.txt regular_file size 33 same inode true
ok fdstat-file regular_file read true seek true
ok fdstat-dir /sandbox directory
ok seek-start seek 8 -> 8, tell 8, read \"by\", tell 10
ok seek-current -4 -> 6, read \"n \"
ok seek-end end-5 -> 28, read \"line\\n\"
ok seek-negative current-100 -> inval
ok pwrite-pread wrote 7 at 0, read \"WRITTEN\" at 0, offset still 0
ok set-size 7 -> size 7; 12 -> 12 bytes \"WRITTEN\\0\\0\\0\\0\\0\"
ok append size 21, fdflags append true
ok set-flags-append size 26, fdflags append true
ok sync-advise fd_datasync, fd_sync, fd_advise ok
ok noent open missing.txt -> noent
ok noent-stat stat missing/x.txt -> noent
ok noent-unlink unlink missing.txt -> noent
ok badf-read read a closed fd -> badf
ok badf-close close it again -> badf
ok badf-write write to fd 999 -> badf
ok notdir-open open_dir hello.txt -> notdir
ok notdir-path open hello.txt/x -> notdir
ok exist-create-new create_new hello.txt -> exist
ok exist-mkdir mkdir subdir -> exist
ok mkdir-rmdir mkdir made -> directory; rmdir with a file -> notempty; after unlinking it -> ok; stat -> noent
ok rename-across kept/file.txt -> subdir/moved.txt \"kept\\n\"
ok rename to-rename.txt -> renamed.txt \"rename me\\n\"; old name -> noent
ok unlink unlink to-delete.txt, then stat -> noent
ok symlink link -> \"hello.txt\"; lstat symbolic_link size 9; stat regular_file size 20
ok symlink-read through link \"hello from the host\\n\"
ok exist-symlink symlink onto hello.txt -> exist
ok hard-link hard.txt nlink 2 same inode true size 20
ok exist-link link onto renamed.txt -> exist
ok path-set-times hello.txt mtim 1000000000000000000 atim 1100000000000000000
ok fd-set-times renamed.txt mtim 1000000001000000000
ok renumber the target fd now reads hello.txt; the old fd -> badf
ok create-dir-all tree/a/b/c -> directory; again -> ok
ok create-dir-all-file create_dir_all hello.txt/x -> exist
ok remove-dir-all tree/a with files, a subtree and a link to a directory -> ok; exists after -> Ok(false); hello.txt exists -> Ok(true)
ok remove-dir-all-missing remove_dir_all missing -> noent
ok remove-dir-all-file remove_dir_all hello.txt -> notdir
ok copy hello.txt -> tree/kept/copy.txt 20 bytes \"hello from the host\\n\"
ok copy-dir copy subdir -> isdir
ok copy-missing copy missing.txt -> noent
ok read-into a 20-byte buffer -> Ok(20); 5 bytes -> nobufs; 0 bytes -> nobufs
ok read-into-empty an empty file into 0 bytes -> Ok(0)
ok read-string-latin1 caf\\xe9 -> ilseq
ok exists hello.txt Ok(true), missing.txt Ok(false), link Ok(true)
ok exists-notdir exists hello.txt/x -> notdir
ok set-times-path tree/kept/copy.txt mtim 1009843200000000000 atim 1100000000000000000
ok set-times-file set_modified -> 1000000000000000000; set_modified_now -> after 2020 true
ok set-append append true, a write at offset 0 -> size 15
ok set-fdflags-undefined fdflags 0x100 -> inval
ok advise willneed whole file ok, sequential 0..15 ok
ok advise-undefined advice 99 -> inval
ok renumber-file the target now reads tree/kept/copy.txt \"hello from the host\\n\"
ok renumber-badf renumber fd 999 -> badf
ok badf-parity set_times, advise, fdflags, set_append, exists, create_dir_all, copy, remove_dir_all on fd 999 -> [\"badf\", \"badf\", \"badf\", \"badf\", \"badf\", \"badf\", \"badf\", \"badf\"]
ok read-only-write write and write_all fail
ok zero-length read and read_at into 0 bytes -> (Ok(0), Ok(0))
ok read-far read_at 2^63-1 -> inval
ok seek-huge SeekFrom::Start(u64::MAX) -> inval
ok undefined-bits 12 calls with undefined bits or values -> [\"inval\", \"inval\", \"inval\", \"inval\", \"inval\", \"inval\", \"inval\", \"inval\", \"inval\", \"inval\", \"inval\", \"inval\"]
ok readdir-many 150 files: 150 listed with a 40-byte buffer, 150 with 4096 bytes, each once true
ok readdir-after .: hard.txt:regular_file:20 hello.txt:regular_file:20 kept:directory link:symbolic_link renamed.txt:regular_file:10 subdir:directory tree:directory written.txt:regular_file:26
ok readdir-subdir subdir: moved.txt:regular_file:5 nested.txt:regular_file:7
done 0 failed
";

/// Checks the sandbox after `wasi-fs` ran: what the guest did is visible on the host.
pub(crate) fn assert_fs_sandbox_after(root: &Path) {
    let read = |path: &str| {
        std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("reading {path}: {e}"))
    };
    let mut names: Vec<String> = std::fs::read_dir(root)
        .expect("listing")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "hard.txt",
            "hello.txt",
            "kept",
            "link",
            "renamed.txt",
            "subdir",
            "tree",
            "written.txt"
        ],
        "renamed, unlinked, created and removed files as the guest left them"
    );
    assert_eq!(read("renamed.txt"), b"rename me\n");
    assert_eq!(read("written.txt"), b"WRITTEN\0\0\0\0\0appended\nmore\n");
    assert_eq!(read("hard.txt"), HELLO.as_bytes());
    assert_eq!(read("subdir/moved.txt"), b"kept\n");
    assert_eq!(read("subdir/nested.txt"), b"nested\n");
    assert_eq!(
        std::fs::read_link(root.join("link")).expect("a symbolic link"),
        Path::new("hello.txt")
    );
    assert!(root.join("kept").is_dir());
    assert_eq!(
        std::fs::read_dir(root.join("kept")).expect("kept").count(),
        0
    );
    // From `parity`: `tree/a` removed whole, `tree/kept` with a copy and a log.
    let mut tree: Vec<String> = std::fs::read_dir(root.join("tree"))
        .expect("tree")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    tree.sort();
    assert_eq!(tree, ["kept"]);
    assert_eq!(read("tree/kept/copy.txt"), HELLO.as_bytes());
    assert_eq!(read("tree/kept/log.txt"), b"first\nappended\n");
    assert_eq!(
        std::fs::metadata(root.join("tree/kept/copy.txt"))
            .and_then(|m| m.modified())
            .expect("mtime"),
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_009_843_200)
    );
    assert!(
        !root.join("never.txt").exists(),
        "no link made with undefined flags"
    );
    let hello = std::fs::metadata(root.join("hello.txt")).expect("hello.txt");
    assert_eq!(
        hello.modified().expect("mtime"),
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let hard = std::fs::metadata(root.join("hard.txt")).expect("hard.txt");
        assert_eq!((hard.ino(), hard.nlink()), (hello.ino(), 2));
    }
}

/// A fresh directory holding `hello.txt`, to preopen as `/` or `.`.
pub(crate) fn root_sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("hello.txt"), HELLO).expect("write");
    dir
}

/// What `wasi-fs root` must print in every runtime, whether the directory is preopened as `/`
/// or as `.`: relative and absolute paths resolve to it as with std. `../outside.txt` is
/// refused by wasmtime (`perm`); Node under `/` writes it inside the preopen (`/..` is `/`),
/// under `.` refuses it (`notcapable`).
pub(crate) const ROOT_CHECKS: &str = "\
ok root-preopens 1
ok root-resolve \"notes.txt\" -> fd 3 \"notes.txt\"
ok root-resolve \"./notes.txt\" -> fd 3 \"notes.txt\"
ok root-resolve \"/notes.txt\" -> fd 3 \"notes.txt\"
ok root-resolve \"sub/deep.txt\" -> fd 3 \"sub/deep.txt\"
ok root-resolve \".\" -> fd 3 \".\"
ok root-resolve \"/\" -> fd 3 \".\"
ok root-resolve \"./\" -> fd 3 \".\"
ok root-resolve-empty \"\" -> noent
ok root-write notes.txt, read back as /notes.txt \"written at the root\\n\"
ok root-create-dir-all ./sub/deeper -> directory
ok root-copy hello.txt -> /sub/copy.txt 20 bytes
ok root-exists notes.txt Ok(true), missing.txt Ok(false)
ok root-escape ../outside.txt resolves to \"../outside.txt\"; writing it fails or stays inside
ok root-listing hello.txt:regular_file:20 notes.txt:regular_file:20 sub:directory
done 0 failed
";

/// Checks the sandbox after `wasi-fs root` ran: its files are inside, nothing outside.
pub(crate) fn assert_root_sandbox_after(root: &Path) {
    let read = |path: &str| {
        std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("reading {path}: {e}"))
    };
    assert_eq!(read("notes.txt"), b"written at the root\n");
    assert_eq!(read("sub/deep.txt"), b"deep\n");
    assert_eq!(read("sub/copy.txt"), HELLO.as_bytes());
    assert!(root.join("sub/deeper").is_dir());
    assert!(
        !root
            .parent()
            .expect("a parent")
            .join("outside.txt")
            .exists(),
        "nothing escaped the preopen"
    );
}
