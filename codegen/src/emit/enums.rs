//! Open enums: a unit variant per listed value and a catch-all that keeps any other value, so a
//! server that adds a value does not break clients built against an older spec. The serde impls
//! are written out (rather than derived with `#[serde(other)]`, which drops the value) so that an
//! unknown value serializes back exactly as it came.

use super::{doc_attrs, ident, Std};
use crate::ir::{EnumDef, EnumRepr, EnumValue, TypeDef};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit(def: &TypeDef, e: &EnumDef, std: Std) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let other = ident(&e.other_name);
    let variants: Vec<_> = e.variants.iter().map(|v| ident(&v.rust_name)).collect();
    let values: Vec<TokenStream> = e
        .variants
        .iter()
        .map(|v| match &v.value {
            EnumValue::String(s) => quote!(#s),
            EnumValue::Integer(n) => {
                let lit = Literal::i64_unsuffixed(*n);
                quote!(#lit)
            }
        })
        .collect();
    let variant_docs = e.variants.iter().map(|v| match &v.value {
        EnumValue::String(s) => format!(" `{s}`"),
        EnumValue::Integer(n) => format!(" `{n}`"),
    });
    let (option, string, result, from) =
        (std.option(), std.string(), std.result(), std.convert_from());
    let header = quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    };
    match e.repr {
        EnumRepr::String => quote! {
            #header
            pub enum #name {
                #(#[doc = #variant_docs] #variants,)*
                /// A value the spec does not list, kept exactly as received.
                #other(#string),
            }

            impl #name {
                /// The value as it appears in JSON.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#other(value) => value.as_str(),
                    }
                }

                /// The variant of a value the spec lists, or `None`.
                pub fn known(value: &str) -> #option<Self> {
                    match value {
                        #(#values => #option::Some(Self::#variants),)*
                        _ => #option::None,
                    }
                }
            }

            impl #from<&str> for #name {
                fn from(value: &str) -> Self {
                    Self::known(value).unwrap_or_else(|| Self::#other(value.to_owned()))
                }
            }

            impl #from<#string> for #name {
                fn from(value: #string) -> Self {
                    Self::known(&value).unwrap_or(Self::#other(value))
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                    let value = <#string as ::serde::Deserialize>::deserialize(deserializer)?;
                    #result::Ok(Self::from(value))
                }
            }
        },
        EnumRepr::Integer => quote! {
            #header
            pub enum #name {
                #(#[doc = #variant_docs] #variants,)*
                /// A value the spec does not list, kept exactly as received.
                #other(i64),
            }

            impl #name {
                /// The value as it appears in JSON.
                pub fn value(&self) -> i64 {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#other(value) => *value,
                    }
                }

                /// The variant of a value the spec lists, or `None`.
                pub fn known(value: i64) -> #option<Self> {
                    match value {
                        #(#values => #option::Some(Self::#variants),)*
                        _ => #option::None,
                    }
                }
            }

            impl #from<i64> for #name {
                fn from(value: i64) -> Self {
                    Self::known(value).unwrap_or(Self::#other(value))
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::fmt::Display::fmt(&self.value(), f)
                }
            }

            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                    serializer.serialize_i64(self.value())
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                    let value = <i64 as ::serde::Deserialize>::deserialize(deserializer)?;
                    #result::Ok(Self::from(value))
                }
            }
        },
    }
}
