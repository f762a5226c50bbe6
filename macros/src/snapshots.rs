//! The expansion-snapshot runner the macros' tests share: each `<case>.rs` in a folder of
//! `macros/tests/expand/` is expanded, pretty-printed with prettyplease, and compared with
//! `<case>.expanded.rs` beside it. After an intended change, re-bless every snapshot with
//! `WASM_FUNCTION_BLESS=1 cargo test -p wasm-function-macros` and review the diff.

use std::path::Path;

/// Checks (or, with `WASM_FUNCTION_BLESS` set, rewrites) the snapshots of the cases in
/// `tests/expand/<folder>`, expanding each case's source with `expand`; fails unless there are
/// at least `min_cases`.
pub(crate) fn check(folder: &str, min_cases: usize, expand: impl Fn(&str) -> String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/expand")
        .join(folder);
    let bless = std::env::var_os("WASM_FUNCTION_BLESS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| {
            path.to_str()
                .is_some_and(|p| p.ends_with(".rs") && !p.ends_with(".expanded.rs"))
        })
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    for path in &cases {
        let source = std::fs::read_to_string(path).expect("readable case");
        let actual = expand(&source);
        let snapshot = path.with_extension("expanded.rs");
        if bless {
            std::fs::write(&snapshot, &actual).expect("writable snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{}: expansion differs from its snapshot\n--- actual ---\n{actual}",
                path.display()
            ));
        }
    }
    assert!(
        cases.len() >= min_cases,
        "expected at least {min_cases} snapshot cases in {}, found {}",
        dir.display(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{}\nre-bless with WASM_FUNCTION_BLESS=1",
        failures.join("\n")
    );
}

/// Pretty-prints an expansion, which must parse as a file of items.
pub(crate) fn pretty(tokens: proc_macro2::TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens).expect("the expansion parses as items");
    prettyplease::unparse(&file)
}
