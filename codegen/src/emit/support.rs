//! `src/support.rs` of the generated crate: the few helpers the models share, emitted only when
//! some model needs them.

use super::RustFile;
use crate::ir::{TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// The path of the support module as seen from a type file (`src/models/<module>/<type>.rs`).
pub const FROM_TYPE_FILE: &str = "super::super::super::support";

/// What the support module must hold.
pub struct Needs {
    pub nullable: bool,
    pub fit: bool,
    pub string_enum: bool,
    pub integer_enum: bool,
}

impl Needs {
    pub fn any(&self) -> bool {
        self.nullable || self.fit || self.string_enum || self.integer_enum
    }
}

pub fn needs(space: &TypeSpace) -> Needs {
    let mut needs = Needs {
        nullable: false,
        fit: false,
        string_enum: false,
        integer_enum: false,
    };
    for def in &space.types {
        match &def.kind {
            TypeKind::Struct(s) => {
                needs.nullable |= s
                    .fields
                    .iter()
                    .any(|f| !f.required && matches!(f.ty, TypeRef::Nullable(_)));
            }
            TypeKind::Enum(e) => match e.repr {
                crate::ir::EnumRepr::String => needs.string_enum = true,
                crate::ir::EnumRepr::Integer => needs.integer_enum = true,
            },
            TypeKind::Union(u) => {
                needs.fit |= u
                    .variants
                    .iter()
                    .any(|v| super::unions::struct_of(space, &v.ty).is_some())
            }
            _ => {}
        }
    }
    needs
}

/// The support module; planned only when [`needs`] says it is used.
pub fn emit(space: &TypeSpace) -> RustFile {
    let needs = needs(space);
    let nullable = needs.nullable.then(|| {
        quote! {
            /// Serde adapter for an optional property that may also be `null`: the field is
            /// `Option<Option<T>>`, where `None` is absent and `Some(None)` is an explicit `null`,
            /// so both survive a round trip.
            pub mod nullable {
                pub fn serialize<T, S>(value: &::std::option::Option<::std::option::Option<T>>, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
                where
                    T: ::serde::Serialize,
                    S: ::serde::Serializer,
                {
                    match value {
                        ::std::option::Option::Some(inner) => ::serde::Serialize::serialize(inner, serializer),
                        ::std::option::Option::None => serializer.serialize_none(),
                    }
                }

                pub fn deserialize<'de, T, D>(deserializer: D) -> ::std::result::Result<::std::option::Option<::std::option::Option<T>>, D::Error>
                where
                    T: ::serde::Deserialize<'de>,
                    D: ::serde::Deserializer<'de>,
                {
                    <::std::option::Option<T> as ::serde::Deserialize>::deserialize(deserializer).map(::std::option::Option::Some)
                }
            }
        }
    });
    let fit = needs.fit.then(|| {
        quote! {
            /// How well a JSON value fits a struct alternative of a union: `None` when it is not
            /// an object or lacks a required property, else one more than the number of its
            /// properties the struct declares, so that the most specific alternative wins.
            pub fn fit(value: &::serde_json::Value, required: &[&str], known: &[&str]) -> ::std::option::Option<usize> {
                let object = value.as_object()?;
                if !required.iter().all(|key| object.contains_key(*key)) {
                    return ::std::option::Option::None;
                }
                ::std::option::Option::Some(1 + object.keys().filter(|key| known.contains(&key.as_str())).count())
            }
        }
    });
    let string_enum = needs.string_enum.then(string_enum);
    let integer_enum = needs.integer_enum.then(integer_enum);
    RustFile {
        path: "src/support.rs".to_owned(),
        tokens: quote! {
            //! Helpers shared by the generated models.
            #nullable
            #fit
            #string_enum
            #integer_enum
        },
    }
}

/// The methods and serde impls of an open enum of strings, given the enum, its catch-all
/// variant, and each listed variant with its value.
fn string_enum() -> TokenStream {
    quote! {
        /// Implements an open enum of strings: `as_str`, `known`, `From<&str>`,
        /// `From<String>`, `Display`, `Serialize` and `Deserialize`.
        macro_rules! string_enum {
            ($name:ident, $other:ident, { $($variant:ident => $value:literal,)* }) => {
                impl $name {
                    /// The value as it appears in JSON.
                    pub fn as_str(&self) -> &str {
                        match self {
                            $(Self::$variant => $value,)*
                            Self::$other(value) => value.as_str(),
                        }
                    }

                    /// The variant of a value the spec lists, or `None`.
                    pub fn known(value: &str) -> ::std::option::Option<Self> {
                        match value {
                            $($value => ::std::option::Option::Some(Self::$variant),)*
                            _ => ::std::option::Option::None,
                        }
                    }
                }

                impl ::std::convert::From<&str> for $name {
                    fn from(value: &str) -> Self {
                        Self::known(value).unwrap_or_else(|| Self::$other(value.to_owned()))
                    }
                }

                impl ::std::convert::From<::std::string::String> for $name {
                    fn from(value: ::std::string::String) -> Self {
                        Self::known(&value).unwrap_or(Self::$other(value))
                    }
                }

                impl ::std::fmt::Display for $name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }

                impl ::serde::Serialize for $name {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        serializer.serialize_str(self.as_str())
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for $name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                        ::std::result::Result::Ok(Self::from(value))
                    }
                }
            };
        }
        pub(crate) use string_enum;
    }
}

/// The methods and serde impls of an open enum of integers.
fn integer_enum() -> TokenStream {
    quote! {
        /// Implements an open enum of integers: `value`, `known`, `From<i64>`, `Display`,
        /// `Serialize` and `Deserialize`.
        macro_rules! integer_enum {
            ($name:ident, $other:ident, { $($variant:ident => $value:literal,)* }) => {
                impl $name {
                    /// The value as it appears in JSON.
                    pub fn value(&self) -> i64 {
                        match self {
                            $(Self::$variant => $value,)*
                            Self::$other(value) => *value,
                        }
                    }

                    /// The variant of a value the spec lists, or `None`.
                    pub fn known(value: i64) -> ::std::option::Option<Self> {
                        match value {
                            $($value => ::std::option::Option::Some(Self::$variant),)*
                            _ => ::std::option::Option::None,
                        }
                    }
                }

                impl ::std::convert::From<i64> for $name {
                    fn from(value: i64) -> Self {
                        Self::known(value).unwrap_or(Self::$other(value))
                    }
                }

                impl ::std::fmt::Display for $name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        ::std::fmt::Display::fmt(&self.value(), f)
                    }
                }

                impl ::serde::Serialize for $name {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        serializer.serialize_i64(self.value())
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for $name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        let value = <i64 as ::serde::Deserialize>::deserialize(deserializer)?;
                        ::std::result::Result::Ok(Self::from(value))
                    }
                }
            };
        }
        pub(crate) use integer_enum;
    }
}
