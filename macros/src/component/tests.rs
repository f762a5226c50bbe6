//! Tests of the Component Model side: the built-in WIT kept in step with `wasmtime-wasi`'s,
//! resolution, and the Canonical ABI layout.

use std::path::PathBuf;

use wit_parser::Resolve;

use super::wit_source;

/// The `src/p2/wit` directory of the `wasmtime-wasi` the workspace depends on (the tests crate
/// does), found through `cargo metadata`, so it works on a fresh clone.
fn wasmtime_wasi_wit() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest)
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let package = metadata["packages"]
        .as_array()
        .expect("a package list")
        .iter()
        .find(|package| package["name"] == "wasmtime-wasi")
        .expect("the workspace depends on wasmtime-wasi");
    let manifest = PathBuf::from(package["manifest_path"].as_str().expect("a manifest path"));
    manifest
        .parent()
        .expect("a crate directory")
        .join("src/p2/wit")
}

/// The WASI packages of `wasmtime-wasi`'s WIT printed as names and types only: `wasi:cli`
/// first, the others nested, in a fixed order.
fn print_wasi(resolve: &Resolve) -> String {
    let find = |name: &str| {
        resolve
            .packages
            .iter()
            .find(|(_, pkg)| pkg.name.namespace == "wasi" && pkg.name.name == name)
            .map(|(id, _)| id)
            .unwrap_or_else(|| panic!("wasmtime-wasi's WIT has wasi:{name}"))
    };
    let nested: Vec<_> = ["io", "clocks", "random", "filesystem", "sockets"]
        .into_iter()
        .map(find)
        .collect();
    let mut printer = wit_component::WitPrinter::default();
    printer.emit_docs(false);
    printer
        .print(resolve, find("cli"), &nested)
        .expect("the WIT prints");
    format!(
        "// WASI 0.2 names and types, printed without documentation from the WIT that\n\
         // wasmtime-wasi ships (src/p2/wit/deps). Regenerate with\n\
         // `WASM_FUNCTION_BLESS=1 cargo test -p wasm-function-macros kept_in_step`.\n{}",
        printer.output
    )
}

/// The built-in copy equals a fresh print of `wasmtime-wasi`'s WIT; `WASM_FUNCTION_BLESS=1`
/// rewrites it.
#[test]
fn kept_in_step() {
    let mut resolve = Resolve::default();
    resolve
        .push_dir(wasmtime_wasi_wit())
        .expect("wasmtime-wasi's WIT parses");
    let printed = print_wasi(&resolve);
    let ours = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("builtin-wit/wasi-0.2.wit");
    if std::env::var_os("WASM_FUNCTION_BLESS").is_some() {
        std::fs::write(&ours, &printed).expect("writable builtin-wit/wasi-0.2.wit");
        return;
    }
    assert!(
        wit_source::WASI_WIT == printed,
        "macros/builtin-wit/wasi-0.2.wit differs from wasmtime-wasi's WIT; regenerate it with WASM_FUNCTION_BLESS=1"
    );
}

#[test]
fn builtin_parses_with_every_interface() {
    let mut resolve = Resolve::default();
    resolve
        .push_str(wit_source::WASI_WIT_NAME, wit_source::WASI_WIT)
        .expect("the built-in WIT parses");
    for (package, interface) in [
        ("cli", "stdout"),
        ("io", "streams"),
        ("clocks", "monotonic-clock"),
        ("random", "random"),
        ("filesystem", "types"),
        ("sockets", "tcp"),
    ] {
        let found = resolve.packages.iter().any(|(_, pkg)| {
            pkg.name.namespace == "wasi"
                && pkg.name.name == package
                && pkg.interfaces.contains_key(interface)
        });
        assert!(found, "wasi:{package}/{interface} is built in");
    }
    assert!(
        !wit_source::WASI_WIT.contains("///"),
        "the built-in WIT carries no documentation"
    );
}

mod canonical_abi {
    use super::super::canonical::{self, Flat, Wit};

    fn variant(cases: Vec<Option<Wit>>) -> Wit {
        Wit::Variant {
            name: "v".into(),
            cases: cases
                .into_iter()
                .enumerate()
                .map(|(i, t)| (format!("c{i}"), t))
                .collect(),
        }
    }

