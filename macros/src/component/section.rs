//! The `component-type` custom section a declaration carries: an encoded WIT world that
//! imports the declaration's interface, which `wasm-component-ld` reads to type the import
//! (what `wit_component::metadata::encode` produces, as wit-bindgen embeds it).

use std::cell::RefCell;
use std::collections::HashMap;

use wit_component::StringEncoding;
use wit_parser::Resolve;

use super::hash::Fnv;

thread_local! {
    /// Encoded worlds by (WIT fingerprint, interface id): every declaration of one interface
    /// carries the same bytes, under its own section name.
    static ENCODED: RefCell<HashMap<(usize, String), Vec<u8>>> = RefCell::new(HashMap::new());
}

/// The section name for one declaration, deterministic: a hash of the interface, the crate
/// and the function's Rust name.
pub(crate) fn section_name(interface: &str, function: &str, rust_name: &str) -> String {
    let mut hash = Fnv::new();
    hash.write(interface.as_bytes());
    hash.write(
        std::env::var("CARGO_CRATE_NAME")
            .unwrap_or_default()
            .as_bytes(),
    );
    hash.write(function.as_bytes());
    hash.write(rust_name.as_bytes());
    format!("component-type:wasm-function:{:016x}", hash.finish())
}

/// The encoded world `import <interface>;`.
pub(crate) fn encode(
    resolve: &Resolve,
    resolve_key: usize,
    interface_name: &str,
) -> Result<Vec<u8>, String> {
    let key = (resolve_key, interface_name.to_owned());
    if let Some(bytes) = ENCODED.with(|cache| cache.borrow().get(&key).cloned()) {
        return Ok(bytes);
    }
    let mut resolve = resolve.clone();
    let mut hash = Fnv::new();
    hash.write(interface_name.as_bytes());
    let world_name = format!("imports-{:016x}", hash.finish());
    // wit-parser elaborates the world: the interfaces it uses types from are imported too.
    let package = resolve
        .push_str(
            "wasm-function-section.wit",
            &format!("package wasm-function:imports;\nworld {world_name} {{\n  import {interface_name};\n}}\n"),
        )
        .map_err(|error| format!("could not make the component-type world: {error:#}"))?;
    let world = resolve.packages[package].worlds[&world_name];
    let bytes = wit_component::metadata::encode(&resolve, world, StringEncoding::UTF8, None)
        .map_err(|error| format!("could not encode the component-type section: {error:#}"))?;
    ENCODED.with(|cache| cache.borrow_mut().insert(key, bytes.clone()));
    Ok(bytes)
}

/// The encoded world `export <interface>;` (for the command export).
pub(crate) fn encode_export(resolve: &Resolve, interface_name: &str) -> Result<Vec<u8>, String> {
    let mut resolve = resolve.clone();
    let package = resolve
        .push_str(
            "wasm-function-run.wit",
            &format!("package wasm-function:run;\nworld run {{\n  export {interface_name};\n}}\n"),
        )
        .map_err(|error| format!("could not make the run world: {error:#}"))?;
    let world = resolve.packages[package].worlds["run"];
    wit_component::metadata::encode(&resolve, world, StringEncoding::UTF8, None)
        .map_err(|error| format!("could not encode the run world: {error:#}"))
}
