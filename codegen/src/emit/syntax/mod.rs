//! Small builders of `syn` trees: the expressions, patterns, statements, types and items the
//! emitters build files of (requests, responses, response headers, unions, the example tests,
//! and the fields of every type), directly instead of written as tokens and parsed back, which
//! was most of the cost of rendering them. Each builder makes the tree `syn` makes of the same
//! code; `codegen/tests/direct_syntax.rs` prints every such file of every test spec both ways
//! and compares the text.

mod impls;
mod items;
mod pats;
mod types;

pub(super) use impls::{
    bounded_generics, const_item, function, generic_impl_item, impl_item, lifetime_generics,
    status_and_headers, support_result, type_item, with_lifetime, Function,
};
pub(super) use items::{
    attribute, declared_field, derive, doc_attribute, doc_attributes, enum_item, file_of,
    inline_attribute, named_field, public, struct_item, struct_variant, tuple_variant,
    type_attributes, type_doc_attributes, type_syntax, use_support, word_attribute,
};
pub(super) use pats::{
    binding, binding_of, integer_pat, or_pat, path_pat, reference_pat, string_pat, struct_rest_pat,
    tuple_pat, variant_pat, variant_rest_pat, wild,
};
pub(crate) use types::type_tokens;
pub(super) use types::{
    generic_type, path_type, prelude_type, reference_type, rust_type, slice_type, tuple_type,
    with_arguments, word_type, OPTION, RESULT, STRING, VEC,
};

use super::{ident, Std};
use proc_macro2::{Ident, Span, TokenStream};
use syn::punctuated::Punctuated;
use syn::{token, Expr, Pat, Stmt};

pub(super) fn span() -> Span {
    Span::call_site()
}

/// A path of idents, `::`-led where `leading`.
pub(super) fn path(segments: &[&str], leading: bool) -> syn::Path {
    let mut punctuated = Punctuated::new();
    for segment in segments {
        punctuated.push(syn::PathSegment::from(ident(segment)));
    }
    syn::Path {
        leading_colon: leading.then(|| token::PathSep(span())),
        segments: punctuated,
    }
}

/// `Self::variant`.
pub(super) fn self_variant(variant: &Ident) -> syn::Path {
    let mut path = path(&["Self"], false);
    path.segments.push(syn::PathSegment::from(variant.clone()));
    path
}

/// A prelude item as `std` spells it in this file: `Ok`, or `::std::result::Result::Ok`
/// where a type of the file's own name shadows the prelude.
pub(super) fn prelude(std: Std, full: &[&str]) -> syn::Path {
    if std.is_full() {
        path(full, true)
    } else {
        path(&full[full.len() - 1..], false)
    }
}

pub(super) fn ok(std: Std) -> Expr {
    path_expr(prelude(std, &["std", "result", "Result", "Ok"]))
}

pub(super) fn some(std: Std) -> Expr {
    path_expr(prelude(std, &["std", "option", "Option", "Some"]))
}

pub(super) fn none(std: Std) -> Expr {
    path_expr(prelude(std, &["std", "option", "Option", "None"]))
}

/// `Vec::new()`, `String::new()`: the `new` of a prelude type.
pub(super) fn new_of(std: Std, full: &[&str]) -> Expr {
    let mut path = prelude(std, full);
    path.segments.push(syn::PathSegment::from(ident("new")));
    call(path_expr(path), [])
}

pub(super) fn path_expr(path: syn::Path) -> Expr {
    Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// A local variable or a parameter.
pub(super) fn var(name: &str) -> Expr {
    path_expr(path(&[name], false))
}

/// `support::name`.
pub(super) fn support(name: &str) -> Expr {
    path_expr(path(&["support", name], false))
}

pub(super) fn literal(lit: syn::Lit) -> Expr {
    Expr::Lit(syn::ExprLit {
        attrs: Vec::new(),
        lit,
    })
}

pub(super) fn string(text: &str) -> Expr {
    literal(syn::Lit::Str(syn::LitStr::new(text, span())))
}

pub(super) fn character(c: char) -> Expr {
    literal(syn::Lit::Char(syn::LitChar::new(c, span())))
}

pub(super) fn boolean(value: bool) -> Expr {
    literal(syn::Lit::Bool(syn::LitBool::new(value, span())))
}

/// An unsuffixed integer.
pub(super) fn integer(value: u16) -> Expr {
    literal(syn::Lit::Int(syn::LitInt::new(&value.to_string(), span())))
}

pub(super) fn call(func: Expr, args: impl IntoIterator<Item = Expr>) -> Expr {
    Expr::Call(syn::ExprCall {
        attrs: Vec::new(),
        func: Box::new(func),
        paren_token: token::Paren(span()),
        args: args.into_iter().collect(),
    })
}

/// `[elems]`.
pub(super) fn array(elems: Vec<Expr>) -> Expr {
    Expr::Array(syn::ExprArray {
        attrs: Vec::new(),
        bracket_token: token::Bracket(span()),
        elems: elems.into_iter().collect(),
    })
}

/// `receiver.name(args)`.
pub(super) fn method(receiver: Expr, name: &str, args: impl IntoIterator<Item = Expr>) -> Expr {
    Expr::MethodCall(syn::ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: token::Dot(span()),
        method: ident(name),
        turbofish: None,
        paren_token: token::Paren(span()),
        args: args.into_iter().collect(),
    })
}

