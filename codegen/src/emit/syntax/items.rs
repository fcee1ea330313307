//! Builders of the items of a file and their parts: attributes, fields, structs, and impls
//! whose bodies are built by the expression builders of the parent module.

use super::{literal, parse, span};
use crate::emit::ident;
use proc_macro2::{Ident, TokenStream};
use syn::punctuated::Punctuated;
use syn::token;

pub(in crate::emit) fn public() -> syn::Visibility {
    syn::Visibility::Public(token::Pub(span()))
}

pub(in crate::emit) fn file_of(items: Vec<syn::Item>) -> syn::File {
    syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    }
}

/// `use super::…::support;`, the path of [`crate::emit::support::FROM_TYPE_FILE`].
pub(in crate::emit) fn use_support() -> syn::Item {
    let mut words = crate::emit::support::FROM_TYPE_FILE.rsplit("::");
    let last = words.next().expect("a path has a last word");
    let mut tree = syn::UseTree::Name(syn::UseName { ident: ident(last) });
    for word in words {
        tree = syn::UseTree::Path(syn::UsePath {
            ident: ident(word),
            colon2_token: token::PathSep(span()),
            tree: Box::new(tree),
        });
    }
    syn::Item::Use(syn::ItemUse {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        use_token: token::Use(span()),
        leading_colon: None,
        tree,
        semi_token: token::Semi(span()),
    })
}

/// A type, parsed from its tokens: types are short, so this is cheap beside the docs.
pub(in crate::emit) fn type_syntax(tokens: TokenStream) -> Option<syn::Type> {
    syn::parse2(tokens).ok()
}

/// `#[derive(…)]` of the given paths.
pub(in crate::emit) fn derive(paths: TokenStream) -> syn::Attribute {
    attribute("derive", paths)
}

/// `#[meta]`.
fn outer_attribute(meta: syn::Meta) -> syn::Attribute {
    syn::Attribute {
        pound_token: token::Pound(span()),
        style: syn::AttrStyle::Outer,
        bracket_token: token::Bracket(span()),
        meta,
    }
}

/// `#[name(tokens)]`.
pub(in crate::emit) fn attribute(name: &str, tokens: TokenStream) -> syn::Attribute {
    outer_attribute(syn::Meta::List(syn::MetaList {
        path: syn::Path::from(ident(name)),
        delimiter: syn::MacroDelimiter::Paren(token::Paren(span())),
        tokens,
    }))
}

/// `#[name]`: `#[test]`, `#[inline]`.
pub(in crate::emit) fn word_attribute(name: &str) -> syn::Attribute {
    outer_attribute(syn::Meta::Path(syn::Path::from(ident(name))))
}

/// `#[inline]`, on the methods of an operation's request, response and response headers.
/// Without it, every one of them is compiled to machine code with the generated crate,
/// along with the serde code of every body it encodes or decodes; with it, a method is
/// compiled in the crate that calls it, so a user's build pays only for the operations it
/// sends (the inline Authlete spec's crate, from scratch: 8.7 s without, 7.1 s with).
pub(in crate::emit) fn inline_attribute() -> syn::Attribute {
    word_attribute("inline")
}

/// A type's doc comment (see [`crate::emit::type_docs`]) as attributes.
pub(in crate::emit) fn type_doc_attributes(def: crate::ir::Named<'_>) -> Vec<syn::Attribute> {
    doc_attributes(&crate::emit::doc_lines(Some(&crate::emit::type_docs(def))))
}

/// What [`crate::emit::type_attrs`] writes, as attributes: the doc comment, then the derives and
/// attributes the configuration adds (parsed: they are short, and were checked when the
/// configuration was read).
pub(in crate::emit) fn type_attributes(
    space: &crate::ir::TypeSpace,
    def: crate::ir::Named<'_>,
) -> Vec<syn::Attribute> {
    let mut attrs = type_doc_attributes(def);
    if space.extras.contains_key(def.name) {
        let extras = crate::emit::tokens::extra_attrs(space, def);
        attrs.extend(parse::<AttributeList>(extras).0);
    }
    attrs
}

/// Outer attributes, as many as there are.
struct AttributeList(Vec<syn::Attribute>);

impl syn::parse::Parse for AttributeList {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        syn::Attribute::parse_outer(input).map(AttributeList)
    }
}

/// `#[doc = "…"]` attributes, one per line, with the literals [`crate::emit::doc_attrs`] writes.
pub(in crate::emit) fn doc_attributes(lines: &[String]) -> Vec<syn::Attribute> {
    lines
        .iter()
        .map(|line| doc_attribute(syn::Lit::new(crate::emit::raw_string(line))))
        .collect()
}

