//! The attribute on `wasm32-wasip2`: when the module names a WIT interface
//! (`"wasi:cli/stdout@0.2.0"`), the import is looked up in WIT ([`wit_source`], [`resolve`]),
//! the Rust signature is checked against the WIT function ([`check`]), lowered through the
//! Canonical ABI ([`canonical`]) and expanded ([`expand`]) with the component-type section
//! the linker needs ([`section`]).

mod hash;
#[cfg(test)]
mod tests;
mod wit_source;
