//! Files whose syntax tree is built directly rather than parsed back from emitted tokens: type
//! aliases, plain structs, open enums, requests, responses and response headers (most of the
//! files of a large spec), and the modules' `mod.rs`, the largest. Parsing doc attributes and
//! function bodies back from tokens was most of their rendering. Each tree is one that parsing
//! its own tokens gives again, so both print the same text; `codegen/tests/direct_syntax.rs`
//! compares the two on every such file of every test spec.

use super::enums::EnumParts;
use super::model::StructParts;
use super::syntax::{
    attribute, derive, doc_attribute, doc_attributes, enum_item, file_of, named_field, public,
    rust_type, span, struct_item, tuple_variant, type_attributes, type_doc_attributes, type_syntax,
    use_support,
};
use super::{doc_lines, ident, FileJob, ListCall, Std};
use crate::ir::{Named, TypeKind, TypeSpace};
use quote::quote;

/// A file built as a syntax tree, with the support macro calls printed after it.
pub struct DirectFile {
    pub path: String,
    pub syntax: syn::File,
    pub calls: Vec<ListCall>,
}

/// The file of `job` as a syntax tree: a type's file (an alias, a struct, an open enum, a
/// request, a response, response headers, a union), a module's `mod.rs` or the example tests;
/// `None` for any other file (`lib.rs`, servers, security, tuples, file parts, newtypes),
/// which takes the plain path: its tokens, parsed.
pub fn file(space: &TypeSpace, job: FileJob) -> Option<DirectFile> {
    let (id, request) = match job {
        FileJob::Type { id, request } => (id, request),
        FileJob::Layout { index, .. } => return module_file(space, index),
        FileJob::Examples { left_out } => {
            return Some(DirectFile {
                path: super::EXAMPLES_PATH.to_owned(),
                syntax: super::examples::file(space, left_out),
                calls: Vec::new(),
            })
        }
        _ => return None,
    };
    let def = space.named(id);
    match &def.kind {
        TypeKind::Alias(target) => {
            // An alias of a format's type names the support module, which the printed form
            // holds.
            if def.mentions_text() {
                return None;
            }
            let std = Std::for_type(def.name);
            let ty = rust_type(space, target, def.module, std);
            let item = syn::ItemType {
                attrs: type_doc_attributes(def),
                vis: public(),
                type_token: syn::token::Type(span()),
                ident: ident(def.name),
                generics: syn::Generics::default(),
                eq_token: syn::token::Eq(span()),
                ty: Box::new(ty),
                semi_token: syn::token::Semi(span()),
            };
            Some(DirectFile {
                path: super::type_file_path(def),
                syntax: file_of(vec![syn::Item::Type(item)]),
                calls: Vec::new(),
            })
        }
        TypeKind::Struct(s) => {
            let parts = super::model::struct_parts(space, def, s, space.derives_default(id));
            let mut file = struct_file(space, def, parts)?;
            // A body that is its request carries the request's impl.
            if let Some(request) = request.map(|r| space.named(r)) {
                if let TypeKind::Request(r) = &request.kind {
                    let std = Std::for_type(def.name);
                    let item = super::operation::own_body_impl(space, request, r, std);
                    file.syntax.items.push(item);
                }
            }
            Some(file)
        }
        TypeKind::Request(_)
        | TypeKind::Union(_)
        | TypeKind::Response(_)
        | TypeKind::Headers(_) => Some(items_file(def, super::model::tree_items(space, id)?)),
        TypeKind::Enum(e) => {
            let parts = super::enums::parts(def, e, Std::for_type(def.name));
            enum_file(space, def, parts)
        }
        _ => None,
    }
}

