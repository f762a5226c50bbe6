//! `random_get` over `wasi:random/random@0.2.0`.

use crate::memory;
use crate::wasi::Errno;
use crate::wasi::p2::random;

/// The most bytes asked of the host at once: each chunk is fetched into a scope of its own,
/// so a huge `buf` never needs a huge scope (and stays far below wasmtime's per-call limit).
const CHUNK: usize = 4096;

/// `random_get`: fills `buf` with secure random bytes, in chunks of at most 4096. An empty
/// `buf` makes no call.
pub fn random_get(buf: &mut [u8]) -> Result<(), Errno> {
    for chunk in buf.chunks_mut(CHUNK) {
        memory::scope(|memory| {
            let bytes = random::get_random_bytes_in(memory, chunk.len() as u64);
            if bytes.len() == chunk.len() {
                chunk.copy_from_slice(bytes);
                Ok(())
            } else {
                // A host that returns a different length: not random bytes we may hand out.
                Err(Errno::IO)
            }
        })?;
    }
    Ok(())
}
