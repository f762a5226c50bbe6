//! The lowered signature: the core wasm values an import takes and returns, computed once
//! from the parsed function and only read afterwards (by the preview1 check and the
//! expansion).
//!
//! Parsing ([`signature`](super::signature)) does not depend on the ABI; [`lower_core`] is the
//! lowering for core wasm modules (wasm32-wasip1). Another ABI is another function from the
//! same [`ParsedFn`] to a [`LoweredSignature`].

use std::fmt;

use syn::Type;

use super::signature::ParsedFn;
use super::types::{ParamShape, ReturnShape};

/// A core wasm value type: what the preview1 table and the lowering both speak of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CoreValType {
    I32,
    I64,
    F32,
    F64,
}

impl CoreValType {
    /// The type's name in Rust and in wasm text alike.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::I32 => "i32",
            Self::I64 => "i64",
            Self::F32 => "f32",
            Self::F64 => "f64",
        }
    }
}

impl fmt::Display for CoreValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The core type of one lowered value.
#[derive(Clone, Copy)]
pub(crate) enum CoreTy<'a> {
    /// Known while expanding: an address, a length, a status, or a type a spec names.
    Exact(CoreValType),
    /// Whatever `<T as WasmType>::Core` is: only the compiler knows it.
    Of(&'a Type),
}

/// Where one core parameter's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CoreSource {
    /// Parameter `index`, lowered whole through `WasmType`.
    Value { param: usize },
    /// The address of parameter `index` (a `&str` or slice).
    Pointer { param: usize },
    /// The length of parameter `index` (bytes of a `&str`, elements of a slice).
    Length { param: usize },
    /// The address of the slot for `Ok` value `index`.
    OutPointer { ok: usize },
}

/// One core parameter.
#[derive(Clone, Copy)]
pub(crate) struct CoreParam<'a> {
    pub(crate) source: CoreSource,
    pub(crate) ty: CoreTy<'a>,
}

/// What the core import returns.
#[derive(Clone, Copy)]
pub(crate) enum CoreResult<'a> {
    /// No result.
    None,
    /// It does not return (`!`).
    Never,
    /// One value, lifted into the declared return type.
    Value(CoreTy<'a>),
    /// An `i32` status, 0 for success; each `Ok` value came through a trailing out-pointer.
    Status,
}

/// The status of an import that returns `Result`: an `i32` errno.
pub(crate) const STATUS: CoreValType = CoreValType::I32;

/// An address or a length on wasm32.
const POINTER: CoreValType = CoreValType::I32;

/// The core signature of an import.
pub(crate) struct LoweredSignature<'a> {
    pub(crate) params: Vec<CoreParam<'a>>,
    pub(crate) result: CoreResult<'a>,
}

impl<'a> LoweredSignature<'a> {
    /// Replaces each core parameter type by the one a spec names, in order, and a value
    /// result by the spec's result type: the compiler then checks that each Rust type lowers
    /// to exactly what the spec says.
    pub(crate) fn pin(
        &mut self,
        params: impl IntoIterator<Item = CoreValType>,
        result: Option<CoreValType>,
    ) {
        for (param, ty) in self.params.iter_mut().zip(params) {
            param.ty = CoreTy::Exact(ty);
        }
        if let (CoreResult::Value(ty), Some(result)) = (&mut self.result, result) {
            *ty = CoreTy::Exact(result);
        }
    }

    /// The number of core parameters.
    pub(crate) fn arity(&self) -> usize {
        self.params.len()
    }

    /// Only for building: the next core parameter.
    fn push(&mut self, source: CoreSource, ty: CoreTy<'a>) {
        self.params.push(CoreParam { source, ty });
    }
}

/// The core type of a value lowered through `WasmType`: exact for the primitive scalars (the
/// runtime's impls), otherwise left to the compiler.
fn value_type(ty: &Type) -> CoreTy<'_> {
    let Type::Path(path) = ty else {
        return CoreTy::Of(ty);
    };
    let exact = match path.path.get_ident() {
        _ if path.qself.is_some() => None,
        Some(ident) => match ident.to_string().as_str() {
            "i8" | "u8" | "i16" | "u16" | "i32" | "u32" | "isize" | "usize" | "bool" => {
                Some(CoreValType::I32)
            }
            "i64" | "u64" => Some(CoreValType::I64),
            "f32" => Some(CoreValType::F32),
            "f64" => Some(CoreValType::F64),
            _ => None,
        },
        None => None,
    };
    exact.map_or(CoreTy::Of(ty), CoreTy::Exact)
}

/// Lowers a parsed function with the core wasm rules: a scalar, raw pointer or other
/// `WasmType` is one value of its core type (an `i32` for a pointer), `&str`, slices and
/// memory segments an `i32` pointer and an `i32` length, and a `Result` an `i32` status with one trailing `i32` out-pointer per `Ok` value.
pub(crate) fn lower_core<'a>(parsed: &ParsedFn<'a>) -> LoweredSignature<'a> {
    let mut lowered = LoweredSignature {
        params: Vec::new(),
        result: CoreResult::None,
    };
    for (param, p) in parsed.params.iter().enumerate() {
        match p.shape {
            ParamShape::Value | ParamShape::Pointer => {
                lowered.push(CoreSource::Value { param }, value_type(p.ty));
            }
            ParamShape::Str | ParamShape::Slice { .. } | ParamShape::Segment { .. } => {
                lowered.push(CoreSource::Pointer { param }, CoreTy::Exact(POINTER));
                lowered.push(CoreSource::Length { param }, CoreTy::Exact(POINTER));
            }
        }
    }
    lowered.result = match &parsed.ret {
        ReturnShape::Unit => CoreResult::None,
        ReturnShape::Never => CoreResult::Never,
        ReturnShape::Value(ty) => CoreResult::Value(value_type(ty)),
        ReturnShape::Result { ok, .. } => {
            for index in 0..ok.len() {
                lowered.push(CoreSource::OutPointer { ok: index }, CoreTy::Exact(POINTER));
            }
            CoreResult::Status
        }
    };
    lowered
}
