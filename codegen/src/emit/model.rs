//! One type → its file: a struct, an alias or a newtype; enums and unions have modules of
//! their own.

use super::syntax::{prelude_type, rust_type, OPTION};
use super::{doc_attrs, ident, raw_string, support, type_tokens, ListCall, ListItem, Std};
use crate::ir::{Named, StructDef, TupleDef, TypeId, TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// A type's tokens, and the support macro calls that follow them (for a struct).
pub fn emit_type(space: &TypeSpace, id: TypeId) -> (TokenStream, Vec<ListCall>) {
    let def = space.named(id);
    let default = space.derives_default(id);
    let std = Std::for_type(def.name);
    let docs = super::type_attrs(space, def);
    let name = ident(def.name);
    let tokens = match &def.kind {
        TypeKind::Struct(s) => return emit_struct(space, def, s, default),
        TypeKind::Tuple(t) => return emit_tuple(space, def, t, std),
        TypeKind::FilePart => return emit_file_part(space, def, std),
        TypeKind::Enum(e) => return super::enums::emit(space, def, e, std),
        TypeKind::Request(_)
        | TypeKind::Response(_)
        | TypeKind::Headers(_)
        | TypeKind::Union(_) => {
            let items = tree_items(space, id).expect("a kind built as a tree");
            quote!(#(#items)*)
        }
        TypeKind::Alias(target) => {
            let target = type_tokens(space, target, def.module, std);
            let use_support = def.mentions_text().then(support::use_item);
            quote! {
                #use_support
                #docs
                pub type #name = #target;
            }
        }
        TypeKind::Newtype(target) => {
            let target = type_tokens(space, target, def.module, std);
            let use_support = def.mentions_text().then(support::use_item);
            quote! {
                #use_support
                #docs
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
                #[serde(transparent)]
                pub struct #name(pub #target);
            }
        }
    };
    (tokens, Vec::new())
}

/// The items of the file of a request, a response, response headers or a union, which are
/// built only as syntax trees (their tokens, where wanted, are the trees'); `None` for any
/// other kind.
pub fn tree_items(space: &TypeSpace, id: TypeId) -> Option<Vec<syn::Item>> {
    let def = space.named(id);
    let std = Std::for_type(def.name);
    Some(match &def.kind {
        TypeKind::Request(r) => {
            super::operation::request_items(space, def, r, space.derives_default(id), std)
        }
        TypeKind::Response(r) => super::response::response_items(space, def, r, std),
        TypeKind::Headers(fields) => super::response::headers_items(space, def, fields, std),
        TypeKind::Union(u) => super::unions::items(space, def, u, std),
        _ => return None,
    })
}

/// The two lines documenting the field that keeps undeclared properties, as doc attributes
/// hold them.
pub const EXTRA_DOCS: [&str; 2] = [
    " Properties the spec does not declare, kept so that a read-modify-write round trip",
    " loses nothing.",
];

/// What a struct's file is made of, for the tokens here and the tree of `emit::direct`.
pub struct StructParts<'a> {
    pub name: proc_macro2::Ident,
    pub derives: Vec<TokenStream>,
    pub fields: Vec<FieldParts<'a>>,
    /// The field that keeps undeclared properties, and its type.
    pub extra: Option<(proc_macro2::Ident, syn::Type)>,
    /// `object_serde!`, and `object_eq!` for a struct too wide to derive `PartialEq`.
    pub calls: Vec<ListCall>,
}

pub struct FieldParts<'a> {
    pub docs: Option<&'a str>,
    pub rust: proc_macro2::Ident,
    pub ty: syn::Type,
}