/// `&expr`, or `&mut expr`.
pub(super) fn reference(expr: Expr, mutable: bool) -> Expr {
    Expr::Reference(syn::ExprReference {
        attrs: Vec::new(),
        and_token: token::And(span()),
        mutability: mutable.then(|| token::Mut(span())),
        expr: Box::new(expr),
    })
}

/// `base.name`.
pub(super) fn field(base: Expr, name: &Ident) -> Expr {
    Expr::Field(syn::ExprField {
        attrs: Vec::new(),
        base: Box::new(base),
        dot_token: token::Dot(span()),
        member: syn::Member::Named(name.clone()),
    })
}

/// `self.name`.
pub(super) fn self_field(name: &Ident) -> Expr {
    field(var("self"), name)
}

/// `expr?`.
pub(super) fn try_(expr: Expr) -> Expr {
    Expr::Try(syn::ExprTry {
        attrs: Vec::new(),
        expr: Box::new(expr),
        question_token: token::Question(span()),
    })
}

/// `*expr`.
pub(super) fn deref(expr: Expr) -> Expr {
    Expr::Unary(syn::ExprUnary {
        attrs: Vec::new(),
        op: syn::UnOp::Deref(token::Star(span())),
        expr: Box::new(expr),
    })
}

pub(super) fn binary(left: Expr, op: syn::BinOp, right: Expr) -> Expr {
    Expr::Binary(syn::ExprBinary {
        attrs: Vec::new(),
        left: Box::new(left),
        op,
        right: Box::new(right),
    })
}

/// `|params| body`.
pub(super) fn closure(params: Vec<Pat>, body: Expr) -> Expr {
    let inputs = params.into_iter().collect();
    Expr::Closure(syn::ExprClosure {
        attrs: Vec::new(),
        lifetimes: None,
        constness: None,
        movability: None,
        asyncness: None,
        capture: None,
        or1_token: token::Or(span()),
        inputs,
        or2_token: token::Or(span()),
        output: syn::ReturnType::Default,
        body: Box::new(body),
    })
}

/// A struct expression: `path { name: value, name }` (a `None` value is the shorthand).
pub(super) fn struct_expr(path: syn::Path, fields: Vec<(Ident, Option<Expr>)>) -> Expr {
    let fields = fields
        .into_iter()
        .map(|(name, value)| syn::FieldValue {
            attrs: Vec::new(),
            member: syn::Member::Named(name.clone()),
            colon_token: value.is_some().then(|| token::Colon(span())),
            expr: value.unwrap_or_else(|| path_expr(syn::Path::from(name))),
        })
        .collect();
    Expr::Struct(syn::ExprStruct {
        attrs: Vec::new(),
        qself: None,
        path,
        brace_token: token::Brace(span()),
        fields,
        dot2_token: None,
        rest: None,
    })
}

/// `match scrutinee { arms }`.
pub(super) fn match_(scrutinee: Expr, arms: Vec<syn::Arm>) -> Expr {
    Expr::Match(syn::ExprMatch {
        attrs: Vec::new(),
        match_token: token::Match(span()),
        expr: Box::new(scrutinee),
        brace_token: token::Brace(span()),
        arms,
    })
}

/// `pat if guard => body,`.
pub(super) fn arm(pat: Pat, guard: Option<Expr>, body: Expr) -> syn::Arm {
    syn::Arm {
        attrs: Vec::new(),
        pat,
        guard: guard.map(|guard| (token::If(span()), Box::new(guard))),
        fat_arrow_token: token::FatArrow(span()),
        body: Box::new(body),
        comma: Some(token::Comma(span())),
    }
}

/// `let name = init;`, `let mut name = init;`.
pub(super) fn let_(name: &str, mutable: bool, init: Expr) -> Stmt {
    local(binding_of(ident(name), mutable), init, None)
}

/// `let pat = init else { diverge };`.
pub(super) fn let_else(pat: Pat, init: Expr, diverge: Vec<Stmt>) -> Stmt {
    local(pat, init, Some(block_expr(diverge)))
}

fn local(pat: Pat, init: Expr, diverge: Option<Expr>) -> Stmt {
    Stmt::Local(syn::Local {
        attrs: Vec::new(),
        let_token: token::Let(span()),
        pat,
        init: Some(syn::LocalInit {
            eq_token: token::Eq(span()),
            expr: Box::new(init),
            diverge: diverge.map(|d| (token::Else(span()), Box::new(d))),
        }),
        semi_token: token::Semi(span()),
    })
}

