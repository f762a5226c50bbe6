//! The parsed function: each parameter's name, type and shape, and the return's shape. It
//! says nothing about an ABI; [`lowering`](super::lowering) turns it into core values.

use syn::{Ident, Type};

use super::types::{ParamShape, ReturnShape};

/// A function's signature, checked parameter by parameter.
pub(crate) struct ParsedFn<'a> {
    pub(crate) params: Vec<Param<'a>>,
    pub(crate) ret: ReturnShape<'a>,
}

/// A checked parameter.
pub(crate) struct Param<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    pub(crate) shape: ParamShape<'a>,
}
