//! `wasi:filesystem/types@0.2.0`: the [`Descriptor`] resource and its methods, directory
//! streams, and the records, flags and enums they use.
//!
//! Each method of `descriptor` is a free function taking the descriptor first (`&Descriptor`,
//! WIT's `borrow<descriptor>`), named as in WIT (`[method]descriptor.open-at` is
//! [`open_at`]). Results holding strings or lists come in two forms: `String`/`Vec` with the
//! runtime's `std` feature, and a scoped form (`memory: &MemoryAllocator<'s>` first, the
//! result borrowed from that scope) that needs no global allocator.

use crate::ComponentType;
use crate::wasm_function;
use crate::wasm_resource;
#[cfg(feature = "std")]
use alloc_types::*;

use crate::memory::MemoryAllocator;
pub use crate::wasi::p2::clocks::Datetime;
use crate::wasi::p2::io::{Error, InputStream, OutputStream};

#[cfg(feature = "std")]
mod alloc_types {
    pub(super) use std::string::String;
    pub(super) use std::vec::Vec;
}

/// `descriptor-type`: what a descriptor refers to.
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "descriptor-type")]
pub enum DescriptorType {
    /// A type the host does not say.
    Unknown,
    /// A block device.
    BlockDevice,
    /// A character device.
    CharacterDevice,
    /// A directory.
    Directory,
    /// A named pipe.
    Fifo,
    /// A symbolic link.
    SymbolicLink,
    /// A regular file.
    RegularFile,
    /// A socket.
    Socket,
}

/// `descriptor-flags`: how a descriptor was opened (`READ`, `WRITE`, `FILE_INTEGRITY_SYNC`,
/// `DATA_INTEGRITY_SYNC`, `REQUESTED_WRITE_SYNC`, `MUTATE_DIRECTORY`).
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "descriptor-flags")]
pub struct DescriptorFlags(u8);

/// `path-flags`: how a path is resolved (`SYMLINK_FOLLOW`).
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "path-flags")]
pub struct PathFlags(u8);

/// `open-flags`: what [`open_at`] does when opening (`CREATE`, `DIRECTORY`, `EXCLUSIVE`,
/// `TRUNCATE`).
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "open-flags")]
pub struct OpenFlags(u8);

/// `descriptor-stat`: the attributes of a file or directory.
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "descriptor-stat")]
pub struct DescriptorStat {
    /// What the descriptor refers to.
    pub r#type: DescriptorType,
    /// The number of hard links.
    pub link_count: u64,
    /// The size in bytes (of a symbolic link: its target's length).
    pub size: u64,
    /// Last access, if the host reports it.
    pub data_access_timestamp: Option<Datetime>,
    /// Last modification of the data, if the host reports it.
    pub data_modification_timestamp: Option<Datetime>,
    /// Last status change, if the host reports it.
    pub status_change_timestamp: Option<Datetime>,
}

/// `new-timestamp`: what [`set_times`] and [`set_times_at`] set a timestamp to.
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "new-timestamp")]
pub enum NewTimestamp {
    /// Leave it unchanged.
    NoChange,
    /// The host's current time.
    Now,
    /// This time.
    Timestamp(Datetime),
}

/// `directory-entry`: a name in a directory and what it is, its name owned.
#[cfg(feature = "std")]
#[derive(ComponentType, Clone, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "directory-entry")]
pub struct DirectoryEntry {
    /// What the entry is.
    pub r#type: DescriptorType,
    /// The entry's name (never `.` or `..`).
    pub name: String,
}

/// `directory-entry` with its name borrowed from a scope: what
/// [`read_directory_entry_in`] returns.
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "directory-entry")]
pub struct DirectoryEntryIn<'s> {
    /// What the entry is.
    pub r#type: DescriptorType,
    /// The entry's name (never `.` or `..`), in the caller's scope.
    pub name: &'s str,
}

