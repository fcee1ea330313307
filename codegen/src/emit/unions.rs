//! Unions (`oneOf`/`anyOf`): an enum with a variant per alternative and a catch-all that keeps
//! any value no alternative accepts.
//!
//! With a discriminator, the tag picks the variant. Otherwise the value is offered to the
//! alternatives in order of how specifically they fit it: a struct whose required properties
//! are all present and that declares the most of the object's properties; a listed enum value;
//! an integer before a number. The first alternative that accepts it wins; ties keep the
//! spec's order.

use super::syntax::{
    arm, array, binary, binding, bounded_generics, break_, call, closure, continue_, derive,
    doc_attributes, enum_item, function, generic_impl_item, if_, integer, let_, let_expr,
    let_typed, lifetime_generics, macro_call, match_, method, or_pat, paren, path, path_expr,
    path_type, prelude, prelude_type, qualified, reference, reference_pat, return_, rust_type,
    self_variant, semi, span, string, string_pat, tail, try_, tuple, tuple_pat, tuple_variant,
    type_attributes, use_support, usize_literal, var, variant_pat, wild, with_lifetime, word_type,
    Function, OPTION, RESULT,
};
use super::{ident, named_path, support, Std};
use crate::ir::{Fit, IntegerType, Named, TypeSpace, UnionDef};
use proc_macro2::Ident;
use quote::quote;
use syn::{BinOp, Expr, Stmt};

/// An expression scoring how specifically the alternative `ty` fits `value`, by the rule of
/// [`crate::ir::Fit`] (which the examples pass applies to the spec's examples too).
fn score(space: &TypeSpace, ty: &crate::ir::TypeRef, from: crate::ir::Module, std: Std) -> Expr {
    let value = || var("value");
    // `Enum::known`, the enum's check of a value it lists.
    let known = |id| {
        let mut path = named_path_of(space, id, from);
        path.segments.push(syn::PathSegment::from(ident("known")));
        path_expr(path)
    };
    let listed = |read: Expr, id| {
        let found = method(read, "and_then", [known(id)]);
        method(found, "map", [closure(vec![wild()], integer(3))])
    };
    let is =
        |test: &str, score: u16| method(method(value(), test, []), "then_some", [integer(score)]);
    match space.fit_of(ty) {
        Fit::Struct { required, known } => {
            let words: Vec<&str> = support::FROM_TYPE_FILE.split("::").chain(["fit"]).collect();
            let names =
                |list: Vec<&str>| reference(array(list.into_iter().map(string).collect()), false);
            let args = [reference(value(), false), names(required), names(known)];
            call(path_expr(path(&words, false)), args)
        }
        Fit::StringEnum(id, _) => listed(method(value(), "as_str", []), id),
        Fit::IntegerEnum(id, e) => match e.integer_type() {
            IntegerType::I64 => listed(method(value(), "as_i64", []), id),
            IntegerType::U64 => listed(method(value(), "as_u64", []), id),
            IntegerType::I128 => {
                let wide = || path_expr(path(&["i128", "from"], false));
                let signed = method(method(value(), "as_i64", []), "map", [wide()]);
                let unsigned = method(method(value(), "as_u64", []), "map", [wide()]);
                listed(
                    method(signed, "or_else", [closure(Vec::new(), unsigned)]),
                    id,
                )
            }
        },
        Fit::Integer => {
            let either = binary(
                method(value(), "is_i64", []),
                BinOp::Or(syn::token::OrOr(span())),
                method(value(), "is_u64", []),
            );
            method(paren(either), "then_some", [integer(2)])
        }
        Fit::Number => is("is_number", 1),
        Fit::String => is("is_string", 1),
        Fit::Boolean => is("is_boolean", 1),
        Fit::Array => is("is_array", 1),
        Fit::Object => is("is_object", 0),
        Fit::Any => {
            let mut some = prelude(std, OPTION);
            some.segments.push(syn::PathSegment::from(ident("Some")));
            call(path_expr(some), [integer(0)])
        }
    }
}

/// The path of a named type from a type file of `from`.
fn named_path_of(space: &TypeSpace, id: crate::ir::TypeId, from: crate::ir::Module) -> syn::Path {
    syn::Path {
        leading_colon: None,
        segments: named_path(space, id, from)
            .into_iter()
            .map(syn::PathSegment::from)
            .collect(),
    }
}

/// `Result::Ok` as this file spells it (in full where the prelude is shadowed).
fn result_ok(std: Std) -> syn::Path {
    let mut path = prelude(std, RESULT);
    path.segments.push(syn::PathSegment::from(ident("Ok")));
    path
}

/// `::serde_json::name`.
fn serde_json(name: &str) -> Expr {
    path_expr(path(&["serde_json", name], true))
}

