//! Builders of types and impls: the signatures, constants and associated types of the impls
//! of requests, responses and response headers, which are the same few shapes in every file.

use super::{path, span};
use crate::emit::ident;
use proc_macro2::Ident;
use syn::punctuated::Punctuated;
use syn::{token, Expr, ImplItem, Stmt, Type};

/// A type named by a path.
pub(in crate::emit) fn path_type(path: syn::Path) -> Type {
    Type::Path(syn::TypePath { qself: None, path })
}

/// `path<args>`: the path's last segment takes the arguments.
pub(in crate::emit) fn generic_type(mut path: syn::Path, args: Vec<Type>) -> Type {
    let last = path.segments.last_mut().expect("a path has a segment");
    last.arguments = syn::PathArguments::AngleBracketed(syn::AngleBracketedGenericArguments {
        colon2_token: None,
        lt_token: token::Lt(span()),
        args: args.into_iter().map(syn::GenericArgument::Type).collect(),
        gt_token: token::Gt(span()),
    });
    path_type(path)
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

/// `impl path for name { items }`, or `impl name { items }` without a trait.
pub(in crate::emit) fn impl_item(
    trait_: Option<syn::Path>,
    name: Ident,
    items: Vec<ImplItem>,
) -> syn::Item {
    syn::Item::Impl(syn::ItemImpl {
        attrs: Vec::new(),
        defaultness: None,
        unsafety: None,
        impl_token: token::Impl(span()),
        generics: syn::Generics::default(),
        trait_: trait_.map(|path| (None, path, token::For(span()))),
        self_ty: Box::new(path_type(syn::Path::from(name))),
        brace_token: token::Brace(span()),
        items,
    })
}

/// `const NAME: ty = value;`.
pub(in crate::emit) fn const_item(name: &str, ty: Type, value: Expr) -> ImplItem {
    ImplItem::Const(syn::ImplItemConst {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        defaultness: None,
        const_token: token::Const(span()),
        ident: ident(name),
        generics: syn::Generics::default(),
        colon_token: token::Colon(span()),
        ty,
        eq_token: token::Eq(span()),
        expr: value,
        semi_token: token::Semi(span()),
    })
}

/// `type Name = ty;`.
pub(in crate::emit) fn type_item(name: &str, ty: Type) -> ImplItem {
    ImplItem::Type(syn::ImplItemType {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        defaultness: None,
        type_token: token::Type(span()),
        ident: ident(name),
        generics: syn::Generics::default(),
        eq_token: token::Eq(span()),
        ty,
        semi_token: token::Semi(span()),
    })
}

/// A function of an impl.
pub(in crate::emit) struct Function {
    pub attrs: Vec<syn::Attribute>,
    pub public: bool,
    pub name: &'static str,
    /// Whether it takes `&self` first.
    pub by_ref: bool,
    pub params: Vec<(Ident, Type)>,
    pub output: Type,
    pub body: Vec<Stmt>,
}

pub(in crate::emit) fn function(f: Function) -> ImplItem {
    let mut inputs = Punctuated::new();
    if f.by_ref {
        inputs.push(syn::FnArg::Receiver(syn::Receiver {
            attrs: Vec::new(),
            reference: Some((token::And(span()), None)),
            mutability: None,
            self_token: token::SelfValue(span()),
            colon_token: None,
            ty: Box::new(reference_type(word_type("Self"), false)),
        }));
    }
    for (name, ty) in f.params {
        inputs.push(syn::FnArg::Typed(syn::PatType {
            attrs: Vec::new(),
            pat: Box::new(syn::Pat::Ident(syn::PatIdent {
                attrs: Vec::new(),
                by_ref: None,
                mutability: None,
                ident: name,
                subpat: None,
            })),
            colon_token: token::Colon(span()),
            ty: Box::new(ty),
        }));
    }
    ImplItem::Fn(syn::ImplItemFn {
        attrs: f.attrs,
        vis: if f.public {
            super::public()
        } else {
            syn::Visibility::Inherited
        },
        defaultness: None,
        sig: syn::Signature {
            constness: None,
            asyncness: None,
            unsafety: None,
            abi: None,
            fn_token: token::Fn(span()),
            ident: ident(f.name),
            generics: syn::Generics::default(),
            paren_token: token::Paren(span()),
            inputs,
            variadic: None,
            output: syn::ReturnType::Type(token::RArrow(span()), Box::new(f.output)),
        },
        block: super::block(f.body),
    })
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

/// `Result<ok, support::error>`.
pub(in crate::emit) fn support_result(std: crate::emit::Std, ok: Type, error: &str) -> Type {
    let error = path_type(path(&["support", error], false));
    prelude_type(std, RESULT, vec![ok, error])
}

/// The parameters `status: u16, headers: &dyn support::Headers` (named as given).
pub(in crate::emit) fn status_and_headers(headers: &str) -> Vec<(Ident, Type)> {
    let headers_type = reference_type(dyn_type(path(&["support", "Headers"], false)), false);
    vec![
        (ident("status"), word_type("u16")),
        (ident(headers), headers_type),
    ]
}
