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
    let default = s.derive_default.then(|| quote!(, Default));
    let option = std.option();
    let mut properties = Vec::new();
    let fields = s.fields.iter().map(|field| {
        let docs = doc_attrs(field.docs.as_deref());
        let rust = ident(&field.rust_name);
        let inner = type_tokens(space, &field.ty, def.module, std);
        let nullable = matches!(field.ty, TypeRef::Nullable(_));
        // How the property is read and written: see `object_serde!` in the support module.
        let kind = match (field.required, nullable) {
            (true, false) => "required",
            (true, true) => "required_nullable",
            (false, false) => "optional",
            (false, true) => "nullable",
        };
        let kind = ident(kind);
        let json = &field.json_name;
        let ty = if field.required {
            inner
        } else {
            // `None` is absent; for a nullable property, `Some(None)` is an explicit `null`.
            quote!(#option<#inner>)
        };
        properties.push(quote!(#kind #json => #rust,));
        quote! {
            #docs
            pub #rust: #ty,
        }
    });
    let fields: Vec<TokenStream> = fields.collect();
    let extra_field = s.extra.as_ref().map(|extra| {
        let rust = ident(&extra.rust_name);
        let value = type_tokens(space, &extra.ty, def.module, std);
        let string = std.string();
        quote! {
            /// Properties the spec does not declare, kept so that a read-modify-write round trip
            /// loses nothing.
            pub #rust: ::indexmap::IndexMap<#string, #value>,
        }
    });
    let extra = s.extra.as_ref().map(|extra| {
        let rust = ident(&extra.rust_name);
        quote!(+ #rust)
    });
    let object_serde: syn::Path =
        syn::parse_str(&format!("{}::object_serde", support::FROM_TYPE_FILE))
            .expect("a fixed path");
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq #default)]
        pub struct #name {
            #(#fields)*
            #extra_field
        }
        #object_serde!(#name { #(#properties)* } #extra);
    }
}