/// A struct's parts, deriving `Default` where `default` (the derives pass's word) says so.
pub fn struct_parts<'a>(
    space: &TypeSpace,
    def: Named<'_>,
    s: &'a StructDef,
    default: bool,
) -> StructParts<'a> {
    let std = Std::for_type(def.name);
    let name = ident(def.name);
    let mut properties = Vec::new();
    let sends = !space.operations.is_empty();
    let fields: Vec<FieldParts> = s
        .fields
        .iter()
        .zip(def.members.iter())
        .map(|(field, rust)| {
            let rust = ident(rust);
            let inner = rust_type(space, &field.ty, def.module, std);
            let nullable = matches!(field.ty, TypeRef::Nullable(_));
            // How the property is read and written: see `object_serde!` in the support module.
            let kind = match (field.required, nullable) {
                (true, false) => "required",
                (true, true) => "required_nullable",
                (false, false) => "optional",
                (false, true) => "nullable",
            };
            // A `readOnly` property is not written in a request body (where there are requests).
            let kind = if field.read_only && sends {
                ident(&format!("{kind}_read_only"))
            } else {
                ident(kind)
            };
            let json = &field.json_name;
            let ty = if field.required {
                inner
            } else {
                // `None` is absent; for a nullable property, `Some(None)` is an explicit `null`.
                prelude_type(std, OPTION, vec![inner])
            };
            properties.push(ListItem {
                words: quote!(#kind #json => #rust),
                ty: Some(ty.to_token_stream()),
            });
            FieldParts {
                docs: field.docs.as_deref(),
                rust,
                ty,
            }
        })
        .collect();
    let extra = s.extra.as_ref().map(|extra| {
        let map = TypeRef::Map(Box::new(extra.ty.clone()));
        (
            ident(&def.members.other),
            rust_type(space, &map, def.module, std),
        )
    });
    let extra_name = extra.as_ref().map(|(rust, _)| rust.clone());
    let support_macro = support::macro_path;
    let mut calls = vec![ListCall {
        path: support_macro("object_serde"),
        head: name.clone(),
        head_type: None,
        items: properties,
        tail: extra_name.as_ref().map(|extra| ListItem {
            words: quote!(+ #extra),
            ty: None,
        }),
    }];
    // A struct too wide for the derived `PartialEq` gets one written a field a statement.
    let partial_eq = if support::derives_no_partial_eq(s) {
        let compared = def.members.iter().map(ident).chain(extra_name);
        calls.push(ListCall {
            path: support_macro("object_eq"),
            head: name.clone(),
            head_type: None,
            items: compared
                .map(|field| ListItem {
                    words: quote!(#field),
                    ty: None,
                })
                .collect(),
            tail: None,
        });
        None
    } else {
        Some(quote!(PartialEq))
    };
    let derives = [
        Some(quote!(Debug)),
        Some(quote!(Clone)),
        partial_eq,
        default.then(|| quote!(Default)),
    ]
    .into_iter()
    .flatten()
    .collect();
    StructParts {
        name,
        derives,
        fields,
        extra,
        calls,
    }
}

/// A struct's tokens and its support macro calls.
fn emit_struct(
    space: &TypeSpace,
    def: Named<'_>,
    s: &StructDef,
    default: bool,
) -> (TokenStream, Vec<ListCall>) {
    let docs = super::type_attrs(space, def);
    let StructParts {
        name,
        derives,
        fields,
        extra,
        calls,
    } = struct_parts(space, def, s, default);
    let fields = fields.iter().map(|field| {
        let docs = doc_attrs(field.docs);
        let (rust, ty) = (&field.rust, &field.ty);
        quote! {
            #docs
            pub #rust: #ty,
        }
    });
    let extra_field = extra.map(|(rust, ty)| {
        let docs = EXTRA_DOCS.map(raw_string);
        quote! {
            #(#[doc = #docs])*
            pub #rust: #ty,
        }
    });
    let use_support = support::use_item();
    let tokens = quote! {
        #use_support
        #docs
        #[derive(#(#derives),*)]
        pub struct #name {
            #(#fields)*
            #extra_field
        }
    };
    (tokens, calls)
}

/// A tuple struct, one field a position and a last one for the items after them, with its
/// serde impls from one call of `tuple_serde!`.
fn emit_tuple(
    space: &TypeSpace,
    def: Named<'_>,
    t: &TupleDef,
    std: Std,
) -> (TokenStream, Vec<ListCall>) {
    let docs = super::type_attrs(space, def);
    let name = ident(def.name);
    let option = std.option();
    let vec = std.vec();
    let mut fields = Vec::new();
    let mut items = Vec::new();
    for (i, item) in t.items.iter().enumerate() {
        let ty = type_tokens(space, item, def.module, std);
        let index = proc_macro2::Literal::usize_unsuffixed(i);
        let (kind, field) = if i < t.required {
            (quote!(required), ty.clone())
        } else {
            (quote!(optional), quote!(#option<#ty>))
        };
        fields.push(quote!(pub #field));
        items.push(ListItem {
            words: quote!(#kind #index),
            ty: Some(ty),
        });
    }
    let tail = t.rest.as_ref().map(|rest| {
        let ty = type_tokens(space, rest, def.module, std);
        fields.push(quote!(pub #vec<#ty>));
        let index = proc_macro2::Literal::usize_unsuffixed(t.items.len());
        ListItem {
            words: quote!(+ #index),
            ty: Some(ty),
        }
    });
    let use_support = support::use_item();
    let tokens = quote! {
        #use_support
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub struct #name(#(#fields),*);
    };
    let call = ListCall {
        path: support::macro_path("tuple_serde"),
        head: name,
        head_type: None,
        items,
        tail,
    };
    (tokens, vec![call])
}

/// A file of a multipart body: its name, media type and bytes, sent as a part with a
/// `filename` (`support::Multipart::file`).
fn emit_file_part(space: &TypeSpace, def: Named<'_>, std: Std) -> (TokenStream, Vec<ListCall>) {
    let docs = super::type_attrs(space, def);
    let name = ident(def.name);
    let string = std.string();
    let option = std.option();
    let vec = std.vec();
    let use_support = support::use_item();
    let tokens = quote! {
        #use_support
        #docs
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            /// The name of the file, sent as the part's `filename`.
            #[serde(rename = "fileName")]
            pub file_name: #string,
            /// The media type of the content (`application/octet-stream` where none is given).
            #[serde(rename = "contentType", default, skip_serializing_if = "::std::option::Option::is_none")]
            pub content_type: #option<#string>,
            /// The bytes of the file.
            pub content: #vec<u8>,
        }
    };
    let call = ListCall {
        path: support::macro_path("file_part"),
        head: name,
        head_type: None,
        items: Vec::new(),
        tail: None,
    };
    (tokens, vec![call])
}
