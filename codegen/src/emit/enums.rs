//! Open enums: a unit variant per listed value and a catch-all that keeps any other value, so a
//! server that adds a value does not break clients built against an older spec.
//!
//! The enum itself is written out; its methods and serde impls come from a macro in the
//! generated `support` module (rather than `#[serde(other)]`, which drops the value), so an
//! unknown value serializes back exactly as it came. The macro keeps each enum file short, which
//! makes the crate cheaper to generate and to compile.

use super::{ident, support, ListCall, ListItem, Std};
use crate::ir::{EnumDef, EnumRepr, EnumValue, IntegerType, Named, TypeSpace};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The doc comment of the catch-all variant, as a doc attribute holds it.
pub const OTHER_DOCS: &str = " A value the spec does not list, kept exactly as received.";

/// What an enum's file is made of, for the tokens here and the tree of `emit::direct`.
pub struct EnumParts {
    pub name: proc_macro2::Ident,
    pub variants: Vec<proc_macro2::Ident>,
    /// Each variant's doc line: its value.
    pub variant_docs: Vec<String>,
    pub other: proc_macro2::Ident,
    /// The type the catch-all holds.
    pub held: TokenStream,
    pub call: ListCall,
}

/// The enum's tokens, and the support macro call that implements it, a value a line.
pub fn emit(
    space: &TypeSpace,
    def: Named<'_>,
    e: &EnumDef,
    std: Std,
) -> (TokenStream, Vec<ListCall>) {
    let docs = super::type_attrs(space, def);
    let EnumParts {
        name,
        variants,
        variant_docs,
        other,
        held,
        call,
    } = parts(def, e, std);
    let use_support = support::use_item();
    let other_docs = super::raw_string(OTHER_DOCS);
    let tokens = quote! {
        #use_support
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #(#[doc = #variant_docs] #variants,)*
            #[doc = #other_docs]
            #other(#held),
        }
    };
    (tokens, vec![call])
}

/// An enum's parts.
pub fn parts(def: Named<'_>, e: &EnumDef, std: Std) -> EnumParts {
    let name = ident(def.name);
    let other = ident(&def.members.other);
    let variants: Vec<_> = def.members.iter().map(ident).collect();
    let values: Vec<TokenStream> = e
        .variants
        .iter()
        .map(|v| match &v.value {
            EnumValue::String(s) => quote!(#s),
            EnumValue::Integer(n) => {
                let lit = Literal::i128_unsuffixed(*n);
                quote!(#lit)
            }
        })
        .collect();
    let variant_docs = e
        .variants
        .iter()
        .map(|v| match &v.value {
            EnumValue::String(s) => format!(" `{s}`"),
            EnumValue::Integer(n) => format!(" `{n}`"),
        })
        .collect();
    // The integer type is named in the call only where it is not the usual `i64`.
    let (held, implement, typed) = match (e.repr, e.integer_type()) {
        (EnumRepr::String, _) => (std.string(), "string_enum", None),
        (EnumRepr::Integer, IntegerType::I64) => (quote!(i64), "integer_enum", None),
        (EnumRepr::Integer, IntegerType::U64) => (quote!(u64), "integer_enum", Some(quote!(u64))),
        (EnumRepr::Integer, IntegerType::I128) => {
            (quote!(i128), "integer_enum", Some(quote!(i128)))
        }
    };
    let items = variants
        .iter()
        .zip(&values)
        .map(|(variant, value)| ListItem {
            words: quote!(#variant => #value),
            ty: None,
        })
        .collect();
    let call = ListCall {
        path: support::macro_path(implement),
        head: name.clone(),
        head_type: typed,
        items,
        tail: Some(ListItem {
            words: quote!(#other),
            ty: None,
        }),
    };
    EnumParts {
        name,
        variants,
        variant_docs,
        other,
        held,
        call,
    }
}