/// A module's `mod.rs`: `mod file;` and `pub use self::file::Type;` a type, each under the
/// type's tag gate.
fn module_file(space: &TypeSpace, index: usize) -> Option<DirectFile> {
    let parts = super::layout::module_parts(space, index)?;
    let mut items = Vec::with_capacity(2 * parts.entries.len());
    for (file, name, id) in &parts.entries {
        let predicate = super::features::type_cfg_predicate(space, *id);
        // Attributes are not `Clone` in the features of `syn` used here: one each.
        let gate = || -> Vec<syn::Attribute> {
            predicate
                .iter()
                .map(|predicate| attribute("cfg", predicate.clone()))
                .collect()
        };
        let file = ident(file);
        items.push(syn::Item::Mod(syn::ItemMod {
            attrs: gate(),
            vis: syn::Visibility::Inherited,
            unsafety: None,
            mod_token: syn::token::Mod(span()),
            ident: file.clone(),
            content: None,
            semi: Some(syn::token::Semi(span())),
        }));
        let path = |ident, tree| {
            syn::UseTree::Path(syn::UsePath {
                ident,
                colon2_token: syn::token::PathSep(span()),
                tree: Box::new(tree),
            })
        };
        let name = syn::UseTree::Name(syn::UseName { ident: ident(name) });
        items.push(syn::Item::Use(syn::ItemUse {
            attrs: gate(),
            vis: public(),
            use_token: syn::token::Use(span()),
            leading_colon: None,
            tree: path(ident("self"), path(file, name)),
            semi_token: syn::token::Semi(span()),
        }));
    }
    let doc = syn::Attribute {
        style: syn::AttrStyle::Inner(syn::token::Not(span())),
        ..doc_attribute(syn::Lit::Str(syn::LitStr::new(parts.doc, span())))
    };
    Some(DirectFile {
        path: parts.path,
        syntax: syn::File {
            shebang: None,
            attrs: vec![doc],
            items,
        },
        calls: Vec::new(),
    })
}

/// A type's file of the given items, with no macro calls after them.
fn items_file(def: Named<'_>, items: Vec<syn::Item>) -> DirectFile {
    DirectFile {
        path: super::type_file_path(def),
        syntax: file_of(items),
        calls: Vec::new(),
    }
}

fn enum_file(space: &TypeSpace, def: Named<'_>, parts: EnumParts) -> Option<DirectFile> {
    let mut variants: Vec<syn::Variant> = parts
        .variants
        .iter()
        .zip(&parts.variant_docs)
        .map(|(variant, doc)| {
            let doc = doc_attribute(syn::Lit::Str(syn::LitStr::new(doc, span())));
            tuple_variant(vec![doc], variant.clone(), Vec::new())
        })
        .collect();
    let other_doc = doc_attributes(&[super::enums::OTHER_DOCS.to_owned()]);
    let held = type_syntax(parts.held)?;
    variants.push(tuple_variant(other_doc, parts.other, vec![held]));
    let mut attrs = type_attributes(space, def);
    attrs.push(derive(quote!(Debug, Clone, PartialEq, Eq, Hash)));
    let item = enum_item(attrs, parts.name, variants);
    Some(DirectFile {
        path: super::type_file_path(def),
        syntax: file_of(vec![use_support(), syn::Item::Enum(item)]),
        calls: vec![parts.call],
    })
}

fn struct_file(space: &TypeSpace, def: Named<'_>, parts: StructParts) -> Option<DirectFile> {
    let mut fields = Vec::with_capacity(parts.fields.len() + 1);
    for field in parts.fields {
        let docs = doc_attributes(&doc_lines(field.docs));
        fields.push(named_field(docs, true, field.rust, field.ty));
    }
    if let Some((rust, ty)) = parts.extra {
        let docs = doc_attributes(&super::model::EXTRA_DOCS.map(str::to_owned));
        fields.push(named_field(docs, true, rust, ty));
    }
    let derives = &parts.derives;
    let mut attrs = type_attributes(space, def);
    attrs.push(derive(quote!(#(#derives),*)));
    let item = struct_item(attrs, parts.name, fields);
    Some(DirectFile {
        path: super::type_file_path(def),
        syntax: file_of(vec![use_support(), syn::Item::Struct(item)]),
        calls: parts.calls,
    })
}