    #[test]
    fn flattening_joins_each_position_as_the_spec_says() {
        use Flat::{F32, F64, I32, I64};
        // i32 with f32 → i32; any other mismatch → i64; the discriminant first.
        assert_eq!(
            canonical::flat(&variant(vec![Some(Wit::F32), Some(Wit::U32)])),
            [I32, I32]
        );
        assert_eq!(
            canonical::flat(&variant(vec![Some(Wit::F32), Some(Wit::U64)])),
            [I32, I64]
        );
        assert_eq!(
            canonical::flat(&variant(vec![Some(Wit::F64), Some(Wit::S32)])),
            [I32, I64]
        );
        assert_eq!(
            canonical::flat(&variant(vec![Some(Wit::F32), Some(Wit::F32)])),
            [I32, F32]
        );
        assert_eq!(
            canonical::flat(&variant(vec![Some(Wit::F64), None])),
            [I32, F64]
        );
        // The harness's `number`: float(f64), int(s32), text(string), nothing.
        let number = variant(vec![
            Some(Wit::F64),
            Some(Wit::S32),
            Some(Wit::String),
            None,
        ]);
        assert_eq!(canonical::flat(&number), [I32, I64, I32]);
        assert_eq!(
            canonical::flat(&Wit::Option(Box::new(Wit::String))),
            [I32, I32, I32]
        );
        assert_eq!(canonical::flat(&Wit::Result(None, None)), [I32]);
        let record = Wit::Record {
            name: "r".into(),
            fields: vec![
                ("a".into(), Wit::U8),
                ("b".into(), Wit::U64),
                ("c".into(), Wit::F32),
            ],
        };
        assert_eq!(canonical::flat(&record), [I32, I64, F32]);
        assert_eq!(
            canonical::flat(&Wit::Flags {
                name: "f".into(),
                count: 33
            }),
            [I32, I32]
        );
    }

    #[test]
    fn sizes_and_alignments_follow_canonical_abi_md() {
        let cases: Vec<(Wit, u32, u32)> = vec![
            (Wit::Bool, 1, 1),
            (Wit::U16, 2, 2),
            (Wit::Char, 4, 4),
            (Wit::F64, 8, 8),
            (Wit::String, 8, 4),
            (Wit::List(Box::new(Wit::U64)), 8, 4),
            (Wit::Tuple(vec![Wit::U8, Wit::U32]), 8, 4),
            (Wit::Tuple(vec![Wit::U8, Wit::U16, Wit::U8]), 6, 2),
            (Wit::Option(Box::new(Wit::U64)), 16, 8),
            (Wit::Option(Box::new(Wit::U8)), 2, 1),
            (Wit::Result(None, None), 1, 1),
            (
                Wit::Result(Some(Box::new(Wit::U32)), Some(Box::new(Wit::String))),
                12,
                4,
            ),
            (
                Wit::Enum {
                    name: "e".into(),
                    cases: (0..256).map(|i| i.to_string()).collect(),
                },
                1,
                1,
            ),
            (
                Wit::Enum {
                    name: "e".into(),
                    cases: (0..257).map(|i| i.to_string()).collect(),
                },
                2,
                2,
            ),
            (
                Wit::Flags {
                    name: "f".into(),
                    count: 8,
                },
                1,
                1,
            ),
            (
                Wit::Flags {
                    name: "f".into(),
                    count: 9,
                },
                2,
                2,
            ),
            (
                Wit::Flags {
                    name: "f".into(),
                    count: 32,
                },
                4,
                4,
            ),
            (
                Wit::Flags {
                    name: "f".into(),
                    count: 33,
                },
                8,
                4,
            ),
        ];
        for (ty, size, align) in cases {
            assert_eq!(
                (canonical::size(&ty), canonical::alignment(&ty)),
                (size, align),
                "{ty:?}"
            );
        }
        let cases = vec![Some(&Wit::U8), Some(&Wit::U64)];
        assert_eq!(canonical::payload_offset(&cases), 8);
        assert_eq!(
            canonical::field_offsets(&[&Wit::U8, &Wit::U64, &Wit::U16]),
            [0, 8, 16]
        );
    }

