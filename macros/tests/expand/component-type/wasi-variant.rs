#[component("wasi:io/streams@0.2.0", "stream-error")]
pub enum StreamError {
    LastOperationFailed(u32),
    Closed,
}
