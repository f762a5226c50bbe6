#[wasm_function("wasi:filesystem/types@0.2.0", "[method]directory-entry-stream.read-directory-entry")]
pub fn read_directory_entry(this: u32) -> Result<Option<DirectoryEntry>, ErrorCode>;
