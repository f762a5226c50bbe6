//! `wasi:filesystem/preopens@0.2.0`: the directories the host grants the program.

#[cfg(feature = "std")]
use crate::wasm_function;

#[cfg(feature = "std")]
use super::types::Descriptor;
#[cfg(feature = "std")]
use std::{string::String, vec::Vec};

/// The preopened directories and the guest path each is known by (`get-directories`),
/// each descriptor owned by the caller.
#[cfg(feature = "std")]
#[wasm_function("wasi:filesystem/preopens@0.2.0", "get-directories")]
pub fn get_directories() -> Vec<(Descriptor, String)>;
