//! `macro_rules!` helpers that generate the WASI newtypes: enum-like newtypes (errno
//! included) and flag sets. Their ABI trait implementations come from `#[derive(WasmType)]`,
//! the same derive users write.

/// Declares an enum-like newtype over an integer (a witx `enum`, and `errno`): hosts may hand
/// back values the specification does not define, so those stay representable instead of being
/// undefined behaviour.
///
/// Each case is `NAME = value, "witx name";`. The lowering traits come from
/// `#[derive(WasmType)]`, as for any user newtype. Two forms:
///
/// - `Name(repr) { $(#[doc] CASE = value, "witx";)* }`: an enumeration; `Default` is the
///   value 0 and `Display` is the witx name.
/// - `Name(repr) as "noun" { $(CASE = value, "witx", "message";)* }`: a table of codes
///   (`errno`), whose cases carry the specification's one-line description: it is the
///   constant's doc and [`message`](crate::wasi::Errno::message) returns it; `"noun"` names a
///   value in the generated docs. No `Default` and no `Display` (the type writes its own).
macro_rules! wasi_enum {
    (
        $(#[$meta:meta])*
        $name:ident($repr:ty) as $noun:literal {
            $( $konst:ident = $value:literal, $witx:literal, $message:literal; )*
        }
    ) => {
        wasi_enum! {
            @table
            $(#[$meta])*
            #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, $crate::WasmType)]
            $name($repr) as $noun {
                $( #[doc = $message] $konst = $value, $witx; )*
            }
        }

        impl $name {
            #[doc = concat!(
                "The specification's one-line description of the ", $noun,
                " (`\"Bad file descriptor.\"`), or `\"Unknown error code.\"`."
            )]
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self.0 {
                    $($value => $message,)*
                    _ => "Unknown error code.",
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $name:ident($repr:ty) {
            $( $(#[$cmeta:meta])* $konst:ident = $value:literal, $witx:literal; )*
        }
    ) => {
        wasi_enum! {
            @table
            $(#[$meta])*
            #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, $crate::WasmType)]
            $name($repr) as "value" {
                $( $(#[$cmeta])* $konst = $value, $witx; )*
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                if self.is_known() {
                    f.write_str(self.name())
                } else {
                    write!(f, "unknown ({})", self.0)
                }
            }
        }
    };
    (
        @table
        $(#[$meta:meta])*
        $name:ident($repr:ty) as $noun:literal {
            $( $(#[$cmeta:meta])* $konst:ident = $value:literal, $witx:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[repr(transparent)]
        pub struct $name($repr);

        impl $name {
            $(
                $(#[$cmeta])*
                #[doc = concat!("\n\nwitx: `", $witx, "` = ", stringify!($value), ".")]
                pub const $konst: Self = Self($value);
            )*

            #[doc = concat!("Every ", $noun, " the specification defines, in ascending order.")]
            pub const ALL: &'static [Self] = &[$(Self::$konst),*];

            #[doc = concat!(
                "Wraps a raw ", $noun, "; ", $noun,
                "s the specification does not define are kept as they are."
            )]
            #[inline]
            #[must_use]
            pub const fn from_raw(raw: $repr) -> Self {
                Self(raw)
            }

            #[doc = concat!("The raw ", $noun, ".")]
            #[inline]
            #[must_use]
            pub const fn raw(self) -> $repr {
                self.0
            }

            #[doc = concat!(
                "The lower-case witx name of the ", $noun, ", or `\"unknown\"` for a ", $noun,
                " the specification does not define."
            )]
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self.0 {
                    $($value => $witx,)*
                    _ => "unknown",
                }
            }

            #[doc = concat!("Whether the specification defines this ", $noun, ".")]
            #[inline]
            #[must_use]
            pub const fn is_known(self) -> bool {
                #[allow(clippy::match_like_matches_macro)]
                match self.0 {
                    $($value => true,)*
                    _ => false,
                }
            }

            /// The name of the associated constant, for `Debug`.
            const fn const_name(self) -> Option<&'static str> {
                match self.0 {
                    $($value => Some(stringify!($konst)),)*
                    _ => None,
                }
            }
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.const_name() {
                    Some(konst) => write!(f, concat!(stringify!($name), "::{}"), konst),
                    None => write!(f, concat!(stringify!($name), "({})"), self.0),
                }
            }
        }

        impl ::core::convert::From<$repr> for $name {
            #[inline]
            fn from(raw: $repr) -> Self {
                Self(raw)
            }
        }

        impl ::core::convert::From<$name> for $repr {
            #[inline]
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

/// Declares a flag set over an integer (a witx `flags`), with the bit operations of the
/// `bitflags` crate. Bits the specification does not define are retained by
/// [`from_bits_retain`](Self::from_bits_retain), so any value a host writes is valid.
macro_rules! wasi_flags {
    (
        $(#[$meta:meta])*
        $name:ident($repr:ty) {
            $( $(#[$cmeta:meta])* $konst:ident = 1 << $bit:literal, $witx:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[repr(transparent)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Default, $crate::WasmType)]
        pub struct $name($repr);

        impl $name {
            $(
                $(#[$cmeta])*
                #[doc = concat!("\n\nwitx: `", $witx, "` = `1 << ", stringify!($bit), "`.")]
                pub const $konst: Self = Self(1 << $bit);
            )*

            /// Each defined flag with its constant name and its lower-case witx name, in bit
            /// order.
            pub const FLAGS: &'static [(&'static str, &'static str, Self)] =
                &[$((stringify!($konst), $witx, Self::$konst)),*];

            /// The set with no flag.
            #[inline]
            #[must_use]
            pub const fn empty() -> Self {
                Self(0)
            }

            /// The set of every flag the specification defines.
            #[inline]
            #[must_use]
            pub const fn all() -> Self {
                Self(0 $(| (1 << $bit))*)
            }

            /// The raw bits.
            #[inline]
            #[must_use]
            pub const fn bits(self) -> $repr {
                self.0
            }

            /// Wraps raw bits, keeping bits the specification does not define.
            #[inline]
            #[must_use]
            pub const fn from_bits_retain(bits: $repr) -> Self {
                Self(bits)
            }

            /// Wraps raw bits if every set bit is a defined flag, else `None`.
            #[inline]
            #[must_use]
            pub const fn from_bits(bits: $repr) -> Option<Self> {
                if bits & !Self::all().0 == 0 { Some(Self(bits)) } else { None }
            }

            /// Wraps raw bits, dropping bits the specification does not define.
            #[inline]
            #[must_use]
            pub const fn from_bits_truncate(bits: $repr) -> Self {
                Self(bits & Self::all().0)
            }

            /// Whether no bit is set.
            #[inline]
            #[must_use]
            pub const fn is_empty(self) -> bool {
                self.0 == 0
            }

            /// Whether every defined flag is set.
            #[inline]
            #[must_use]
            pub const fn is_all(self) -> bool {
                self.0 & Self::all().0 == Self::all().0
            }

            /// Whether every bit of `other` is set in `self`.
            #[inline]
            #[must_use]
            pub const fn contains(self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }

            /// Whether `self` and `other` have a bit in common.
            #[inline]
            #[must_use]
            pub const fn intersects(self, other: Self) -> bool {
                self.0 & other.0 != 0
            }

            /// The bits set in `self` or `other` (`|`).
            #[inline]
            #[must_use]
            pub const fn union(self, other: Self) -> Self {
                Self(self.0 | other.0)
            }

            /// The bits set in both `self` and `other` (`&`).
            #[inline]
            #[must_use]
            pub const fn intersection(self, other: Self) -> Self {
                Self(self.0 & other.0)
            }

            /// The bits set in `self` but not in `other` (`-`).
            #[inline]
            #[must_use]
            pub const fn difference(self, other: Self) -> Self {
                Self(self.0 & !other.0)
            }

            /// The bits set in exactly one of `self` and `other` (`^`).
            #[inline]
            #[must_use]
            pub const fn symmetric_difference(self, other: Self) -> Self {
                Self(self.0 ^ other.0)
            }

            /// The defined flags that are not set in `self` (`!`); undefined bits are cleared.
            #[inline]
            #[must_use]
            pub const fn complement(self) -> Self {
                Self(!self.0 & Self::all().0)
            }

            /// Sets the bits of `other`.
            #[inline]
            pub fn insert(&mut self, other: Self) {
                self.0 |= other.0;
            }

            /// Clears the bits of `other`.
            #[inline]
            pub fn remove(&mut self, other: Self) {
                self.0 &= !other.0;
            }

            /// Flips the bits of `other`.
            #[inline]
            pub fn toggle(&mut self, other: Self) {
                self.0 ^= other.0;
            }

            /// Sets the bits of `other` if `value`, else clears them.
            #[inline]
            pub fn set(&mut self, other: Self, value: bool) {
                if value { self.insert(other) } else { self.remove(other) }
            }
        }

        impl ::core::ops::BitOr for $name {
            type Output = Self;
            #[inline]
            fn bitor(self, rhs: Self) -> Self {
                self.union(rhs)
            }
        }

        impl ::core::ops::BitOrAssign for $name {
            #[inline]
            fn bitor_assign(&mut self, rhs: Self) {
                self.insert(rhs);
            }
        }

        impl ::core::ops::BitAnd for $name {
            type Output = Self;
            #[inline]
            fn bitand(self, rhs: Self) -> Self {
                self.intersection(rhs)
            }
        }

        impl ::core::ops::BitAndAssign for $name {
            #[inline]
            fn bitand_assign(&mut self, rhs: Self) {
                self.0 &= rhs.0;
            }
        }

        impl ::core::ops::BitXor for $name {
            type Output = Self;
            #[inline]
            fn bitxor(self, rhs: Self) -> Self {
                self.symmetric_difference(rhs)
            }
        }

        impl ::core::ops::BitXorAssign for $name {
            #[inline]
            fn bitxor_assign(&mut self, rhs: Self) {
                self.toggle(rhs);
            }
        }

        impl ::core::ops::Sub for $name {
            type Output = Self;
            #[inline]
            fn sub(self, rhs: Self) -> Self {
                self.difference(rhs)
            }
        }

        impl ::core::ops::SubAssign for $name {
            #[inline]
            fn sub_assign(&mut self, rhs: Self) {
                self.remove(rhs);
            }
        }

        impl ::core::ops::Not for $name {
            type Output = Self;
            #[inline]
            fn not(self) -> Self {
                self.complement()
            }
        }

        impl ::core::iter::FromIterator<$name> for $name {
            fn from_iter<I: ::core::iter::IntoIterator<Item = Self>>(iter: I) -> Self {
                iter.into_iter().fold(Self::empty(), Self::union)
            }
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(concat!(stringify!($name), "("))?;
                $crate::wasi::macros::write_flag_names(
                    f,
                    u64::from(self.0),
                    Self::FLAGS.iter().map(|&(konst, _, flag)| (konst, u64::from(flag.0))),
                )?;
                f.write_str(")")
            }
        }

    };
}

/// Writes `A | B | 0x40` for the set bits of `bits`: the names of the flags in `flags`, then
/// the remaining undefined bits in hex; `0x0` if no bit is set.
pub(crate) fn write_flag_names(
    f: &mut core::fmt::Formatter<'_>,
    bits: u64,
    flags: impl Iterator<Item = (&'static str, u64)>,
) -> core::fmt::Result {
    if bits == 0 {
        return f.write_str("0x0");
    }
    let mut rest = bits;
    let mut first = true;
    for (name, flag) in flags {
        if bits & flag == flag && flag != 0 {
            if !first {
                f.write_str(" | ")?;
            }
            f.write_str(name)?;
            first = false;
            rest &= !flag;
        }
    }
    if rest != 0 {
        if !first {
            f.write_str(" | ")?;
        }
        write!(f, "{rest:#x}")?;
    }
    Ok(())
}
