//! Classifies each Rust type in a signature by its shape (a value, a raw pointer, `&str`, a
//! slice; a `Result`, `!`), and rejects the types that no ABI lowers with advice on what to
//! write instead. What each shape lowers to is [`lowering`](super::lowering)'s business.

use syn::{GenericArgument, PathArguments, Type, TypePath, TypeReference};

/// The shape of one parameter's type: what decides how it lowers.
pub(crate) enum ParamShape<'a> {
    /// A value lowered through `WasmType` (scalars, newtypes, user types).
    Value,
    /// A raw pointer, lowered through `WasmType` to its address; only on `unsafe fn`.
    Pointer,
    /// `&str`: pointer and length in bytes.
    Str,
    /// `&[T]` or `&mut [T]`: pointer and length in elements.
    Slice { elem: &'a Type, mutable: bool },
    /// `&MemorySegment` or `&mut MemorySegment` (the runtime's scope memory): pointer and
    /// length in bytes. Recognised by the type's name, and type-checked by the helper the
    /// expansion passes it to.
    Segment { mutable: bool },
}

/// The shape of the return type.
pub(crate) enum ReturnShape<'a> {
    /// `()` or nothing.
    Unit,
    /// `!`: the import does not return.
    Never,
    /// A value lifted through `WasmType`.
    Value(&'a Type),
    /// `Result<T, E>`: each `Ok` value (a tuple gives several), and an errno-like `E`.
    Result { ok: Vec<&'a Type>, err: &'a Type },
}

/// A rejected type: the tokens to put the caret on and the message.
pub(crate) struct Rejection<'a> {
    pub(crate) at: &'a Type,
    pub(crate) message: String,
}

fn reject(at: &Type, message: impl Into<String>) -> Rejection<'_> {
    Rejection {
        at,
        message: message.into(),
    }
}

fn strip(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Paren(inner) => ty = &inner.elem,
            Type::Group(inner) => ty = &inner.elem,
            _ => return ty,
        }
    }
}

/// The last path segment's name and its angle-bracketed type arguments.
fn last_segment(path: &TypePath) -> Option<(String, Vec<&Type>)> {
    let segment = path.path.segments.last()?;
    let args = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((segment.ident.to_string(), args))
}

/// Rejects by-value types that have no lowering; `Ok` means "lowered through `WasmType`".
fn check_value(ty: &Type) -> Result<(), Rejection<'_>> {
    match strip(ty) {
        Type::Path(path) if path.qself.is_none() => {
            let Some((name, _)) = last_segment(path) else {
                return Ok(());
            };
            let advice = match name.as_str() {
                "String" => {
                    "`String` cannot cross the wasm import boundary: take `&str`, lowered to a pointer and a length"
                }
                "Vec" => {
                    "`Vec` cannot cross the wasm import boundary: take `&[T]`, or `&mut [T]` for a buffer the host fills"
                }
                "Box" | "Rc" | "Arc" => {
                    "a smart pointer cannot cross the wasm import boundary: pass the data as `&[T]`, or a raw pointer in an `unsafe fn`"
                }
                "Option" => {
                    "`Option` has no core wasm lowering: pass a sentinel value, or a separate `bool` flag"
                }
                "u128" | "i128" => {
                    "128-bit integers have no core wasm type (the widest is 64 bits): pass two `u64` halves"
                }
                "char" => {
                    "`char` is not lowered because a host may return an invalid scalar value: pass `u32`"
                }
                "str" => "`str` is unsized: take `&str`",
                "Result" => {
                    "`Result` is only lowered as the return type, with an errno-like error type"
                }
                _ => return Ok(()),
            };
            Err(reject(ty, advice))
        }
        Type::Path(_) | Type::Macro(_) => Ok(()),
        Type::Ptr(_) => Ok(()),
        Type::ImplTrait(_) => Err(reject(
            ty,
            "`impl Trait` cannot cross the wasm import boundary: use a concrete type that implements `wasm_function::abi::WasmType`",
        )),
        Type::TraitObject(_) => Err(reject(
            ty,
            "a trait object cannot cross the wasm import boundary: use a concrete type that implements `wasm_function::abi::WasmType`",
        )),
        Type::Tuple(tuple) if tuple.elems.is_empty() => {
            Err(reject(ty, "`()` carries no value: remove the parameter"))
        }
        Type::Tuple(_) => Err(reject(
            ty,
            "tuples are not lowered: pass each field as its own parameter",
        )),
        Type::Array(_) => Err(reject(
            ty,
            "arrays are not passed by value: take `&[T]`, or `&mut [T]` for a buffer the host fills",
        )),
        Type::Slice(_) => Err(reject(ty, "a slice is unsized: take `&[T]`")),
        Type::BareFn(_) => Err(reject(
            ty,
            "function pointers are not lowered: pass a function table index as `u32`",
        )),
        Type::Never(_) => Err(reject(
            ty,
            "`!` is only allowed as the return type, for an import that does not return",
        )),
        Type::Infer(_) => Err(reject(ty, "write the type out: `_` is not allowed here")),
        Type::Reference(_) => Err(reject(
            ty,
            "a reference cannot be returned from a wasm import: take a `&mut [T]` buffer parameter instead and return how much the host wrote",
        )),
        _ => Err(reject(
            ty,
            "this type has no core wasm lowering: use an integer, float, `bool`, `&str`, `&[T]` or a type that implements `wasm_function::abi::WasmType`",
        )),
    }
}

