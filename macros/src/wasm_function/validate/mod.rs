//! Checks the annotated function and builds the model that `expand` turns into code: the
//! fn's shape ([`shape`]), its parameters and return ([`params`]), the import name ([`name`]),
//! then the lowering, checked against the preview1 table when the module is WASI's
//! ([`spec`]). Every check records its errors and goes on, so one run reports all of them.

mod name;
mod params;
mod shape;
mod spec;

use super::args::ImportArgs;
use super::item::ImportFn;
use super::lowering::{self, LoweredSignature};
use super::signature::ParsedFn;
use crate::errors::Errors;

/// Rejects what no import can be (`const`, `async`, an ABI, generics, variadics).
pub(crate) fn check_shape(sig: &syn::Signature, errors: &mut Errors) {
    shape::check(sig, errors);
}

/// A checked import declaration: the function as parsed, and its core lowering.
pub(crate) struct Import<'a> {
    pub(crate) module: String,
    pub(crate) name: String,
    pub(crate) func: &'a ImportFn,
    pub(crate) parsed: ParsedFn<'a>,
    /// The core signature: what the extern is declared with, on every target.
    pub(crate) lowered: LoweredSignature<'a>,
}

impl<'a> Import<'a> {
    /// Checks `func` against everything the attribute supports, recording each problem; `None`
    /// when the signature could not be modelled at all.
    pub(crate) fn from_syn(
        args: &ImportArgs,
        func: &'a ImportFn,
        errors: &mut Errors,
    ) -> Option<Self> {
        let sig = &func.sig;
        shape::check(sig, errors);
        let params = params::parse(sig, errors);
        let ret = params::parse_return(sig, errors);
        let module = args.module.value();
        let (name, name_span) = name::import_name(args, sig);
        let spec = spec::lookup(&module, &name, name_span, errors);
        let parsed = ParsedFn { params, ret: ret? };
        let mut lowered = lowering::lower_core(&parsed);
        if let Some(spec) = spec {
            spec::check(spec, &module, &name, sig, &mut lowered, errors);
        }
        Some(Self {
            module,
            name,
            func,
            parsed,
            lowered,
        })
    }
}