/// `error-code`: why a filesystem call failed (POSIX's errno names in WIT's words).
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "error-code")]
pub enum ErrorCode {
    /// Permission denied (`EACCES`).
    Access,
    /// The operation would block (`EAGAIN`).
    WouldBlock,
    /// Already in progress (`EALREADY`).
    Already,
    /// Bad descriptor (`EBADF`).
    BadDescriptor,
    /// Device or resource busy (`EBUSY`).
    Busy,
    /// Deadlock would occur (`EDEADLK`).
    Deadlock,
    /// Storage quota exceeded (`EDQUOT`).
    Quota,
    /// The file exists (`EEXIST`).
    Exist,
    /// File too large (`EFBIG`).
    FileTooLarge,
    /// Illegal byte sequence (`EILSEQ`).
    IllegalByteSequence,
    /// Operation in progress (`EINPROGRESS`).
    InProgress,
    /// Interrupted (`EINTR`).
    Interrupted,
    /// Invalid argument (`EINVAL`).
    Invalid,
    /// Input/output error (`EIO`).
    Io,
    /// Is a directory (`EISDIR`).
    IsDirectory,
    /// Too many levels of symbolic links (`ELOOP`).
    Loop,
    /// Too many links (`EMLINK`).
    TooManyLinks,
    /// Message too large (`EMSGSIZE`).
    MessageSize,
    /// Filename too long (`ENAMETOOLONG`).
    NameTooLong,
    /// No such device (`ENODEV`).
    NoDevice,
    /// No such file or directory (`ENOENT`).
    NoEntry,
    /// No locks available (`ENOLCK`).
    NoLock,
    /// Not enough memory (`ENOMEM`).
    InsufficientMemory,
    /// No space left on device (`ENOSPC`).
    InsufficientSpace,
    /// Not a directory (`ENOTDIR`).
    NotDirectory,
    /// Directory not empty (`ENOTEMPTY`).
    NotEmpty,
    /// State not recoverable (`ENOTRECOVERABLE`).
    NotRecoverable,
    /// Not supported (`ENOTSUP`).
    Unsupported,
    /// Inappropriate I/O control operation (`ENOTTY`).
    NoTty,
    /// No such device or address (`ENXIO`).
    NoSuchDevice,
    /// Value too large (`EOVERFLOW`).
    Overflow,
    /// Operation not permitted (`EPERM`).
    NotPermitted,
    /// Broken pipe (`EPIPE`).
    Pipe,
    /// Read-only file system (`EROFS`).
    ReadOnly,
    /// Invalid seek (`ESPIPE`).
    InvalidSeek,
    /// Text file busy (`ETXTBSY`).
    TextFileBusy,
    /// Cross-device link (`EXDEV`).
    CrossDevice,
}

/// `advice`: how a byte range will be accessed, for [`advise`].
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "advice")]
pub enum Advice {
    /// No particular pattern.
    Normal,
    /// Read in order.
    Sequential,
    /// Read in no order.
    Random,
    /// Needed soon.
    WillNeed,
    /// Not needed soon.
    DontNeed,
    /// Read once.
    NoReuse,
}

/// `metadata-hash-value`: a 128-bit hash identifying a file's metadata.
#[derive(ComponentType, Clone, Copy, Debug, PartialEq, Eq)]
#[component("wasi:filesystem/types@0.2.0", "metadata-hash-value")]
pub struct MetadataHashValue {
    /// The low 64 bits.
    pub lower: u64,
    /// The high 64 bits.
    pub upper: u64,
}

/// `descriptor`: an open file or directory, closed when dropped.
#[wasm_resource("wasi:filesystem/types@0.2.0", "descriptor")]
pub struct Descriptor;

/// `directory-entry-stream`: the entries of a directory, read one at a time with
/// [`read_directory_entry`]; closed when dropped.
#[wasm_resource("wasi:filesystem/types@0.2.0", "directory-entry-stream")]
pub struct DirectoryEntryStream;

/// A stream reading the file from `offset` (`read-via-stream`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.read-via-stream")]
pub fn read_via_stream(this: &Descriptor, offset: u64) -> Result<InputStream, ErrorCode>;

