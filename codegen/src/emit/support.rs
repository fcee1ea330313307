//! `src/support.rs` of the generated crate: the few helpers the models share, emitted only when
//! some model needs them.

use super::RustFile;
use crate::ir::{TypeKind, TypeRef, TypeSpace};
use quote::quote;

/// The path of the support module as seen from a type file (`src/models/<module>/<type>.rs`).
pub const FROM_TYPE_FILE: &str = "super::super::super::support";

/// What the support module must hold.
pub struct Needs {
    pub nullable: bool,
    pub fit: bool,
}

pub fn needs(space: &TypeSpace) -> Needs {
    let mut needs = Needs {
        nullable: false,
        fit: false,
    };
    for def in &space.types {
        match &def.kind {
            TypeKind::Struct(s) => {
                needs.nullable |= s
                    .fields
                    .iter()
                    .any(|f| !f.required && matches!(f.ty, TypeRef::Nullable(_)));
            }
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

pub fn emit(space: &TypeSpace) -> Option<RustFile> {
    let needs = needs(space);
    if !needs.nullable && !needs.fit {
        return None;
    }
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
    Some(RustFile {
        path: "src/support.rs".to_owned(),
        tokens: quote! {
            //! Helpers shared by the generated models.
            #nullable
            #fit
        },
    })
}
