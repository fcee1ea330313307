//! Unions (`oneOf`/`anyOf`): an enum with a variant per alternative and a catch-all that keeps
//! any value no alternative accepts.
//!
//! With a discriminator, the tag picks the variant. Otherwise the value is offered to the
//! alternatives in order of how specifically they fit it: a struct whose required properties
//! are all present and that declares the most of the object's properties; a listed enum value;
//! an integer before a number. The first alternative that accepts it wins; ties keep the
//! spec's order.

use super::{doc_attrs, ident, support, type_tokens, Std};
use crate::ir::{EnumRepr, StructDef, TypeDef, TypeKind, TypeRef, TypeSpace, UnionDef};
use proc_macro2::TokenStream;
use quote::quote;

/// The struct a union alternative is, seen through aliases, boxes and `null`.
pub fn struct_of<'s>(space: &'s TypeSpace, ty: &TypeRef) -> Option<&'s StructDef> {
    match ty {
        TypeRef::Named(id) => match &space.get(*id).kind {
            TypeKind::Struct(s) => Some(s),
            TypeKind::Alias(target) => struct_of(space, target),
            _ => None,
        },
        TypeRef::Boxed(inner) | TypeRef::Nullable(inner) => struct_of(space, inner),
        _ => None,
    }
}

/// An expression scoring how specifically the alternative `ty` fits `value`.
fn score(space: &TypeSpace, ty: &TypeRef, from: crate::ir::Module, std: Std) -> TokenStream {
    let option = std.option();
    let some = |n: usize| quote!(#option::Some(#n));
    if let Some(s) = struct_of(space, ty) {
        let required = s
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.json_name.as_str());
        let known = s.fields.iter().map(|f| f.json_name.as_str());
        let fit: syn::Path =
            syn::parse_str(&format!("{}::fit", support::FROM_TYPE_FILE)).expect("a fixed path");
        return quote!(#fit(&value, &[#(#required),*], &[#(#known),*]));
    }
    match ty {
        TypeRef::Named(id) => match &space.get(*id).kind {
            TypeKind::Enum(e) => {
                let path = type_tokens(space, ty, from, std);
                match e.repr {
                    EnumRepr::String => quote!(value.as_str().and_then(#path::known).map(|_| 3)),
                    EnumRepr::Integer => quote!(value.as_i64().and_then(#path::known).map(|_| 3)),
                }
            }
            TypeKind::Alias(target) => score(space, &target.clone(), from, std),
            _ => some(0),
        },
        TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64 => {
            quote!((value.is_i64() || value.is_u64()).then_some(2))
        }
        TypeRef::F64 => quote!(value.is_number().then_some(1)),
        TypeRef::String => quote!(value.is_string().then_some(1)),
        TypeRef::Bool => quote!(value.is_boolean().then_some(1)),
        TypeRef::Vec(_) => quote!(value.is_array().then_some(1)),
        TypeRef::Map(_) => quote!(value.is_object().then_some(0)),
        TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => score(space, inner, from, std),
        TypeRef::Json => some(0),
    }
}

pub fn emit(space: &TypeSpace, def: &TypeDef, u: &UnionDef, std: Std) -> TokenStream {
    let docs = doc_attrs(Some(&super::type_docs(def)));
    let name = ident(&def.name);
    let other = ident(&u.other_name);
    let result = std.result();
    let names: Vec<_> = u.variants.iter().map(|v| ident(&v.rust_name)).collect();
    let types: Vec<_> = u
        .variants
        .iter()
        .map(|v| type_tokens(space, &v.ty, def.module, std))
        .collect();
    // Without a single mapped tag, the discriminator cannot pick anything: match by shape.
    let tagged = u.variants.iter().any(|v| !v.tags.is_empty());
    let by_tag = u.discriminator.as_ref().filter(|_| tagged).map(|property| {
        let arms = u.variants.iter().zip(&names).filter(|(v, _)| !v.tags.is_empty()).map(|(v, variant)| {
            let tags = &v.tags;
            quote! {
                #(#tags)|* => ::serde_json::from_value(value).map(Self::#variant).map_err(::serde::de::Error::custom),
            }
        });
        quote! {
            // The discriminator decides; an unmapped tag is a value this spec does not know.
            if let ::std::option::Option::Some(tag) = value.get(#property).and_then(::serde_json::Value::as_str) {
                return match tag {
                    #(#arms)*
                    _ => #result::Ok(Self::#other(value)),
                };
            }
        }
    });
    let scores = u.variants.iter().enumerate().map(|(i, v)| {
        let score = score(space, &v.ty, def.module, std);
        quote!((#score, #i))
    });
    let count = u.variants.len();
    let indices = 0..count;
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#names(#types),)*
            /// A value that none of the alternatives accepts, kept exactly as received.
            #other(::serde_json::Value),
        }

        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> #result<__S::Ok, __S::Error> {
                match self {
                    #(Self::#names(value) => ::serde::Serialize::serialize(value, serializer),)*
                    Self::#other(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> #result<Self, __D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                #by_tag
                let mut order: [(::std::option::Option<usize>, usize); #count] = [#(#scores),*];
                order.sort_by_key(|&(score, index)| (::std::cmp::Reverse(score), index));
                for (score, index) in order {
                    if score.is_none() {
                        break;
                    }
                    let parsed = match index {
                        #(#indices => ::serde_json::from_value(value.clone()).map(Self::#names),)*
                        _ => continue,
                    };
                    if let #result::Ok(parsed) = parsed {
                        return #result::Ok(parsed);
                    }
                }
                #result::Ok(Self::#other(value))
            }
        }
    }
}
