unsafe impl ::wasm_function::__private::component::WitType for Perms {
    const WIT: &'static str = "test:harness/types@0.1.0#perms";
}
impl Perms {
    ///The WIT flag `read` (bit 0).
    pub const READ: Self = Self(1 << 0);
    ///The WIT flag `write` (bit 1).
    pub const WRITE: Self = Self(1 << 1);
    ///The WIT flag `exec` (bit 2).
    pub const EXEC: Self = Self(1 << 2);
    /// No member set.
    #[must_use]
    pub const fn empty() -> Self {
        Self(0)
    }
    /// Every member set.
    #[must_use]
    pub const fn all() -> Self {
        Self(7)
    }
    /// The bits, member `i` at bit `i`.
    #[must_use]
    pub const fn bits(&self) -> u8 {
        self.0
    }
    /// The members of `bits`; bits beyond the members are dropped.
    #[must_use]
    pub const fn from_bits_truncate(bits: u8) -> Self {
        Self(bits & 7)
    }
    /// Whether every member set in `other` is set in `self`.
    #[must_use]
    pub const fn contains(&self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
    /// Whether no member is set.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }
}
impl ::core::ops::BitOr for Perms {
    type Output = Self;
    fn bitor(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}
impl ::core::ops::BitOrAssign for Perms {
    fn bitor_assign(&mut self, other: Self) {
        self.0 |= other.0;
    }
}
impl ::core::ops::BitAnd for Perms {
    type Output = Self;
    fn bitand(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }
}
impl ::wasm_function::__private::component::FlagsBits for Perms {
    fn bits(&self) -> u32 {
        u32::from(self.0)
    }
    fn from_bits(bits: u32) -> Self {
        Self((bits & 7) as u8)
    }
}
const _: &[u8] = ::core::include_bytes!(
    ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/tests/expand/wit/harness.wit")
);
