//! `wasi:io@0.2.0`: errors, pollables and byte streams.

use crate::wasm_resource;

/// `wasi:io/error.error`: an error a stream reports, with a debug string from the host.
#[wasm_resource("wasi:io/error@0.2.0", "error")]
pub struct Error;

/// `wasi:io/poll.pollable`: something that becomes ready; block on it or poll a set.
#[wasm_resource("wasi:io/poll@0.2.0", "pollable")]
pub struct Pollable;

/// `wasi:io/streams.input-stream`: a stream of bytes to read.
#[wasm_resource("wasi:io/streams@0.2.0", "input-stream")]
pub struct InputStream;

/// `wasi:io/streams.output-stream`: a stream of bytes to write.
#[wasm_resource("wasi:io/streams@0.2.0", "output-stream")]
pub struct OutputStream;