/// A stream writing the file from `offset` (`write-via-stream`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.write-via-stream")]
pub fn write_via_stream(this: &Descriptor, offset: u64) -> Result<OutputStream, ErrorCode>;

/// A stream appending to the file (`append-via-stream`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.append-via-stream")]
pub fn append_via_stream(this: &Descriptor) -> Result<OutputStream, ErrorCode>;

/// Announces how `length` bytes from `offset` will be accessed (`advise`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.advise")]
pub fn advise(this: &Descriptor, offset: u64, length: u64, advice: Advice)
-> Result<(), ErrorCode>;

/// Flushes the file's data to storage (`sync-data`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.sync-data")]
pub fn sync_data(this: &Descriptor) -> Result<(), ErrorCode>;

/// The flags the descriptor was opened with (`get-flags`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.get-flags")]
pub fn get_flags(this: &Descriptor) -> Result<DescriptorFlags, ErrorCode>;

/// What the descriptor refers to (`get-type`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.get-type")]
pub fn get_type(this: &Descriptor) -> Result<DescriptorType, ErrorCode>;

/// Truncates or extends the file to `size` bytes (`set-size`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.set-size")]
pub fn set_size(this: &Descriptor, size: u64) -> Result<(), ErrorCode>;

/// Sets the access and modification times (`set-times`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.set-times")]
#[allow(
    clippy::too_many_arguments,
    reason = "the lowered form on other targets"
)]
pub fn set_times(
    this: &Descriptor,
    data_access_timestamp: NewTimestamp,
    data_modification_timestamp: NewTimestamp,
) -> Result<(), ErrorCode>;

/// Reads up to `length` bytes at `offset` (`read`); the `bool` is true at end of file.
#[cfg(feature = "std")]
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.read")]
pub fn read(this: &Descriptor, length: u64, offset: u64) -> Result<(Vec<u8>, bool), ErrorCode>;

/// `read` with the bytes placed in the caller's scope.
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.read")]
pub fn read_in<'s>(
    memory: &MemoryAllocator<'s>,
    this: &Descriptor,
    length: u64,
    offset: u64,
) -> Result<(&'s [u8], bool), ErrorCode>;

/// Writes `buffer` at `offset` (`write`); returns the bytes written.
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.write")]
pub fn write(this: &Descriptor, buffer: &[u8], offset: u64) -> Result<u64, ErrorCode>;

/// A stream of the directory's entries (`read-directory`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.read-directory")]
pub fn read_directory(this: &Descriptor) -> Result<DirectoryEntryStream, ErrorCode>;

/// Flushes the file's data and metadata to storage (`sync`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.sync")]
pub fn sync(this: &Descriptor) -> Result<(), ErrorCode>;

/// Creates a directory at `path` (`create-directory-at`).
#[wasm_function(
    "wasi:filesystem/types@0.2.0",
    "[method]descriptor.create-directory-at"
)]
pub fn create_directory_at(this: &Descriptor, path: &str) -> Result<(), ErrorCode>;

/// The attributes of the descriptor's file (`stat`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.stat")]
pub fn stat(this: &Descriptor) -> Result<DescriptorStat, ErrorCode>;

/// The attributes of the file at `path` (`stat-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.stat-at")]
pub fn stat_at(
    this: &Descriptor,
    path_flags: PathFlags,
    path: &str,
) -> Result<DescriptorStat, ErrorCode>;

/// Sets the times of the file at `path` (`set-times-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.set-times-at")]
#[allow(
    clippy::too_many_arguments,
    reason = "the lowered form on other targets"
)]
pub fn set_times_at(
    this: &Descriptor,
    path_flags: PathFlags,
    path: &str,
    data_access_timestamp: NewTimestamp,
    data_modification_timestamp: NewTimestamp,
) -> Result<(), ErrorCode>;