    /// Our layout equals wit-parser's `SizeAlign` for every parameter and result type of every
    /// function in the built-in WASI and in the harness WIT.
    #[test]
    fn layout_agrees_with_wit_parser_on_all_of_wasi_and_the_harness() {
        let mut resolve = wit_parser::Resolve::default();
        resolve
            .push_str("wasi.wit", super::super::wit_source::WASI_WIT)
            .expect("the built-in WIT parses");
        resolve
            .push_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/expand/wit"))
            .expect("the harness WIT parses");
        let mut sizes = wit_parser::SizeAlign::default();
        sizes.fill(&resolve);
        let mut checked = 0;
        for (_, iface) in &resolve.interfaces {
            for function in iface.functions.values() {
                let types = function
                    .params
                    .iter()
                    .map(|p| &p.ty)
                    .chain(&function.result);
                for ty in types {
                    let wit = Wit::from_wit(&resolve, ty);
                    if matches!(wit, Wit::Unsupported(_)) {
                        continue;
                    }
                    let size = u32::try_from(sizes.size(ty).size_wasm32()).unwrap();
                    let align = u32::try_from(sizes.align(ty).align_wasm32()).unwrap();
                    assert_eq!(
                        (canonical::size(&wit), canonical::alignment(&wit)),
                        (size, align),
                        "{}: {}",
                        function.name,
                        wit.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 300, "checked {checked} types");
    }
}

mod resolution {
    use semver::Version;

    use super::super::resolve::{self, InterfaceName};
    use super::super::wit_source;

    #[test]
    fn versions_match_by_semver_track() {
        let v = |s: &str| Version::parse(s).unwrap();
        assert!(resolve::same_track(&v("0.2.0"), &v("0.2.12")));
        assert!(resolve::same_track(&v("0.2.12"), &v("0.2.0")));
        assert!(!resolve::same_track(&v("0.3.0"), &v("0.2.12")));
        assert!(resolve::same_track(&v("1.4.0"), &v("1.0.2")));
        assert!(!resolve::same_track(&v("2.0.0"), &v("1.0.2")));
        assert!(!resolve::same_track(&v("0.0.1"), &v("0.0.2")));
        assert!(!resolve::same_track(&v("0.2.0-rc"), &v("0.2.0")));
    }

    #[test]
    fn interface_names_are_told_apart_from_core_modules() {
        for core in ["wasi_snapshot_preview1", "env", "a/b", "my-module"] {
            assert!(!resolve::is_interface_name(core), "{core}");
        }
        assert!(resolve::is_interface_name("wasi:cli/stdout@0.2.0"));
        assert!(resolve::is_interface_name("test:harness/calls"));
        let name = InterfaceName::parse("wasi:io/streams@0.2.3").unwrap();
        assert_eq!(
            (
                name.namespace.as_str(),
                name.package.as_str(),
                name.interface.as_str()
            ),
            ("wasi", "io", "streams")
        );
        assert_eq!(name.version, Some(Version::new(0, 2, 3)));
        assert!(InterfaceName::parse("wasi:/streams").is_err());
        assert!(InterfaceName::parse("wasi:io/Streams").is_err());
        assert!(InterfaceName::parse("wasi:io/streams@x").is_err());
    }

    #[test]
    fn functions_and_resource_forms_are_found_or_suggested() {
        let source = wit_source::builtin();
        let streams = InterfaceName::parse("wasi:io/streams@0.2.0").unwrap();
        for found in [
            "[method]output-stream.blocking-write-and-flush",
            "[resource-drop]output-stream",
            "[method]input-stream.read",
        ] {
            let hit =
                resolve::lookup(&source.resolve, &streams, found).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(hit.function.name, found);
        }
        let miss = resolve::lookup(&source.resolve, &streams, "[resource-drop]output-steam")
            .err()
            .unwrap();
        assert!(
            miss.contains("did you mean `[resource-drop]output-stream`"),
            "{miss}"
        );
        let random = InterfaceName::parse("wasi:random/random@0.2.0").unwrap();
        let miss = resolve::lookup(&source.resolve, &random, "get-random-u46")
            .err()
            .unwrap();
        assert!(miss.contains("`get-random-u64`"), "{miss}");
        let off = InterfaceName::parse("wasi:random/random@0.3.0").unwrap();
        let miss = resolve::lookup(&source.resolve, &off, "get-random-u64")
            .err()
            .unwrap();
        assert!(miss.contains("@0.2.12"), "{miss}");
    }
}

/// `wasi_cli_run!` expansions; the section bytes replaced by a placeholder.
#[test]
fn run_export_snapshots() {
    crate::snapshots::check("wasi-cli-run", 1, |source| {
        let input: proc_macro2::TokenStream = source.parse().expect("the case tokenizes");
        let expanded = crate::snapshots::pretty(super::run_export(input));
        expanded
            .lines()
            .map(|line| match line.find("= *b\"") {
                Some(at) => format!("{}= *b\"<the encoded world>\";\n", &line[..at]),
                None => format!("{line}\n"),
            })
            .collect()
    });
}
