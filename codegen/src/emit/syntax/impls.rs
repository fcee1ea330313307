//! Builders of impls: the signatures, constants and associated types of the impls of
//! requests, responses and response headers, which are the same few shapes in every file.

use super::types::{dyn_type, path_type, prelude_type, reference_type, word_type, RESULT};
use super::{path, span};
use crate::emit::ident;
use proc_macro2::Ident;
use syn::punctuated::Punctuated;
use syn::{token, Expr, ImplItem, Stmt, Type};

/// `impl path for name { items }`, or `impl name { items }` without a trait.
pub(in crate::emit) fn impl_item(
    trait_: Option<syn::Path>,
    name: Ident,
    items: Vec<ImplItem>,
) -> syn::Item {
    generic_impl_item(syn::Generics::default(), trait_, name, items)
}

/// `impl<generics> path for name { items }`.
pub(in crate::emit) fn generic_impl_item(
    generics: syn::Generics,
    trait_: Option<syn::Path>,
    name: Ident,
    items: Vec<ImplItem>,
) -> syn::Item {
    syn::Item::Impl(syn::ItemImpl {
        attrs: Vec::new(),
        defaultness: None,
        unsafety: None,
        impl_token: token::Impl(span()),
        generics,
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
    pub generics: syn::Generics,
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
            pat: Box::new(super::binding_of(name, false)),
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
            generics: f.generics,
            paren_token: token::Paren(span()),
            inputs,
            variadic: None,
            output: syn::ReturnType::Type(token::RArrow(span()), Box::new(f.output)),
        },
        block: super::block(f.body),
    })
}

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

/// `<'name>`.
pub(in crate::emit) fn lifetime_generics(name: &str) -> syn::Generics {
    let param = syn::LifetimeParam::new(syn::Lifetime::new(name, span()));
    generics_of(syn::GenericParam::Lifetime(param))
}

/// `<name: bound>`.
pub(in crate::emit) fn bounded_generics(name: &str, bound: syn::Path) -> syn::Generics {
    let mut bounds = Punctuated::new();
    bounds.push(syn::TypeParamBound::Trait(syn::TraitBound {
        paren_token: None,
        modifier: syn::TraitBoundModifier::None,
        lifetimes: None,
        path: bound,
    }));
    generics_of(syn::GenericParam::Type(syn::TypeParam {
        attrs: Vec::new(),
        ident: ident(name),
        colon_token: Some(token::Colon(span())),
        bounds,
        eq_token: None,
        default: None,
    }))
}

fn generics_of(param: syn::GenericParam) -> syn::Generics {
    syn::Generics {
        lt_token: Some(token::Lt(span())),
        params: std::iter::once(param).collect(),
        gt_token: Some(token::Gt(span())),
        where_clause: None,
    }
}

/// `path<'lifetime>`.
pub(in crate::emit) fn with_lifetime(path: syn::Path, lifetime: &str) -> syn::Path {
    let lifetime = syn::GenericArgument::Lifetime(syn::Lifetime::new(lifetime, span()));
    super::types::with_arguments(path, vec![lifetime], false)
}
