//! Generates a checked item's code: the `WitType` impl naming its WIT type, and for flags the
//! member constants, the set operations and the `FlagsBits` impl the lowering goes through.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;

use super::item::Item;
use super::validate::Validated;

/// `read-write` → `READ_WRITE`.
fn shouty(name: &str) -> String {
    name.replace('-', "_").to_ascii_uppercase()
}

pub(crate) fn expand(item: &Item, checked: &Validated) -> TokenStream {
    let input = &item.input;
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let qualified = &checked.qualified;
    let component = quote!(::wasm_function::__private::component);
    let marker = quote! {
        // SAFETY: `WIT` is the type the derive found in WIT and checked this type against,
        // field by field and case by case.
        unsafe impl #impl_generics #component::WitType for #ident #ty_generics #where_clause {
            const WIT: &'static str = #qualified;
        }
    };
    let Some((members, int)) = &checked.flags else {
        return marker;
    };
    let vis = &input.vis;
    let int = syn::Ident::new(int, Span::call_site());
    let mask: u64 = (1u64 << members.len()) - 1;
    let mask = Literal::u64_unsuffixed(mask);
    let consts = members.iter().enumerate().map(|(bit, member)| {
        let name = syn::Ident::new(&shouty(member), Span::call_site());
        let doc = format!("The WIT flag `{member}` (bit {bit}).");
        let bit = Literal::usize_unsuffixed(bit);
        quote! {
            #[doc = #doc]
            #vis const #name: Self = Self(1 << #bit);
        }
    });
    let ops = quote!(::core::ops);
    quote! {
        #marker

        impl #ident {
            #(#consts)*

            /// No member set.
            #[must_use]
            #vis const fn empty() -> Self {
                Self(0)
            }

            /// Every member set.
            #[must_use]
            #vis const fn all() -> Self {
                Self(#mask)
            }

            /// The bits, member `i` at bit `i`.
            #[must_use]
            #vis const fn bits(&self) -> #int {
                self.0
            }

            /// The members of `bits`; bits beyond the members are dropped.
            #[must_use]
            #vis const fn from_bits_truncate(bits: #int) -> Self {
                Self(bits & #mask)
            }

            /// Whether every member set in `other` is set in `self`.
            #[must_use]
            #vis const fn contains(&self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }

            /// Whether no member is set.
            #[must_use]
            #vis const fn is_empty(&self) -> bool {
                self.0 == 0
            }
        }

        impl #ops::BitOr for #ident {
            type Output = Self;
            fn bitor(self, other: Self) -> Self {
                Self(self.0 | other.0)
            }
        }

        impl #ops::BitOrAssign for #ident {
            fn bitor_assign(&mut self, other: Self) {
                self.0 |= other.0;
            }
        }

        impl #ops::BitAnd for #ident {
            type Output = Self;
            fn bitand(self, other: Self) -> Self {
                Self(self.0 & other.0)
            }
        }

        impl #component::FlagsBits for #ident {
            fn bits(&self) -> u32 {
                u32::from(self.0)
            }
            fn from_bits(bits: u32) -> Self {
                // The caller dropped the bits beyond the members, which fit in the integer.
                Self((bits & #mask) as #int)
            }
        }
    }
}
