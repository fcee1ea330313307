//! Builders of patterns: the arms of the matches of responses and unions, and the bindings
//! of their statements.

use super::{integer, span, string};
use crate::emit::ident;
use syn::{token, Expr, Pat};

/// A binding pattern: `name`.
pub(in crate::emit) fn binding(name: &str) -> Pat {
    binding_of(ident(name), false)
}

/// `name`, or `mut name`: a binding, of a `let` or of a parameter.
pub(in crate::emit) fn binding_of(name: proc_macro2::Ident, mutable: bool) -> Pat {
    Pat::Ident(syn::PatIdent {
        attrs: Vec::new(),
        by_ref: None,
        mutability: mutable.then(|| token::Mut(span())),
        ident: name,
        subpat: None,
    })
}

pub(in crate::emit) fn wild() -> Pat {
    Pat::Wild(syn::PatWild {
        attrs: Vec::new(),
        underscore_token: token::Underscore(span()),
    })
}

fn rest() -> syn::PatRest {
    syn::PatRest {
        attrs: Vec::new(),
        dot2_token: token::DotDot(span()),
    }
}

/// A literal pattern: `200`.
pub(in crate::emit) fn integer_pat(value: u16) -> Pat {
    let Expr::Lit(lit) = integer(value) else {
        unreachable!("an integer is a literal")
    };
    Pat::Lit(lit)
}

/// `path`, a unit variant.
pub(in crate::emit) fn path_pat(path: syn::Path) -> Pat {
    Pat::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// `path(bindings.., ..)`.
pub(in crate::emit) fn variant_rest_pat(path: syn::Path, bindings: &[&str]) -> Pat {
    let mut elems: Vec<Pat> = bindings.iter().map(|b| binding(b)).collect();
    elems.push(Pat::Rest(rest()));
    variant_pat(path, elems)
}

/// `path(elems)`, without a rest.
pub(in crate::emit) fn variant_pat(path: syn::Path, elems: Vec<Pat>) -> Pat {
    Pat::TupleStruct(syn::PatTupleStruct {
        attrs: Vec::new(),
        qself: None,
        path,
        paren_token: token::Paren(span()),
        elems: elems.into_iter().collect(),
    })
}

/// `path { bindings.., .. }`.
pub(in crate::emit) fn struct_rest_pat(path: syn::Path, bindings: &[&str]) -> Pat {
    let fields = bindings
        .iter()
        .map(|name| syn::FieldPat {
            attrs: Vec::new(),
            member: syn::Member::Named(ident(name)),
            colon_token: None,
            pat: Box::new(binding(name)),
        })
        .collect();
    Pat::Struct(syn::PatStruct {
        attrs: Vec::new(),
        qself: None,
        path,
        brace_token: token::Brace(span()),
        fields,
        rest: Some(rest()),
    })
}

/// A string literal pattern.
pub(in crate::emit) fn string_pat(text: &str) -> Pat {
    let Expr::Lit(lit) = string(text) else {
        unreachable!("a string is a literal")
    };
    Pat::Lit(lit)
}

/// `a | b | c`, or the one pattern.
pub(in crate::emit) fn or_pat(mut cases: Vec<Pat>) -> Pat {
    if cases.len() == 1 {
        return cases.pop().expect("one case");
    }
    Pat::Or(syn::PatOr {
        attrs: Vec::new(),
        leading_vert: None,
        cases: cases.into_iter().collect(),
    })
}

/// `(a, b)` as a pattern.
pub(in crate::emit) fn tuple_pat(elems: Vec<Pat>) -> Pat {
    Pat::Tuple(syn::PatTuple {
        attrs: Vec::new(),
        paren_token: token::Paren(span()),
        elems: elems.into_iter().collect(),
    })
}

/// `&pat`.
pub(in crate::emit) fn reference_pat(pat: Pat) -> Pat {
    Pat::Reference(syn::PatReference {
        attrs: Vec::new(),
        and_token: token::And(span()),
        mutability: None,
        pat: Box::new(pat),
    })
}
