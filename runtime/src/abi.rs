//! How Rust values cross the WebAssembly import boundary.
//!
//! `#[wasm_function]` lowers every parameter to core wasm values (`i32`, `i64`, `f32`, `f64`)
//! and lifts the result back, using the traits of this module:
//!
//! | trait | used for | implemented by |
//! |---|---|---|
//! | [`WasmType`] | a value passed or returned by value | integers, `bool`, floats, raw pointers, newtypes (`#[derive(WasmType)]`) |
//! | [`WasmLayout`] | elements of `&[T]` the host reads | scalars, their newtypes, `#[repr(C)]` records with the wasm32 layout (`#[derive(WasmType)]` with `#[wasm_type(..)]`) |
//! | [`WasmWritable`] | elements of `&mut [T]` and `Result` out-values the host writes | types for which every bit pattern is a valid value (records: `#[wasm_type(writable)]`) |
//! | [`ErrorCode`] | the `E` of a `Result<T, E>` return | errno-like types such as [`crate::wasi::Errno`] |
//!
//! All four are `unsafe` to implement because the host reads or writes memory according to
//! what they promise. The derive [`macro@crate::WasmType`] implements them safely: [`WasmType`]
//! for a `#[repr(transparent)]` newtype over a type that already implements it (and the layout
//! traits over a primitive number), [`WasmLayout`] and [`WasmWritable`] for a `#[repr(C)]`
//! record whose wasm32 layout, written on it, it asserts at compile time. The crate's own WASI
//! types use the same derive; the primitives below are the base case, implemented here.

mod sealed {
    pub trait Sealed {}
}

/// A core WebAssembly value type: `i32`, `i64`, `f32` or `f64`.
///
/// This trait is sealed: the set of core types is fixed by the WebAssembly specification.
pub trait CoreType: sealed::Sealed + Copy + 'static {}

macro_rules! core_types {
    ($($t:ident),*) => {$(
        impl sealed::Sealed for $t {}
        impl CoreType for $t {}
    )*};
}
core_types!(i32, i64, f32, f64);

/// A Rust type that crosses the import boundary by value as one core wasm value.
///
/// # Safety
///
/// Implementors promise that handing [`WasmType::into_core`]'s result to any host function is
/// exactly as safe as handing over the Rust value: in particular the core value must not carry
/// a pointer that the host may dereference unless the type's own API already guarantees that
/// the pointee is valid for the call. `from_core` must accept **every** value of `Core`
/// (hosts can return anything) and must not cause undefined behaviour for any of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot cross the wasm import boundary by value",
    label = "this type has no core wasm lowering",
    note = "use an integer, `bool`, float or raw pointer, pass data as `&[T]`/`&str`, or give a `#[repr(transparent)]` newtype `#[derive(wasm_function::WasmType)]`"
)]
pub unsafe trait WasmType: Sized {
    /// The core wasm type the value lowers to.
    type Core: CoreType;
    /// Lowers the value to its core representation.
    fn into_core(self) -> Self::Core;
    /// Lifts a core value returned by the host; total over every value of `Core`.
    fn from_core(core: Self::Core) -> Self;
}

// The base case of `WasmType`: the primitives and raw pointers, which a derive cannot be
// applied to (they are not defined in this crate). Every other `WasmType` in this crate, like
// every user newtype, comes from `#[derive(WasmType)]` delegating to one of these.
macro_rules! int_lowering {
    ($core:ty => $($t:ty),*) => {$(
        // SAFETY: plain integers carry no pointer, and every core value converts (by
        // truncation or sign reinterpretation, as the wasm ABI does).
        unsafe impl WasmType for $t {
            type Core = $core;
            #[inline(always)]
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_possible_wrap, clippy::cast_lossless)]
            fn into_core(self) -> $core {
                self as $core
            }
            #[inline(always)]
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_possible_wrap)]
            fn from_core(core: $core) -> Self {
                core as $t
            }
        }
    )*};
}
int_lowering!(i32 => i8, u8, i16, u16, i32, u32, usize, isize);
int_lowering!(i64 => i64, u64);

// SAFETY: floats carry no pointer; every bit pattern is a valid float.
unsafe impl WasmType for f32 {
    type Core = f32;
    #[inline(always)]
    fn into_core(self) -> f32 {
        self
    }
    #[inline(always)]
    fn from_core(core: f32) -> Self {
        core
    }
}

// SAFETY: as for `f32`.
unsafe impl WasmType for f64 {
    type Core = f64;
    #[inline(always)]
    fn into_core(self) -> f64 {
        self
    }
    #[inline(always)]
    fn from_core(core: f64) -> Self {
        core
    }
}

// SAFETY: `bool` lowers to 0 or 1; any nonzero value lifts to `true`, so no value is invalid.
unsafe impl WasmType for bool {
    type Core = i32;
    #[inline(always)]
    fn into_core(self) -> i32 {
        i32::from(self)
    }
    #[inline(always)]
    fn from_core(core: i32) -> Self {
        core != 0
    }
}

