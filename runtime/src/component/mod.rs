//! Runtime support for Component Model imports (`#[wasm_function("ns:pkg/iface@v", "f")]` on
//! `wasm32-wasip2`): the helpers the generated lowering calls ([`glue`]), and `cabi_realloc`,
//! which the host calls to place results in guest memory ([`realloc`]).

pub mod glue;
pub(crate) mod realloc;