/// The statement that lets the discriminator decide, where the union has one with a tag:
/// `if let Some(tag) = value.get(property).and_then(Value::as_str) { … }`.
fn by_tag(u: &UnionDef, names: &[Ident], other: &Ident, std: Std) -> Option<Stmt> {
    let property = u.discriminator.as_ref()?;
    let tagged = u.variants.iter().any(|v| !v.tags.is_empty());
    // Without a single mapped tag, the discriminator cannot pick anything: match by shape.
    if !tagged {
        return None;
    }
    let all_tagged = u.variants.iter().all(|v| !v.tags.is_empty());
    let ok = || path_expr(result_ok(std));
    let unknown = || call(path_expr(self_variant(other)), [var("value")]);
    // A discriminator inferred from the alternatives' constants keeps a value its tag's
    // alternative refuses; a written one makes that an error.
    let read = |variant: &Ident| {
        if u.inferred {
            let cloned = method(var("value"), "clone", []);
            let read = call(serde_json("from_value"), [cloned]);
            let read = method(read, "map", [path_expr(self_variant(variant))]);
            let kept = method(read, "unwrap_or_else", [closure(vec![wild()], unknown())]);
            call(ok(), [kept])
        } else {
            let read = call(serde_json("from_value"), [var("value")]);
            let read = method(read, "map", [path_expr(self_variant(variant))]);
            let custom = path_expr(path(&["serde", "de", "Error", "custom"], true));
            method(read, "map_err", [custom])
        }
    };
    let arms = u
        .variants
        .iter()
        .zip(names)
        .filter(|(v, _)| !v.tags.is_empty());
    let decide = if all_tagged {
        // The discriminator decides; an unmapped tag is a value this spec does not know.
        let mut arms: Vec<syn::Arm> = arms
            .map(|(v, variant)| {
                let tags = v.tags.iter().map(|t| string_pat(t)).collect();
                arm(or_pat(tags), None, read(variant))
            })
            .collect();
        arms.push(arm(wild(), None, call(ok(), [unknown()])));
        vec![semi(return_(match_(var("tag"), arms)))]
    } else {
        // A mapped tag decides; any other may belong to an alternative without one, which
        // the value's shape picks below.
        arms.map(|(v, variant)| {
            let tags = &v.tags;
            let matches = macro_call("matches", quote!(tag, #(#tags)|*));
            if_(matches, vec![semi(return_(read(variant)))])
        })
        .collect()
    };
    let some = path(&["std", "option", "Option", "Some"], true);
    let tag = method(
        method(var("value"), "get", [string(property)]),
        "and_then",
        [path_expr(path(&["serde_json", "Value", "as_str"], true))],
    );
    let pattern = variant_pat(some, vec![binding("tag")]);
    Some(if_(let_expr(pattern, tag), decide))
}

/// The items of a union's file: the support import where the file uses it, the enum, and its
/// `Serialize` and `Deserialize` impls.
pub fn items(space: &TypeSpace, def: Named<'_>, u: &UnionDef, std: Std) -> Vec<syn::Item> {
    let name = ident(def.name);
    let other = ident(&def.members.other);
    let names: Vec<_> = def.members.iter().map(ident).collect();
    let value = path_type(path(&["serde_json", "Value"], true));
    let mut variants: Vec<syn::Variant> = u
        .variants
        .iter()
        .zip(&names)
        .map(|(v, name)| {
            let ty = rust_type(space, &v.ty, def.module, std);
            tuple_variant(Vec::new(), name.clone(), vec![ty])
        })
        .collect();
    let other_doc = doc_attributes(&[OTHER_DOC.to_owned()]);
    variants.push(tuple_variant(other_doc, other.clone(), vec![value]));
    let mut attrs = type_attributes(space, def);
    attrs.push(derive(quote!(Debug, Clone, PartialEq)));
    let item = enum_item(attrs, name.clone(), variants);
    let items = vec![
        use_support(),
        syn::Item::Enum(item),
        serialize_impl(&name, &names, &other, std),
        deserialize_impl(space, def, u, &names, std),
    ];
    let skip = usize::from(!def.mentions_text());
    items.into_iter().skip(skip).collect()
}

/// `impl Serialize`: each alternative writes itself.
fn serialize_impl(name: &Ident, names: &[Ident], other: &Ident, std: Std) -> syn::Item {
    let arms = names
        .iter()
        .chain([other])
        .map(|variant| {
            let pattern = variant_pat(self_variant(variant), vec![binding("value")]);
            let write = path_expr(path(&["serde", "Serialize", "serialize"], true));
            arm(
                pattern,
                None,
                call(write, [var("value"), var("serializer")]),
            )
        })
        .collect();
    let serializer = path(&["serde", "Serializer"], true);
    let output = prelude_type(
        std,
        RESULT,
        vec![
            path_type(path(&["__S", "Ok"], false)),
            path_type(path(&["__S", "Error"], false)),
        ],
    );
    let serialize = function(Function {
        attrs: Vec::new(),
        public: false,
        name: "serialize",
        generics: bounded_generics("__S", serializer),
        by_ref: true,
        params: vec![(ident("serializer"), word_type("__S"))],
        output,
        body: vec![tail(match_(var("self"), arms))],
    });
    let trait_ = path(&["serde", "Serialize"], true);
    generic_impl_item(
        syn::Generics::default(),
        Some(trait_),
        name.clone(),
        vec![serialize],
    )
}

/// `impl Deserialize`: by the discriminator where there is one with a tag, else each
/// alternative in order of how well it fits, else the value kept as it is.
fn deserialize_impl(
    space: &TypeSpace,
    def: Named<'_>,
    u: &UnionDef,
    names: &[Ident],
    std: Std,
) -> syn::Item {
    let other = ident(&def.members.other);
    let ok = || path_expr(result_ok(std));
    let value_type = || path_type(path(&["serde_json", "Value"], true));
    let deserialize = path(&["serde", "Deserialize"], true);
    let read = qualified(value_type(), deserialize, "deserialize");
    let mut body = vec![let_(
        "value",
        false,
        try_(call(read, [var("deserializer")])),
    )];
    body.extend(by_tag(u, names, &other, std));
    let scores = u
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| tuple(vec![score(space, &v.ty, def.module, std), usize_literal(i)]))
        .collect();
    let order_type = syn::Type::Array(syn::TypeArray {
        bracket_token: syn::token::Bracket(span()),
        elem: Box::new(syn::Type::Tuple(syn::TypeTuple {
            paren_token: syn::token::Paren(span()),
            elems: [
                super::syntax::generic_type(
                    path(&["std", "option", "Option"], true),
                    vec![word_type("usize")],
                ),
                word_type("usize"),
            ]
            .into_iter()
            .collect(),
        })),
        semi_token: syn::token::Semi(span()),
        len: usize_literal(u.variants.len()),
    });
    body.push(let_typed("order", true, order_type, array(scores)));
    let reverse = path_expr(path(&["std", "cmp", "Reverse"], true));
    let key = tuple(vec![call(reverse, [var("score")]), var("index")]);
    let by = reference_pat(tuple_pat(vec![binding("score"), binding("index")]));
    body.push(semi(method(
        var("order"),
        "sort_by_key",
        [closure(vec![by], key)],
    )));
    let mut arms: Vec<syn::Arm> = names
        .iter()
        .enumerate()
        .map(|(i, variant)| {
            let read = call(
                serde_json("from_value"),
                [method(var("value"), "clone", [])],
            );
            let read = method(read, "map", [path_expr(self_variant(variant))]);
            let Expr::Lit(index) = usize_literal(i) else {
                unreachable!("a literal")
            };
            arm(syn::Pat::Lit(index), None, read)
        })
        .collect();
    arms.push(arm(wild(), None, continue_()));
    let parsed = variant_pat(result_ok(std), vec![binding("parsed")]);
    let attempt = vec![
        if_(method(var("score"), "is_none", []), vec![semi(break_())]),
        let_("parsed", false, match_(var("index"), arms)),
        if_(
            let_expr(parsed, var("parsed")),
            vec![semi(return_(call(ok(), [var("parsed")])))],
        ),
    ];
    let each = tuple_pat(vec![binding("score"), binding("index")]);
    body.push(super::syntax::for_loop(each, var("order"), attempt));
    body.push(tail(call(
        ok(),
        [call(path_expr(self_variant(&other)), [var("value")])],
    )));
    let deserializer = with_lifetime(path(&["serde", "Deserializer"], true), "'de");
    let output = prelude_type(
        std,
        RESULT,
        vec![word_type("Self"), path_type(path(&["__D", "Error"], false))],
    );
    let function = function(Function {
        attrs: Vec::new(),
        public: false,
        name: "deserialize",
        generics: bounded_generics("__D", deserializer),
        by_ref: false,
        params: vec![(ident("deserializer"), word_type("__D"))],
        output,
        body,
    });
    let trait_ = with_lifetime(path(&["serde", "Deserialize"], true), "'de");
    generic_impl_item(
        lifetime_generics("'de"),
        Some(trait_),
        ident(def.name),
        vec![function],
    )
}
/// The doc of the variant that keeps a value no alternative accepts.
const OTHER_DOC: &str = " A value that none of the alternatives accepts, kept exactly as received.";
