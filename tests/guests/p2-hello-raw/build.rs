//! Encodes the world `hello` of `wit/` as a component type (what the linker reads from a
//! `component-type:*` custom section) into `$OUT_DIR/component-type.bin`, and its length into
//! `$OUT_DIR/component-type-len.rs`.

use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let wit = manifest_dir.join("wit");
    println!("cargo::rerun-if-changed={}", wit.display());

    let mut resolve = wit_parser::Resolve::default();
    let (package, _) = resolve
        .push_path(&wit)
        .unwrap_or_else(|e| panic!("parsing {}: {e:?}", wit.display()));
    let world = resolve
        .select_world(&[package], Some("hello"))
        .expect("wit/ has a world `hello`");
    let bytes =
        wit_component::metadata::encode(&resolve, world, wit_component::StringEncoding::UTF8, None)
            .expect("encoding the world");

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    std::fs::write(out_dir.join("component-type.bin"), &bytes).expect("writing the section");
    std::fs::write(
        out_dir.join("component-type-len.rs"),
        format!("{}\n", bytes.len()),
    )
    .expect("writing the section length");
}