/// Creates a hard link `new_path` in `new_descriptor` to `old_path` (`link-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.link-at")]
#[allow(
    clippy::too_many_arguments,
    reason = "the lowered form on other targets"
)]
pub fn link_at(
    this: &Descriptor,
    old_path_flags: PathFlags,
    old_path: &str,
    new_descriptor: &Descriptor,
    new_path: &str,
) -> Result<(), ErrorCode>;

/// Opens the file or directory at `path` (`open-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.open-at")]
pub fn open_at(
    this: &Descriptor,
    path_flags: PathFlags,
    path: &str,
    open_flags: OpenFlags,
    flags: DescriptorFlags,
) -> Result<Descriptor, ErrorCode>;

/// The target of the symbolic link at `path` (`readlink-at`).
#[cfg(feature = "std")]
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.readlink-at")]
pub fn readlink_at(this: &Descriptor, path: &str) -> Result<String, ErrorCode>;

/// `readlink_at` with the target placed in the caller's scope.
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.readlink-at")]
pub fn readlink_at_in<'s>(
    memory: &MemoryAllocator<'s>,
    this: &Descriptor,
    path: &str,
) -> Result<&'s str, ErrorCode>;

/// Removes the empty directory at `path` (`remove-directory-at`).
#[wasm_function(
    "wasi:filesystem/types@0.2.0",
    "[method]descriptor.remove-directory-at"
)]
pub fn remove_directory_at(this: &Descriptor, path: &str) -> Result<(), ErrorCode>;

/// Renames `old_path` to `new_path` in `new_descriptor` (`rename-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.rename-at")]
pub fn rename_at(
    this: &Descriptor,
    old_path: &str,
    new_descriptor: &Descriptor,
    new_path: &str,
) -> Result<(), ErrorCode>;

/// Creates a symbolic link `new_path` whose target is `old_path` (`symlink-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.symlink-at")]
pub fn symlink_at(this: &Descriptor, old_path: &str, new_path: &str) -> Result<(), ErrorCode>;

/// Removes the file (not directory) at `path` (`unlink-file-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.unlink-file-at")]
pub fn unlink_file_at(this: &Descriptor, path: &str) -> Result<(), ErrorCode>;

/// Whether two descriptors refer to the same file or directory (`is-same-object`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.is-same-object")]
pub fn is_same_object(this: &Descriptor, other: &Descriptor) -> bool;

/// A hash of the descriptor's metadata, the same for the same file (`metadata-hash`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.metadata-hash")]
pub fn metadata_hash(this: &Descriptor) -> Result<MetadataHashValue, ErrorCode>;

/// A hash of the metadata of the file at `path` (`metadata-hash-at`).
#[wasm_function("wasi:filesystem/types@0.2.0", "[method]descriptor.metadata-hash-at")]
pub fn metadata_hash_at(
    this: &Descriptor,
    path_flags: PathFlags,
    path: &str,
) -> Result<MetadataHashValue, ErrorCode>;

/// The next entry, `None` after the last (`read-directory-entry`).
#[cfg(feature = "std")]
#[wasm_function(
    "wasi:filesystem/types@0.2.0",
    "[method]directory-entry-stream.read-directory-entry"
)]
pub fn read_directory_entry(
    this: &DirectoryEntryStream,
) -> Result<Option<DirectoryEntry>, ErrorCode>;

/// `read_directory_entry` with the name placed in the caller's scope.
#[wasm_function(
    "wasi:filesystem/types@0.2.0",
    "[method]directory-entry-stream.read-directory-entry"
)]
pub fn read_directory_entry_in<'s>(
    memory: &MemoryAllocator<'s>,
    this: &DirectoryEntryStream,
) -> Result<Option<DirectoryEntryIn<'s>>, ErrorCode>;

/// The filesystem error behind a stream's `error`, if it is one (`filesystem-error-code`).
#[wasm_function("wasi:filesystem/types@0.2.0", "filesystem-error-code")]
pub fn filesystem_error_code(err: &Error) -> Option<ErrorCode>;