macro_rules! ptr_lowering {
    ($($p:ident),*) => {$(
        // SAFETY: a raw pointer lowers to its wasm32 address. `#[wasm_function]` only accepts
        // raw-pointer parameters on functions declared `unsafe`, which moves the obligation
        // that the pointee is valid for the host to the caller. Lifting builds a pointer
        // from an address, which is safe; dereferencing it is the caller's business.
        unsafe impl<T> WasmType for *$p T {
            type Core = i32;
            #[inline(always)]
            #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
            fn into_core(self) -> i32 {
                self.expose_provenance() as i32
            }
            #[inline(always)]
            #[allow(clippy::cast_sign_loss)]
            fn from_core(core: i32) -> Self {
                ::core::ptr::with_exposed_provenance::<T>(core as u32 as usize) as *$p T
            }
        }
    )*};
}
ptr_lowering!(const, mut);

/// A type with a fixed WebAssembly memory layout, so that `&[Self]` can be handed to a host,
/// which reads it.
///
/// # Safety
///
/// `Self` must have the size, alignment and field offsets that the host expects on wasm32
/// (primitives, or `#[repr(C)]`/`#[repr(transparent)]` types built from them), and any pointer
/// it contains must be valid for reads for as long as a `&Self` is.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no fixed wasm memory layout, so `&[{Self}]` cannot be handed to a host",
    label = "not `WasmLayout`",
    note = "use a slice of integers or floats, or a `#[repr(C)]` record that implements `wasm_function::abi::WasmLayout`"
)]
pub unsafe trait WasmLayout: Copy {}

/// A [`WasmLayout`] type for which **every** bit pattern is a valid value, so that a host may
/// write into `&mut [Self]` or into a `Result` out-slot of this type.
///
/// # Safety
///
/// Every sequence of `size_of::<Self>()` bytes, including all zeros, must be a valid `Self`
/// (no `bool`, `char`, references, enums with niches or padding the host may not write).
#[diagnostic::on_unimplemented(
    message = "the host cannot write into `{Self}`: not every bit pattern is a valid value",
    label = "not `WasmWritable`",
    note = "use an integer or float type (then convert), or a `#[repr(C)]` record of them that implements `wasm_function::abi::WasmWritable`"
)]
pub unsafe trait WasmWritable: WasmLayout {}

// The base case of `WasmLayout`/`WasmWritable`: the primitive numbers. Every other
// implementation in this crate comes from `#[derive(WasmType)]` (the WASI newtypes and records)
// or has a safety argument of its own (`Ciovec`, `Iovec`); a derive cannot be applied to
// primitive types, so they are listed here.
macro_rules! primitive_layout {
    ($($t:ty),*) => {$(
        // SAFETY: primitive numbers have the wasm32 layout and every bit pattern is valid.
        unsafe impl WasmLayout for $t {}
        // SAFETY: as above.
        unsafe impl WasmWritable for $t {}
    )*};
}
primitive_layout!(u8, i8, u16, i16, u32, i32, u64, i64, usize, isize, f32, f64);

/// An errno-like error type: the `E` of a `Result<T, E>` returned from a `#[wasm_function]`.
///
/// The import then returns an `i32` status, `0` meaning success; any other value becomes
/// `Err(E::from_status(status))`.
///
/// # Safety
///
/// `from_status` must accept every nonzero `i32` without undefined behaviour (keep unknown
/// codes as values). The trait is `unsafe` because the wrapper reads the `Ok` out-values only
/// when the status is `0`, relying on the host's ABI contract that a function which reports
/// success has written every out-value (as preview1 does); use it only for hosts that keep that
/// contract.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an errno-like error type",
    label = "a `Result` returned from a wasm import needs an errno-like error type",
    note = "use `wasm_function::wasi::Errno`, or implement `wasm_function::abi::ErrorCode` for a type that wraps the host's status code"
)]
pub unsafe trait ErrorCode: Sized {
    /// Converts a nonzero status returned by the import into the error.
    fn from_status(status: i32) -> Self;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: WasmType + Copy + PartialEq + core::fmt::Debug>(v: T) {
        assert_eq!(T::from_core(v.into_core()), v);
    }

    #[test]
    fn integers_round_trip_at_their_extremes() {
        round_trip(i8::MIN);
        round_trip(u8::MAX);
        round_trip(i16::MIN);
        round_trip(u16::MAX);
        round_trip(i32::MIN);
        round_trip(u32::MAX);
        round_trip(i64::MIN);
        round_trip(u64::MAX);
        round_trip(true);
        round_trip(false);
    }

    #[test]
    fn unsigned_values_lower_by_reinterpretation() {
        assert_eq!(u32::MAX.into_core(), -1_i32);
        assert_eq!(u64::MAX.into_core(), -1_i64);
        assert_eq!(u8::from_core(0x1ff), 0xff);
        assert!(bool::from_core(-7));
    }

    #[test]
    fn floats_keep_their_bits() {
        let nan = f32::from_bits(0x7fc0_1234);
        assert_eq!(f32::from_core(nan.into_core()).to_bits(), 0x7fc0_1234);
        let neg_zero = -0.0_f64;
        assert_eq!(
            f64::from_core(neg_zero.into_core()).to_bits(),
            neg_zero.to_bits()
        );
    }
}
