/// A `&str` in the middle: the parameters after it are checked against the right spec entries.
#[wasm_function("wasi_snapshot_preview1")]
pub fn path_open(
    fd: Fd,
    dirflags: Lookupflags,
    path: &str,
    oflags: Oflags,
    fs_rights_base: Rights,
    fs_rights_inheriting: Rights,
    fdflags: Fdflags,
) -> Result<Fd, Errno>;
