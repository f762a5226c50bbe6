//! Expansion snapshots and robustness tests.
//!
//! Snapshots: each `macros/tests/expand/wasm-function/<case>.rs` holds one function with a
//! `#[wasm_function(...)]` attribute; its expansion, pretty-printed with prettyplease, must
//! equal `<case>.expanded.rs` beside it. After an intended change, re-bless them with
//! `WASM_FUNCTION_BLESS=1 cargo test -p wasm-function-macros` and review the diff.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

fn expand_case(source: &str) -> String {
    let mut func: super::item::ImportFn = syn::parse_str(source).expect("snapshot input parses");
    let position = func
        .attrs
        .iter()
        .position(|attr| attr.path().is_ident("wasm_function"))
        .expect("a #[wasm_function] attribute");
    let attr = func.attrs.remove(position);
    let args = match attr.meta {
        syn::Meta::List(list) => list.tokens,
        _ => TokenStream::new(),
    };
    let super::item::ImportFn {
        attrs,
        vis,
        sig,
        body,
    } = func;
    let body = body.map_or_else(|| quote::quote!(;), |body| body.into_token_stream());
    let item = quote::quote!(#(#attrs)* #vis #sig #body);
    crate::snapshots::pretty(super::expand(args, item))
}

#[test]
fn expansion_snapshots() {
    crate::snapshots::check("wasm-function", 5, expand_case);
}

/// Component Model imports (`wasm32-wasip2`), against `tests/expand/wit` and the built-in WASI.
/// The component-type section's bytes are replaced by their length, to keep snapshots readable.
#[test]
fn component_expansion_snapshots() {
    crate::snapshots::check("wasm-function-p2", 6, |source| {
        let expanded = expand_case(source);
        let mut out = String::new();
        for line in expanded.lines() {
            match line.find("= *b\"") {
                Some(at) => {
                    out.push_str(&line[..at]);
                    out.push_str("= *b\"<the encoded world>\";");
                }
                None => out.push_str(line),
            }
            out.push('\n');
        }
        out
    });
}

/// A tiny deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

const SEEDS: &[(&str, &str)] = &[
    (
        r#""wasi_snapshot_preview1""#,
        "pub fn fd_write(fd: Fd, iovs: &[Ciovec<'_>]) -> Result<usize, Errno>;",
    ),
    (r#""env", "log""#, "pub fn log(level: u32, message: &str);"),
    (
        r#""env""#,
        "pub unsafe fn fill(buffer: *mut u8, len: usize) -> Result<(u32, u64), Errno> { todo!() }",
    ),
    (
        r#""wasi_snapshot_preview1""#,
        "pub fn proc_exit(code: u32) -> !;",
    ),
    (
        r#""m", "n""#,
        "#[doc = \"x\"] pub(crate) fn f<'a>(x: &'a mut [u64], y: f64) -> f32;",
    ),
    (
        r#""wasi_snapshot_preview1""#,
        "pub fn args_sizes_get() -> Result<(usize, usize), Errno>;",
    ),
];

fn pool() -> Vec<TokenTree> {
    let mut pool: Vec<TokenTree> = Vec::new();
    for word in [
        "fn", "pub", "unsafe", "async", "const", "self", "Result", "String", "u128", "impl",
        "extern", "mut", "ref", "dyn", "where", "T", "_", "r#fn",
    ] {
        if let Ok(stream) = word.parse::<TokenStream>() {
            pool.extend(stream);
        }
    }
    for ch in [
        ',', ';', ':', '&', '*', '<', '>', '-', '!', '#', '=', '.', '\'',
    ] {
        pool.push(TokenTree::Punct(Punct::new(ch, Spacing::Alone)));
    }
    pool.push(TokenTree::Literal(Literal::string("")));
    pool.push(TokenTree::Literal(Literal::string(
        "wasi_snapshot_preview1",
    )));
    pool.push(TokenTree::Literal(Literal::u32_suffixed(7)));
    pool.push(TokenTree::Ident(Ident::new("x", Span::call_site())));
    for delimiter in [
        Delimiter::Parenthesis,
        Delimiter::Brace,
        Delimiter::Bracket,
        Delimiter::None,
    ] {
        pool.push(TokenTree::Group(Group::new(delimiter, TokenStream::new())));
    }
    pool
}

fn mutate(rng: &mut Rng, stream: TokenStream, pool: &[TokenTree], depth: usize) -> TokenStream {
    let mut trees: Vec<TokenTree> = stream.into_iter().collect();
    let edits = 1 + rng.below(3);
    for _ in 0..edits {
        let len = trees.len();
        match rng.below(6) {
            0 if len > 0 => {
                trees.remove(rng.below(len));
            }
            1 => trees.insert(rng.below(len + 1), pool[rng.below(pool.len())].clone()),
            2 if len > 0 => {
                let at = rng.below(len);
                trees[at] = pool[rng.below(pool.len())].clone();
            }
            3 if len > 1 => trees.swap(rng.below(len), rng.below(len)),
            4 if len > 0 && depth < 3 => {
                let at = rng.below(len);
                if let TokenTree::Group(group) = &trees[at] {
                    let inner = mutate(rng, group.stream(), pool, depth + 1);
                    trees[at] = TokenTree::Group(Group::new(group.delimiter(), inner));
                }
            }
            _ if len > 0 => {
                let at = rng.below(len);
                let copy = trees[at].clone();
                trees.insert(at, copy);
            }
            _ => {}
        }
    }
    trees.into_iter().collect()
}

#[test]
fn ten_thousand_mutated_inputs_never_panic() {
    let pool = pool();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut expanded_ok = 0;
    for round in 0..12_000 {
        let (args, item) = SEEDS[round % SEEDS.len()];
        let args: TokenStream = args.parse().expect("seed args parse");
        let item: TokenStream = item.parse().expect("seed item parses");
        let (args, item) = match rng.below(3) {
            0 => (mutate(&mut rng, args, &pool, 0), item),
            1 => (args, mutate(&mut rng, item, &pool, 0)),
            _ => (
                mutate(&mut rng, args, &pool, 0),
                mutate(&mut rng, item, &pool, 0),
            ),
        };
        let (args_text, item_text) = (args.to_string(), item.to_string());
        let result = std::panic::catch_unwind(|| super::expand(args, item));
        let output = result.unwrap_or_else(|_| {
            panic!("expansion panicked on #[wasm_function({args_text})] {item_text}")
        });
        if !output.to_string().contains("compile_error") {
            expanded_ok += 1;
        }
        let derive_input = mutate(
            &mut rng,
            "#[repr(transparent)] pub struct Fd(u32);"
                .parse()
                .unwrap_or_default(),
            &pool,
            0,
        );
        let derive_text = derive_input.to_string();
        assert!(
            std::panic::catch_unwind(|| crate::derive_wasm_type::expand(derive_input)).is_ok(),
            "derive panicked on {derive_text}"
        );
    }
    assert!(
        expanded_ok > 100,
        "the mutations should leave some inputs valid, got {expanded_ok}"
    );
}

/// The model of `#[wasm_function(args)] item`, or the errors' messages.
fn model<R>(
    args: &str,
    item: &str,
    read: impl FnOnce(&super::validate::Import<'_>) -> R,
) -> Result<R, String> {
    let func: super::item::ImportFn = syn::parse_str(item).expect("test item parses");
    let mut errors = crate::errors::Errors::new();
    let args = args.parse().expect("test args parse");
    let import = super::args::parse(args, &mut errors)
        .and_then(|args| super::validate::Import::from_syn(&args, &func, &mut errors));
    match (errors.finish(), import) {
        (Ok(()), Some(import)) => Ok(read(&import)),
        (result, _) => Err(result
            .err()
            .into_iter()
            .flatten()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

#[test]
fn the_lowered_signature_says_where_each_core_value_comes_from() {
    use super::lowering::{CoreResult, CoreSource, CoreTy, CoreValType};
    let sources = model(
        r#""env""#,
        "pub fn f(flag: bool, text: &str, custom: Handle) -> Result<(u32, u64), Errno>;",
        |import| {
            let params: Vec<_> = import
                .lowered
                .params
                .iter()
                .map(|p| {
                    let ty = match p.ty {
                        CoreTy::Exact(ty) => Some(ty),
                        CoreTy::Of(_) => None,
                    };
                    (p.source, ty)
                })
                .collect();
            (params, matches!(import.lowered.result, CoreResult::Status))
        },
    );
    let i32 = Some(CoreValType::I32);
    assert_eq!(
        sources,
        Ok((
            vec![
                (CoreSource::Value { param: 0 }, i32),
                (CoreSource::Pointer { param: 1 }, i32),
                (CoreSource::Length { param: 1 }, i32),
                (CoreSource::Value { param: 2 }, None),
                (CoreSource::OutPointer { ok: 0 }, i32),
                (CoreSource::OutPointer { ok: 1 }, i32),
            ],
            true
        ))
    );
}

#[test]
fn preview1_pins_each_core_type_to_the_spec() {
    use super::lowering::{CoreTy, CoreValType};
    let types = model(
        r#""wasi_snapshot_preview1""#,
        "pub fn fd_seek(fd: Fd, offset: Filedelta, whence: Whence) -> Result<Filesize, Errno>;",
        |import| {
            import
                .lowered
                .params
                .iter()
                .map(|p| match p.ty {
                    CoreTy::Exact(ty) => Some(ty),
                    CoreTy::Of(_) => None,
                })
                .collect::<Vec<_>>()
        },
    );
    let (i32, i64) = (Some(CoreValType::I32), Some(CoreValType::I64));
    assert_eq!(types, Ok(vec![i32, i64, i32, i32]));
}

#[test]
fn only_an_identifier_name_is_unrawed() {
    let name = |args: &str, item: &str| model(args, item, |import| import.name.clone());
    assert_eq!(name(r#""env", "r#x""#, "fn f();"), Ok(String::from("r#x")));
    assert_eq!(name(r#""env""#, "fn r#type();"), Ok(String::from("type")));
    assert_eq!(
        name(r#""env", "r#x""#, "fn r#y();"),
        Ok(String::from("r#x"))
    );
}

#[test]
fn one_run_reports_every_check() {
    let errors = model(
        r#""wasi_snapshot_preview1", "fd_wirte""#,
        "const fn f<T>(self, (a, b): (u32, u32), s: String) -> u128;",
        |_| (),
    )
    .expect_err("every check fails");
    for part in [
        "const fn",
        "generic",
        "self",
        "parameter name",
        "`String`",
        "128-bit",
    ] {
        assert!(errors.contains(part), "missing `{part}` in: {errors}");
    }
}
