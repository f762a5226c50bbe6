//! Unit tests of parsing, validation and expansion.

use proc_macro2::TokenStream;
use quote::quote;

fn expand(input: TokenStream) -> syn::Result<String> {
    let tokens = super::expand(input)?;
    // The expansion is a block expression; wrap it in a function to pretty-print it.
    let file: syn::File = syn::parse2(quote!(fn f() { #tokens })).expect("the expansion parses");
    Ok(prettyplease::unparse(&file))
}

fn error(input: TokenStream) -> String {
    match super::expand(input) {
        Ok(tokens) => panic!("expected an error, got {tokens}"),
        Err(error) => error
            .into_iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// The guard is outside the block that holds the brand and the body, and closes after it.
#[test]
fn ambient_scope_expansion() {
    let expanded = expand(quote!(|mem| {
        let a = mem.allocate(8);
        a.len()
    }))
    .unwrap();
    let order = [
        "let scope = ::wasm_function::__private::ScopeGuard::enter();",
        "let value = {",
        "let mut mem = ::wasm_function::__private::ScopeBrand::new();",
        "handle_unchecked(\n                    &scope,\n                    &mut mem,",
        "let mem: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut mem;",
        "let a = mem.allocate(8);",
        "a.len()",
        "};",
        "#[allow(unreachable_code, clippy::diverging_sub_expression)]",
        "let value = ::wasm_function::__private::ScopeGuard::close_with(scope, value);",
    ];
    let mut rest = expanded.as_str();
    for piece in order {
        let at = rest
            .find(piece)
            .unwrap_or_else(|| panic!("`{piece}` missing or out of order in\n{expanded}"));
        rest = &rest[at + piece.len()..];
    }
}

#[test]
fn child_scope_expansion() {
    let expanded = expand(quote!(|child| in mem { child.allocate(1); })).unwrap();
    assert!(
        expanded.contains(
            "let scope = ::wasm_function::__private::ScopeGuard::enter_child(&mut *(mem));"
        ),
        "{expanded}"
    );
    assert!(expanded.contains("child.allocate(1);"), "{expanded}");
}

#[test]
fn wildcard_binder_uses_hidden_names() {
    let expanded = expand(quote!(|_| {})).unwrap();
    assert!(
        expanded.contains("let mut brand = ::wasm_function::__private::ScopeBrand::new();"),
        "{expanded}"
    );
    assert!(
        expanded.contains("&scope,\n                    &mut brand,"),
        "{expanded}"
    );
    assert!(
        expanded
            .contains("let _: &mut ::wasm_function::__private::MemoryAllocator<'_> = &mut handle;"),
        "{expanded}"
    );
}

#[test]
fn labelled_blocks_stay_whole() {
    let expanded = expand(quote!(|mem| 'body: {
        break 'body 1;
    }))
    .unwrap();
    assert!(expanded.contains("'body: {"), "{expanded}");
}

#[test]
fn parent_expressions_may_be_paths_and_fields() {
    let expanded = expand(quote!(|child| in self.mem { })).unwrap();
    let compact: String = expanded.split_whitespace().collect();
    assert!(
        compact.contains("enter_child(&mut*(self.mem)"),
        "{expanded}"
    );
}

#[test]
fn rejections_say_what_to_write() {
    let cases: [(TokenStream, &str); 12] = [
        (quote!(), "expected a binder and a block"),
        (
            quote!({}),
            "missing binder: name the scope's handle before the block",
        ),
        (
            quote!(|| {}),
            "missing binder: name the scope's handle between the pipes",
        ),
        (quote!(|mem|), "missing block"),
        (
            quote!(|mem| in),
            "expected the parent scope's handle after `in`",
        ),
        (quote!(|mem| mem.len()), "the body must be a block"),
        (quote!(|mem| {} extra), "unexpected tokens after the block"),
        (quote!(|mem: u8| {}), "remove the type"),
        (quote!(|mut mem| {}), "remove `mut`"),
        (quote!(|a, b| {}), "a memory scope has one handle"),
        (quote!(|(a, b)| {}), "the binder must be a plain name"),
        (quote!(mem => {}), "expected `|mem|`"),
    ];
    for (input, expected) in cases {
        let message = error(input.clone());
        assert!(message.contains(expected), "{input}: {message}");
        assert!(
            !message.ends_with('.'),
            "house style: no trailing period: {message}"
        );
        assert_eq!(message, message.to_string(), "{input}");
    }
}

#[test]
fn several_problems_are_reported_at_once() {
    let message = error(quote!(|mut a: u8, b| x));
    for expected in [
        "remove the type",
        "remove `mut`",
        "one handle",
        "must be a block",
    ] {
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn an_unclosed_binder_is_an_error() {
    assert!(error(quote!(|mem)).contains("unclosed binder"));
    assert!(error(quote!(|mem {})).contains("unclosed binder"));
}

/// Arbitrary token soup never panics: every input expands or is a spanned error.
#[test]
fn never_panics_on_arbitrary_tokens() {
    let pieces: [TokenStream; 14] = [
        quote!(|),
        quote!(||),
        quote!(mem),
        quote!(_),
        quote!(in),
        quote!({}),
        quote!({
            mem.allocate(1);
        }),
        quote!(,),
        quote!(:),
        quote!(u8),
        quote!(mut),
        quote!(=>),
        quote!('a:),
        quote!((a, b)),
    ];
    // Every sequence of up to four pieces.
    let mut inputs = vec![TokenStream::new()];
    for _ in 0..4 {
        let mut longer = Vec::new();
        for input in &inputs {
            for piece in &pieces {
                let mut next = input.clone();
                next.extend(piece.clone());
                longer.push(next);
            }
        }
        inputs.extend(longer.clone());
        inputs.retain(|input| input.clone().into_iter().count() <= 8);
        inputs.dedup_by_key(|input| input.to_string());
    }
    for input in inputs {
        let _ = super::expand(input);
    }
}

/// Expansion snapshots: each `macros/tests/expand/with-memory-allocator/<case>.rs` holds the
/// macro's input; its expansion, as the body of a function, is compared with
/// `<case>.expanded.rs` beside it (re-bless with `WASM_FUNCTION_BLESS=1`).
#[test]
fn expansion_snapshots() {
    crate::snapshots::check("with-memory-allocator", 3, |source| {
        let input: proc_macro2::TokenStream = source.parse().expect("the case tokenizes");
        let block = super::expand(input).expect("the case expands without error");
        crate::snapshots::pretty(quote::quote!(fn case() { #block }))
    });
}
