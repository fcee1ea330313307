//! One type → its file: a struct, an open enum or an alias.

use super::{doc_attrs, ident, type_tokens, Std};
use crate::ir::{EnumDef, StructDef, TypeDef, TypeKind, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit_type(space: &TypeSpace, def: &TypeDef) -> TokenStream {
    let std = Std::for_type(&def.name);
    match &def.kind {
        TypeKind::Struct(s) => emit_struct(space, def, s, std),
        TypeKind::Enum(e) => emit_enum(def, e, std),
        TypeKind::Alias(target) => {
            let docs = doc_attrs(def.docs.as_deref());
            let name = ident(&def.name);
            let target = type_tokens(space, target, def.module, std);
            quote! {
                #docs
                pub type #name = #target;
            }
        }
    }
}

fn emit_struct(space: &TypeSpace, def: &TypeDef, s: &StructDef, std: Std) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let default = s.derive_default.then(|| quote!(Default,));
    let fields = s.fields.iter().map(|field| {
        let docs = doc_attrs(field.docs.as_deref());
        let rust = ident(&field.rust_name);
        let inner = type_tokens(space, &field.ty, def.module, std);
        let mut serde_args = Vec::new();
        if field.rust_name != field.json_name {
            let json = &field.json_name;
            serde_args.push(quote!(rename = #json));
        }
        let ty = if field.required {
            inner
        } else {
            // Absent stays absent: `None` is skipped rather than written as `null`.
            let is_none = std.is_none();
            serde_args.push(quote!(skip_serializing_if = #is_none));
            let option = std.option();
            quote!(#option<#inner>)
        };
        let serde_attr = (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)]));
        quote! {
            #docs
            #serde_attr
            pub #rust: #ty,
        }
    });
    quote! {
        #docs
        // Derive macros live in the macro namespace, which no generated type can shadow.
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #(#fields)*
        }
    }
}

/// An open enum: a unit variant per listed value and a catch-all that keeps any other value,
/// so a server that adds a value does not break clients built against an older spec. Serde
/// impls are written out (rather than derived with `#[serde(other)]`, which drops the value) so
/// that an unknown value serializes back exactly as it came.
fn emit_enum(def: &TypeDef, e: &EnumDef, std: Std) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let other = ident(&e.other_name);
    let variants: Vec<_> = e.variants.iter().map(|v| ident(&v.rust_name)).collect();
    let values: Vec<_> = e.variants.iter().map(|v| v.value.as_str()).collect();
    let variant_docs = values.iter().map(|v| format!(" `{v}`"));
    let (option, string, result, from) =
        (std.option(), std.string(), std.result(), std.convert_from());
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

            fn known(value: &str) -> #option<Self> {
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
    }
}