/// The shape of a parameter of type `ty`.
pub(crate) fn classify_param(ty: &Type) -> Result<ParamShape<'_>, Rejection<'_>> {
    match strip(ty) {
        Type::Reference(TypeReference {
            elem, mutability, ..
        }) => match strip(elem) {
            Type::Path(path) if path.qself.is_none() && path.path.is_ident("str") => {
                if mutability.is_some() {
                    Err(reject(ty, "`&mut str` is not lowered: take `&mut [u8]`"))
                } else {
                    Ok(ParamShape::Str)
                }
            }
            Type::Slice(slice) => Ok(ParamShape::Slice {
                elem: &slice.elem,
                mutable: mutability.is_some(),
            }),
            Type::Array(_) => Err(reject(
                ty,
                "a reference to an array is not lowered: take a slice, `&[T]` or `&mut [T]`, and pass `&array[..]`",
            )),
            Type::Path(path)
                if path.qself.is_none()
                    && last_segment(path).is_some_and(|(name, _)| name == "MemorySegment") =>
            {
                Ok(ParamShape::Segment {
                    mutable: mutability.is_some(),
                })
            }
            _ => Err(reject(
                ty,
                "a reference to a single value is not lowered: pass the value itself, a one-element slice `&[T]`/`&mut [T]`, a `&MemorySegment`/`&mut MemorySegment`, or a raw pointer in an `unsafe fn`",
            )),
        },
        Type::Ptr(_) => Ok(ParamShape::Pointer),
        _ => check_value(ty).map(|()| ParamShape::Value),
    }
}

/// The shape of a return type.
pub(crate) fn classify_return(ty: &Type) -> Result<ReturnShape<'_>, Rejection<'_>> {
    match strip(ty) {
        Type::Never(_) => Ok(ReturnShape::Never),
        Type::Tuple(tuple) if tuple.elems.is_empty() => Ok(ReturnShape::Unit),
        Type::Path(path) if path.qself.is_none() => match last_segment(path) {
            Some((name, args)) if name == "Result" => match args.as_slice() {
                [ok, err] => {
                    let ok = match strip(ok) {
                        Type::Tuple(tuple) => tuple.elems.iter().collect(),
                        _ => vec![*ok],
                    };
                    for value in &ok {
                        check_value(value)?;
                    }
                    Ok(ReturnShape::Result { ok, err })
                }
                _ => Err(reject(
                    ty,
                    "name the error type: return `Result<T, E>` with an errno-like `E`, such as `Result<T, wasm_function::wasi::Errno>`",
                )),
            },
            _ => check_value(ty).map(|()| ReturnShape::Value(ty)),
        },
        _ => check_value(ty).map(|()| ReturnShape::Value(ty)),
    }
}
