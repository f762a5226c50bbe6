//! `wasi:filesystem/preopens@0.2.0`: the directories the host grants the program.

use crate::memory::MemoryAllocator;
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

/// The preopened directories and their guest paths, placed in the caller's scope, with each
/// descriptor as its raw `u32` handle (memory in a scope runs no `Drop`). The caller owns
/// every handle and must drop each with `[resource-drop]descriptor`.
#[wasm_function("wasi:filesystem/preopens@0.2.0", "get-directories")]
pub fn get_directories_in<'s>(memory: &MemoryAllocator<'s>) -> &'s [(u32, &'s str)];
