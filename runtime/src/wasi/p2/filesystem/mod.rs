//! `wasi:filesystem@0.2.0`: descriptors for files and directories ([`types`]) and the
//! directories the host grants ([`preopens`]).
//!
//! ```no_run
//! # #[cfg(feature = "std")] {
//! use wasm_function::wasi::p2::filesystem::{preopens, types};
//!
//! for (dir, name) in preopens::get_directories() {
//!     let stat = types::stat(&dir);
//!     let _ = (name, stat);
//! }
//! # }
//! ```

pub mod preopens;
pub mod types;
