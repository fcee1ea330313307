//! Builders of types: the Rust type of an IR type reference ([`rust_type`], and its tokens,
//! [`type_tokens`]), and the few fixed types the impls name.

use super::{path, span};
use crate::emit::{named_path, Std};
use crate::ir::{Module, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use syn::punctuated::Punctuated;
use syn::{token, Type};

/// The Rust type for a reference, as seen from a type in `from`. Sibling types are named
/// through `super`, so the crate also works when mounted as a module of another crate.
pub(in crate::emit) fn rust_type(space: &TypeSpace, ty: &TypeRef, from: Module, std: Std) -> Type {
    let inner = |ty| rust_type(space, ty, from, std);
    match ty {
        TypeRef::String => prelude_type(std, STRING, Vec::new()),
        TypeRef::Text(format) => path_type(path(&["support", format.type_name()], false)),
        TypeRef::External(path) => {
            syn::parse_str(path).expect("a replacing type checked as a type")
        }
        TypeRef::Strict(strict) => syn::parse_str(strict.type_path()).expect("a fixed type"),
        TypeRef::I32 => word_type("i32"),
        TypeRef::I64 => word_type("i64"),
        TypeRef::U32 => word_type("u32"),
        TypeRef::U64 => word_type("u64"),
        TypeRef::F64 => word_type("f64"),
        TypeRef::Bool => word_type("bool"),
        TypeRef::Json => path_type(path(&["serde_json", "Value"], true)),
        TypeRef::Bytes => prelude_type(std, VEC, vec![word_type("u8")]),
        TypeRef::Vec(item) => prelude_type(std, VEC, vec![inner(item)]),
        TypeRef::Map(value) => generic_type(
            path(&["indexmap", "IndexMap"], true),
            vec![prelude_type(std, STRING, Vec::new()), inner(value)],
        ),
        TypeRef::Nullable(item) => prelude_type(std, OPTION, vec![inner(item)]),
        TypeRef::Boxed(item) => prelude_type(std, BOX, vec![inner(item)]),
        TypeRef::Named(id) => path_type(syn::Path {
            leading_colon: None,
            segments: named_path(space, *id, from)
                .into_iter()
                .map(syn::PathSegment::from)
                .collect(),
        }),
    }
}

/// [`rust_type`] as tokens, for the emitters that write tokens.
pub(crate) fn type_tokens(space: &TypeSpace, ty: &TypeRef, from: Module, std: Std) -> TokenStream {
    quote::ToTokens::into_token_stream(rust_type(space, ty, from, std))
}

/// A type named by a path.
pub(in crate::emit) fn path_type(path: syn::Path) -> Type {
    Type::Path(syn::TypePath { qself: None, path })
}

/// `path<args>`: the path's last segment takes the arguments.
pub(in crate::emit) fn generic_type(path: syn::Path, args: Vec<Type>) -> Type {
    let args = args.into_iter().map(syn::GenericArgument::Type).collect();
    path_type(with_arguments(path, args, false))
}

/// `path<args>`, or `path::<args>` where `turbofish` (a function named with its arguments):
/// the path's last segment takes the arguments.
pub(in crate::emit) fn with_arguments(
    mut path: syn::Path,
    args: Vec<syn::GenericArgument>,
    turbofish: bool,
) -> syn::Path {
    let last = path.segments.last_mut().expect("a path has a segment");
    last.arguments = syn::PathArguments::AngleBracketed(syn::AngleBracketedGenericArguments {
        colon2_token: turbofish.then(|| token::PathSep(span())),
        lt_token: token::Lt(span()),
        args: args.into_iter().collect(),
        gt_token: token::Gt(span()),
    });
    path
}

/// `&inner`, or `&'static inner`.
pub(in crate::emit) fn reference_type(inner: Type, is_static: bool) -> Type {
    Type::Reference(syn::TypeReference {
        and_token: token::And(span()),
        lifetime: is_static.then(|| syn::Lifetime::new("'static", span())),
        mutability: None,
        elem: Box::new(inner),
    })
}

/// `[inner]`.
pub(in crate::emit) fn slice_type(inner: Type) -> Type {
    Type::Slice(syn::TypeSlice {
        bracket_token: token::Bracket(span()),
        elem: Box::new(inner),
    })
}

/// `(a, b)`.
pub(in crate::emit) fn tuple_type(elems: Vec<Type>) -> Type {
    Type::Tuple(syn::TypeTuple {
        paren_token: token::Paren(span()),
        elems: elems.into_iter().collect(),
    })
}

/// `dyn path`.
pub(in crate::emit) fn dyn_type(path: syn::Path) -> Type {
    let mut bounds = Punctuated::new();
    bounds.push(syn::TypeParamBound::Trait(syn::TraitBound {
        paren_token: None,
        modifier: syn::TraitBoundModifier::None,
        lifetimes: None,
        path,
    }));
    Type::TraitObject(syn::TypeTraitObject {
        dyn_token: Some(token::Dyn(span())),
        bounds,
    })
}

/// A one-word type: `u16`, `str`, `Self`.
pub(in crate::emit) fn word_type(word: &str) -> Type {
    path_type(path(&[word], false))
}

/// A prelude type as `std` spells it in this file, with its arguments: `Vec<u8>`.
pub(in crate::emit) fn prelude_type(std: crate::emit::Std, full: &[&str], args: Vec<Type>) -> Type {
    let path = super::prelude(std, full);
    if args.is_empty() {
        path_type(path)
    } else {
        generic_type(path, args)
    }
}

pub(in crate::emit) const STRING: &[&str] = &["std", "string", "String"];
pub(in crate::emit) const VEC: &[&str] = &["std", "vec", "Vec"];
pub(in crate::emit) const OPTION: &[&str] = &["std", "option", "Option"];
pub(in crate::emit) const RESULT: &[&str] = &["std", "result", "Result"];
pub(in crate::emit) const BOX: &[&str] = &["std", "boxed", "Box"];