/// `expr;`.
pub(super) fn semi(expr: Expr) -> Stmt {
    Stmt::Expr(expr, Some(token::Semi(span())))
}

/// The value of a block: `expr` without a semicolon.
pub(super) fn tail(expr: Expr) -> Stmt {
    Stmt::Expr(expr, None)
}

/// `return expr`.
pub(super) fn return_(expr: Expr) -> Expr {
    Expr::Return(syn::ExprReturn {
        attrs: Vec::new(),
        return_token: token::Return(span()),
        expr: Some(Box::new(expr)),
    })
}

pub(super) fn block(stmts: Vec<Stmt>) -> syn::Block {
    syn::Block {
        brace_token: token::Brace(span()),
        stmts,
    }
}

fn block_expr(stmts: Vec<Stmt>) -> Expr {
    Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: block(stmts),
    })
}

/// `for pat in expr { body }`, as a statement.
pub(super) fn for_loop(pat: Pat, expr: Expr, body: Vec<Stmt>) -> Stmt {
    Stmt::Expr(
        Expr::ForLoop(syn::ExprForLoop {
            attrs: Vec::new(),
            label: None,
            for_token: token::For(span()),
            pat: Box::new(pat),
            in_token: token::In(span()),
            expr: Box::new(expr),
            body: block(body),
        }),
        None,
    )
}

/// A small piece parsed from its tokens (a type, a signature): short, so cheap beside the
/// bodies built here. The tokens come from the emitters, so a failure is a bug.
pub(super) fn parse<T: syn::parse::Parse>(tokens: TokenStream) -> T {
    syn::parse2(tokens).expect("emitted tokens parse")
}

/// An integer with the `usize` suffix, as `quote` writes a `usize`.
pub(super) fn usize_literal(value: usize) -> Expr {
    literal(syn::Lit::Int(syn::LitInt::new(
        &format!("{value}usize"),
        span(),
    )))
}

/// `(expr)`.
pub(super) fn paren(expr: Expr) -> Expr {
    Expr::Paren(syn::ExprParen {
        attrs: Vec::new(),
        paren_token: token::Paren(span()),
        expr: Box::new(expr),
    })
}

/// `(a, b)`.
pub(super) fn tuple(elems: Vec<Expr>) -> Expr {
    Expr::Tuple(syn::ExprTuple {
        attrs: Vec::new(),
        paren_token: token::Paren(span()),
        elems: elems.into_iter().collect(),
    })
}

/// `if cond { then }`, as a statement; `if let pat = expr` where `cond` is [`let_expr`].
pub(super) fn if_(cond: Expr, then: Vec<Stmt>) -> Stmt {
    Stmt::Expr(
        Expr::If(syn::ExprIf {
            attrs: Vec::new(),
            if_token: token::If(span()),
            cond: Box::new(cond),
            then_branch: block(then),
            else_branch: None,
        }),
        None,
    )
}

/// `let pat = expr`, the condition of an `if let`.
pub(super) fn let_expr(pat: Pat, expr: Expr) -> Expr {
    Expr::Let(syn::ExprLet {
        attrs: Vec::new(),
        let_token: token::Let(span()),
        pat: Box::new(pat),
        eq_token: token::Eq(span()),
        expr: Box::new(expr),
    })
}

pub(super) fn break_() -> Expr {
    Expr::Break(syn::ExprBreak {
        attrs: Vec::new(),
        break_token: token::Break(span()),
        label: None,
        expr: None,
    })
}

pub(super) fn continue_() -> Expr {
    Expr::Continue(syn::ExprContinue {
        attrs: Vec::new(),
        continue_token: token::Continue(span()),
        label: None,
    })
}

/// `path!(tokens)`.
pub(super) fn macro_call(name: &str, tokens: TokenStream) -> Expr {
    Expr::Macro(syn::ExprMacro {
        attrs: Vec::new(),
        mac: syn::Macro {
            path: path(&[name], false),
            bang_token: token::Not(span()),
            delimiter: syn::MacroDelimiter::Paren(token::Paren(span())),
            tokens,
        },
    })
}

/// `<ty as trait_>::name`: a function of a trait, for a type.
pub(super) fn qualified(ty: syn::Type, trait_: syn::Path, name: &str) -> Expr {
    let position = trait_.segments.len();
    let mut path = trait_;
    path.segments.push(syn::PathSegment::from(ident(name)));
    Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: Some(syn::QSelf {
            lt_token: token::Lt(span()),
            ty: Box::new(ty),
            position,
            as_token: Some(token::As(span())),
            gt_token: token::Gt(span()),
        }),
        path,
    })
}

/// `let mut name: ty = init;` (`mut` where `mutable`).
pub(super) fn let_typed(name: &str, mutable: bool, ty: syn::Type, init: Expr) -> Stmt {
    let pat = Pat::Type(syn::PatType {
        attrs: Vec::new(),
        pat: Box::new(binding_of(ident(name), mutable)),
        colon_token: token::Colon(span()),
        ty: Box::new(ty),
    });
    local(pat, init, None)
}
