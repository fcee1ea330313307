//! One type → its file: a struct, an alias or a newtype; enums and unions have modules of
//! their own.

use super::{doc_attrs, ident, support, type_tokens, Std};
use crate::ir::{StructDef, TypeDef, TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit_type(space: &TypeSpace, def: &TypeDef) -> TokenStream {
    let std = Std::for_type(&def.name);
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    match &def.kind {
        TypeKind::Struct(s) => emit_struct(space, def, s, std),
        TypeKind::Enum(e) => super::enums::emit(def, e, std),
        TypeKind::Union(u) => super::unions::emit(space, def, u, std),
        TypeKind::Alias(target) => {
            let target = type_tokens(space, target, def.module, std);
            quote! {
                #docs
                pub type #name = #target;
            }
        }
        TypeKind::Newtype(target) => {
            let target = type_tokens(space, target, def.module, std);
            quote! {
                #docs
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
                #[serde(transparent)]
                pub struct #name(pub #target);
            }
        }
    }
}

fn emit_struct(space: &TypeSpace, def: &TypeDef, s: &StructDef, std: Std) -> TokenStream {
    let docs = doc_attrs(def.docs.as_deref());
    let name = ident(&def.name);
    let default = s.derive_default.then(|| quote!(Default,));
    let option = std.option();
    let fields = s.fields.iter().map(|field| {
        let docs = doc_attrs(field.docs.as_deref());
        let rust = ident(&field.rust_name);
        let inner = type_tokens(space, &field.ty, def.module, std);
        let mut serde_args = Vec::new();
        if field.rust_name != field.json_name {
            let json = &field.json_name;
            serde_args.push(quote!(rename = #json));
        }
        let ty = match (&field.ty, field.required) {
            (_, true) => inner,
            (TypeRef::Nullable(_), false) => {
                // Absent is `None`, an explicit `null` is `Some(None)`.
                let with = format!("{}::nullable", support::FROM_TYPE_FILE);
                let is_none = std.is_none();
                serde_args.push(quote!(default, skip_serializing_if = #is_none, with = #with));
                quote!(#option<#inner>)
            }
            (_, false) => {
                // Absent stays absent: `None` is skipped rather than written as `null`.
                let is_none = std.is_none();
                serde_args.push(quote!(skip_serializing_if = #is_none));
                quote!(#option<#inner>)
            }
        };
        let serde_attr = (!serde_args.is_empty()).then(|| quote!(#[serde(#(#serde_args),*)]));
        quote! {
            #docs
            #serde_attr
            pub #rust: #ty,
        }
    });
    let extra = s.extra.as_ref().map(|extra| {
        let rust = ident(&extra.rust_name);
        let value = type_tokens(space, &extra.ty, def.module, std);
        let string = std.string();
        quote! {
            /// Properties the spec does not declare, kept so that a read-modify-write round trip
            /// loses nothing.
            #[serde(flatten)]
            pub #rust: ::indexmap::IndexMap<#string, #value>,
        }
    });
    quote! {
        #docs
        // Derive macros live in the macro namespace, which no generated type can shadow.
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #(#fields)*
            #extra
        }
    }
}