/// `#[doc = lit]`.
pub(in crate::emit) fn doc_attribute(lit: syn::Lit) -> syn::Attribute {
    outer_attribute(syn::Meta::NameValue(syn::MetaNameValue {
        path: syn::Path::from(ident("doc")),
        eq_token: token::Eq(span()),
        value: literal(lit),
    }))
}

/// A field of a struct or of a variant with named fields: docs, `pub` where `public`.
pub(in crate::emit) fn named_field(
    docs: Vec<syn::Attribute>,
    public_: bool,
    name: Ident,
    ty: syn::Type,
) -> syn::Field {
    syn::Field {
        attrs: docs,
        vis: if public_ {
            public()
        } else {
            syn::Visibility::Inherited
        },
        mutability: syn::FieldMutability::None,
        ident: Some(name),
        colon_token: Some(token::Colon(span())),
        ty,
    }
}

/// `pub struct name { fields, }` with its attributes.
pub(in crate::emit) fn struct_item(
    attrs: Vec<syn::Attribute>,
    name: Ident,
    fields: Vec<syn::Field>,
) -> syn::ItemStruct {
    syn::ItemStruct {
        attrs,
        vis: public(),
        struct_token: token::Struct(span()),
        ident: name,
        generics: syn::Generics::default(),
        fields: syn::Fields::Named(named_fields(fields)),
        semi_token: None,
    }
}

/// A field of a tuple variant or struct: its type alone.
fn unnamed_field(ty: syn::Type) -> syn::Field {
    syn::Field {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        mutability: syn::FieldMutability::None,
        ident: None,
        colon_token: None,
        ty,
    }
}

/// `name(types)`, with its attributes (a unit variant where there are no types).
pub(in crate::emit) fn tuple_variant(
    attrs: Vec<syn::Attribute>,
    name: Ident,
    types: Vec<syn::Type>,
) -> syn::Variant {
    let fields = if types.is_empty() {
        syn::Fields::Unit
    } else {
        syn::Fields::Unnamed(syn::FieldsUnnamed {
            paren_token: token::Paren(span()),
            unnamed: types.into_iter().map(unnamed_field).collect(),
        })
    };
    syn::Variant {
        attrs,
        ident: name,
        fields,
        discriminant: None,
    }
}

/// `pub enum name { variants, }` with its attributes.
pub(in crate::emit) fn enum_item(
    attrs: Vec<syn::Attribute>,
    name: Ident,
    variants: Vec<syn::Variant>,
) -> syn::ItemEnum {
    let mut punctuated = Punctuated::new();
    for variant in variants {
        punctuated.push(variant);
        punctuated.push_punct(token::Comma(span()));
    }
    syn::ItemEnum {
        attrs,
        vis: public(),
        enum_token: token::Enum(span()),
        ident: name,
        generics: syn::Generics::default(),
        brace_token: token::Brace(span()),
        variants: punctuated,
    }
}

/// The public field `rust` of a request or of response headers for `field`, of type `ty`
/// (`field`'s own, or what it holds), in an `Option` where it is not required.
pub(in crate::emit) fn declared_field(
    space: &crate::ir::TypeSpace,
    def: crate::ir::Named<'_>,
    field: &crate::ir::Field,
    rust: &str,
    ty: &crate::ir::TypeRef,
    std: crate::emit::Std,
) -> syn::Field {
    let docs = doc_attributes(&crate::emit::doc_lines(field.docs.as_deref()));
    let inner = super::rust_type(space, ty, def.module, std);
    let ty = if field.required {
        inner
    } else {
        super::prelude_type(std, super::OPTION, vec![inner])
    };
    named_field(docs, true, ident(rust), ty)
}

/// `name { fields }`, with its attributes.
pub(in crate::emit) fn struct_variant(
    attrs: Vec<syn::Attribute>,
    name: Ident,
    fields: Vec<syn::Field>,
) -> syn::Variant {
    syn::Variant {
        attrs,
        ident: name,
        fields: syn::Fields::Named(named_fields(fields)),
        discriminant: None,
    }
}

/// `{ fields, }`.
fn named_fields(fields: Vec<syn::Field>) -> syn::FieldsNamed {
    let mut named = Punctuated::new();
    for field in fields {
        named.push(field);
        named.push_punct(token::Comma(span()));
    }
    syn::FieldsNamed {
        brace_token: token::Brace(span()),
        named,
    }
}
