//! Unions (`oneOf`/`anyOf`): an enum with a variant per alternative and a catch-all that keeps
//! any value no alternative accepts.
//!
//! With a discriminator, the tag picks the variant. Otherwise the value is offered to the
//! alternatives in order of how specifically they fit it: a struct whose required properties
//! are all present and that declares the most of the object's properties; a listed enum value;
//! an integer before a number. The first alternative that accepts it wins; ties keep the
//! spec's order.

use super::{ident, support, type_tokens, Std};
use crate::ir::{Fit, IntegerType, TypeDef, TypeRef, TypeSpace, UnionDef};
use proc_macro2::TokenStream;
use quote::quote;

/// An expression scoring how specifically the alternative `ty` fits `value`, by the rule of
/// [`crate::ir::Fit`] (which the examples pass applies to the spec's examples too).
fn score(space: &TypeSpace, ty: &TypeRef, from: crate::ir::Module, std: Std) -> TokenStream {
    let option = std.option();
    let enum_path = |id| type_tokens(space, &TypeRef::Named(id), from, std);
    match space.fit_of(ty) {
        Fit::Struct { required, known } => {
            let fit: syn::Path =
                syn::parse_str(&format!("{}::fit", support::FROM_TYPE_FILE)).expect("a fixed path");
            quote!(#fit(&value, &[#(#required),*], &[#(#known),*]))
        }
        Fit::StringEnum(id, _) => {
            let path = enum_path(id);
            quote!(value.as_str().and_then(#path::known).map(|_| 3))
        }
        Fit::IntegerEnum(id, e) => {
            let path = enum_path(id);
            match e.integer_type() {
                IntegerType::I64 => quote!(value.as_i64().and_then(#path::known).map(|_| 3)),
                IntegerType::U64 => quote!(value.as_u64().and_then(#path::known).map(|_| 3)),
                IntegerType::I128 => quote!(value
                    .as_i64()
                    .map(i128::from)
                    .or_else(|| value.as_u64().map(i128::from))
                    .and_then(#path::known)
                    .map(|_| 3)),
            }
        }
        Fit::Integer => quote!((value.is_i64() || value.is_u64()).then_some(2)),
        Fit::Number => quote!(value.is_number().then_some(1)),
        Fit::String => quote!(value.is_string().then_some(1)),
        Fit::Boolean => quote!(value.is_boolean().then_some(1)),
        Fit::Array => quote!(value.is_array().then_some(1)),
        Fit::Object => quote!(value.is_object().then_some(0)),
        Fit::Any => quote!(#option::Some(0)),
    }
}

pub fn emit(space: &TypeSpace, def: &TypeDef, u: &UnionDef, std: Std) -> TokenStream {
    let docs = super::type_attrs(space, def);
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
    let all_tagged = u.variants.iter().all(|v| !v.tags.is_empty());
    let by_tag = u.discriminator.as_ref().filter(|_| tagged).map(|property| {
        let arms = u.variants.iter().zip(&names).filter(|(v, _)| !v.tags.is_empty());
        // A discriminator inferred from the alternatives' constants keeps a value its tag's
        // alternative refuses; a written one makes that an error.
        let read = |variant: &proc_macro2::Ident| {
            if u.inferred {
                quote!(#result::Ok(::serde_json::from_value(value.clone()).map(Self::#variant).unwrap_or_else(|_| Self::#other(value))))
            } else {
                quote!(::serde_json::from_value(value).map(Self::#variant).map_err(::serde::de::Error::custom))
            }
        };
        if all_tagged {
            let arms = arms.map(|(v, variant)| {
                let tags = &v.tags;
                let read = read(variant);
                quote! {
                    #(#tags)|* => #read,
                }
            });
            return quote! {
                // The discriminator decides; an unmapped tag is a value this spec does not know.
                if let ::std::option::Option::Some(tag) = value.get(#property).and_then(::serde_json::Value::as_str) {
                    return match tag {
                        #(#arms)*
                        _ => #result::Ok(Self::#other(value)),
                    };
                }
            };
        }
        let arms = arms.map(|(v, variant)| {
            let tags = &v.tags;
            let read = read(variant);
            quote! {
                if matches!(tag, #(#tags)|*) {
                    return #read;
                }
            }
        });
        quote! {
            // A mapped tag decides; any other may belong to an alternative without one, which
            // the value's shape picks below.
            if let ::std::option::Option::Some(tag) = value.get(#property).and_then(::serde_json::Value::as_str) {
                #(#arms)*
            }
        }
    });
    let scores = u.variants.iter().enumerate().map(|(i, v)| {
        let score = score(space, &v.ty, def.module, std);
        quote!((#score, #i))
    });
    let count = u.variants.len();
    let indices = 0..count;
    let use_support = def.mentions_text().then(support::use_item);
    quote! {
        #use_support
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
