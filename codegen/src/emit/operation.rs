//! `{Variant}Request`: the request struct with its `support::Operation` impl.
//!
//! The impls are written out per type (they are short): each parameter is one call of a support
//! helper that applies its location's style rules, so a reader sees where every field goes.
//! Struct and function bodies are built as syntax trees ([`super::syntax`]); the impl's
//! signatures and constants, short and the same for every request, are written as tokens and
//! parsed.

use super::syntax::{
    array, binding, boolean, call, character, const_item, declared_field, derive, field, for_loop,
    function, impl_item, inline_attribute, let_, let_else, method, new_of, none, ok, path,
    path_expr, path_type, prelude, prelude_type, reference, reference_type, return_, self_field,
    semi, slice_type, some, string, struct_item, support, support_result, tail, try_, tuple_type,
    type_attributes, type_item, use_support, var, variant_pat, word_type, Function, OPTION, STRING,
    VEC,
};
use super::{ident, Std};
use crate::ir::{
    BodyEncoding, MemberNames, Named, ParameterLocation, ParameterStyle, PathPiece, RequestBody,
    RequestDef, RequestParameter, TypeRef, TypeSpace,
};
use quote::quote;
use syn::{Expr, Stmt};

/// The items of a request's file: the support import where the file uses it, the struct
/// (deriving `Default` where `default`, the derives pass's word, says so) and, but for a
/// webhook, its `Operation` impl.
pub fn request_items(
    space: &TypeSpace,
    def: Named<'_>,
    r: &RequestDef,
    default: bool,
    std: Std,
) -> Vec<syn::Item> {
    let fields = r
        .fields()
        .zip(def.members.iter())
        .map(|(field, rust)| declared_field(space, def, field, rust, &field.ty, std))
        .collect();
    let operation =
        (!r.webhook).then(|| operation_impl(space, def, r, body_stmts(space, def, r, std), std));
    let mut items = Vec::with_capacity(3);
    if operation.is_some() || def.mentions_text() {
        items.push(use_support());
    }
    let mut attrs = type_attributes(space, def);
    attrs.push(if default {
        derive(quote!(Debug, Clone, PartialEq, Default))
    } else {
        derive(quote!(Debug, Clone, PartialEq))
    });
    items.push(syn::Item::Struct(struct_item(
        attrs,
        ident(def.name),
        fields,
    )));
    items.extend(operation);
    items
}

/// The `Operation` impl of a request whose body is the request itself (see
/// `RequestDef::body_is_request`), for the body's struct: no parameters, and the body is `self`.
pub fn own_body_impl(space: &TypeSpace, request: Named<'_>, r: &RequestDef, std: Std) -> syn::Item {
    let body = match (r.encoding(), struct_body(space, r)) {
        (Some(BodyEncoding::Multipart), Some((s, names))) => {
            let mut stmts = vec![let_("body", false, var("self"))];
            stmts.extend(multipart_parts(space, s, names));
            stmts.push(tail(finished_form(std)));
            stmts
        }
        (encoding, _) => {
            let encode = encoder(encoding.unwrap_or(BodyEncoding::Json));
            vec![tail(method(
                call(encode, [var("self")]),
                "map",
                [some(std)],
            ))]
        }
    };
    operation_impl(space, request, r, body, std)
}

/// `Ok(Some(form.finish()))`.
fn finished_form(std: Std) -> Expr {
    call(
        ok(std),
        [call(some(std), [method(var("form"), "finish", [])])],
    )
}

/// The struct a request's body is, seen through aliases, with its fields' names.
fn struct_body<'s>(
    space: &'s TypeSpace,
    r: &RequestDef,
) -> Option<(&'s crate::ir::StructDef, &'s MemberNames)> {
    let field = &r.body.as_ref()?.field;
    let id = space.resolve_alias_ref(&field.ty)?;
    match &space.get(id).kind {
        crate::ir::TypeKind::Struct(s) => Some((s, space.members(id))),
        _ => None,
    }
}

/// The statements that write a struct body (`body`) as `multipart/form-data` into `form`: a
/// part per property, a file part per file (a list of files a part each), then the undeclared
/// properties.
fn multipart_parts(space: &TypeSpace, s: &crate::ir::StructDef, names: &MemberNames) -> Vec<Stmt> {
    let form_new = path_expr(path(&["support", "Multipart", "new"], false));
    let mut statements = vec![let_("form", true, call(form_new, []))];
    let of_body = |rust: &str| reference(field(var("body"), &ident(rust)), false);
    let add = |what: &str, args: Vec<Expr>| semi(try_(method(var("form"), what, args)));
    for (field, rust) in s.fields.iter().zip(names.iter()) {
        let name = string(&field.json_name);
        // The wrappers around a file, outermost first: an `Option` where the property is
        // optional, and each `Option` (nullable) and `Vec` of its type.
        let mut wrappers = usize::from(!field.required);
        let mut ty = &field.ty;
        let file = loop {
            match ty {
                TypeRef::Nullable(inner) | TypeRef::Vec(inner) => {
                    wrappers += 1;
                    ty = inner;
                }
                TypeRef::Boxed(inner) => ty = inner,
                TypeRef::Named(id) => {
                    break matches!(
                        space.get(space.resolve_alias(*id)).kind,
                        crate::ir::TypeKind::FilePart
                    )
                }
                _ => break false,
            }
        };
        let statement = match (file, wrappers) {
            (false, _) => add("field", vec![name, of_body(rust)]),
            (true, 0) => add("file", vec![name, of_body(rust)]),
            (true, n) => {
                let once = path_expr(path(&["std", "iter", "once"], true));
                let files = (0..n).fold(call(once, [of_body(rust)]), |files, _| {
                    method(files, "flatten", [])
                });
                for_loop(
                    binding("file"),
                    files,
                    vec![add("file", vec![name, var("file")])],
                )
            }
        };
        statements.push(statement);
    }
    if s.extra.is_some() {
        statements.push(add("extra", vec![of_body(&names.other)]));
    }
    statements
}

fn operation_impl(
    space: &TypeSpace,
    def: Named<'_>,
    r: &RequestDef,
    body: Vec<Stmt>,
    std: Std,
) -> syn::Item {
    let static_str = || reference_type(word_type("str"), true);
    let content_type = match (r.content_type(), r.encoding()) {
        (Some(_), Some(BodyEncoding::Multipart)) => {
            call(some(std), [support("MULTIPART_CONTENT_TYPE")])
        }
        (Some(ct), _) => call(some(std), [string(ct)]),
        (None, _) => none(std),
    };
    let response = syn::Path {
        leading_colon: None,
        segments: super::named_path(space, r.response, def.module)
            .into_iter()
            .map(syn::PathSegment::from)
            .collect(),
    };
    let (query, headers) = parameter_bodies(r, def.members, std);
    // The operation's own requirements, else the document's.
    let requirements = r.security.as_ref().unwrap_or(&space.security);
    let security = requirements.iter().map(|schemes| {
        let names = schemes.iter().map(|scheme| string(scheme));
        reference(array(names.collect()), false)
    });
    let security_type = {
        let list = |inner| reference_type(slice_type(inner), true);
        list(list(static_str()))
    };
    let string_type = || prelude_type(std, STRING, Vec::new());
    let pairs = || {
        let pair = tuple_type(vec![string_type(), string_type()]);
        prelude_type(std, VEC, vec![pair])
    };
    let bytes = prelude_type(std, VEC, vec![word_type("u8")]);
    let getter = |name, output, body| {
        function(Function {
            attrs: vec![inline_attribute()],
            public: false,
            name,
            generics: syn::Generics::default(),
            by_ref: true,
            params: Vec::new(),
            output,
            body,
        })
    };
    let items = vec![
        const_item("METHOD", static_str(), string(&r.method)),
        const_item("PATH_TEMPLATE", static_str(), string(r.path.as_str())),
        const_item(
            "CONTENT_TYPE",
            prelude_type(std, OPTION, vec![static_str()]),
            content_type,
        ),
        const_item(
            "SECURITY",
            security_type,
            reference(array(security.collect()), false),
        ),
        type_item("Response", path_type(response)),
        getter("path", string_type(), path_body(r, def.members, std)),
        getter("query", pairs(), query),
        getter("headers", pairs(), headers),
        getter(
            "body",
            support_result(std, prelude_type(std, OPTION, vec![bytes]), "EncodeError"),
            body,
        ),
    ];
    let operation = path(&["support", "Operation"], false);
    impl_item(Some(operation), ident(def.name), items)
}

/// `support::Style::…`.
fn style_expr(style: ParameterStyle) -> Expr {
    let name = match style {
        ParameterStyle::Simple => "Simple",
        ParameterStyle::Label => "Label",
        ParameterStyle::Matrix => "Matrix",
        ParameterStyle::Form => "Form",
        ParameterStyle::SpaceDelimited => "SpaceDelimited",
        ParameterStyle::PipeDelimited => "PipeDelimited",
        ParameterStyle::DeepObject => "DeepObject",
        ParameterStyle::TabDelimited => "TabDelimited",
    };
    path_expr(path(&["support", "Style", name], false))
}

/// `support::helper(&mut list, "name", …, &self.field);`: one parameter's call.
fn parameter_call(helper: &str, list: &str, name: &str, more: Vec<Expr>, field: &str) -> Stmt {
    let mut args = vec![reference(var(list), true), string(name)];
    args.extend(more);
    args.push(reference(self_field(&ident(field)), false));
    semi(call(support(helper), args))
}

/// The path: the template's text as written, each `{name}` of a path parameter replaced by
/// the parameter's value.
fn path_body(r: &RequestDef, names: &MemberNames, std: Std) -> Vec<Stmt> {
    let mut statements = vec![let_(
        "path",
        true,
        new_of(std, &["std", "string", "String"]),
    )];
    // `push` for one character, as clippy asks of a person.
    let push = |text: &str| -> Stmt {
        let mut chars = text.chars();
        let call = match (chars.next(), chars.next()) {
            (Some(c), None) => method(var("path"), "push", [character(c)]),
            _ => method(var("path"), "push_str", [string(text)]),
        };
        semi(call)
    };
    // The text since the last placeholder, pushed before the next parameter's value, or with
    // a placeholder that is no parameter (kept as written: lowering warned), or at the end.
    let mut text = String::new();
    for piece in r.path.pieces() {
        let name = match piece {
            PathPiece::Text(piece) => {
                text.push_str(piece);
                continue;
            }
            PathPiece::Placeholder(name) => name.as_str(),
        };
        let found =
            r.parameters.iter().zip(names.iter()).find(|(p, _)| {
                p.how.location == ParameterLocation::Path && p.field.json_name == name
            });
        let Some((RequestParameter { how: parameter, .. }, rust)) = found else {
            text.push_str(&format!("{{{name}}}"));
            statements.push(push(&std::mem::take(&mut text)));
            continue;
        };
        if !text.is_empty() {
            statements.push(push(&std::mem::take(&mut text)));
        }
        let style = vec![style_expr(parameter.style), boolean(parameter.explode)];
        statements.push(parameter_call("path_param", "path", name, style, rust));
    }
    if !text.is_empty() {
        statements.push(push(&text));
    }
    statements.push(tail(var("path")));
    statements
}

/// The bodies of `query` and `headers`: one helper call per parameter, cookies joined last.
fn parameter_bodies(r: &RequestDef, names: &MemberNames, std: Std) -> (Vec<Stmt>, Vec<Stmt>) {
    let mut query = Vec::new();
    let mut headers = Vec::new();
    let mut cookies = Vec::new();
    for (
        RequestParameter {
            field,
            how: parameter,
        },
        rust,
    ) in r.parameters.iter().zip(names.iter())
    {
        let name = field.json_name.as_str();
        let explode = boolean(parameter.explode);
        match parameter.location {
            ParameterLocation::Path => {}
            ParameterLocation::Query => {
                let style = vec![style_expr(parameter.style), explode];
                query.push(parameter_call("query_param", "query", name, style, rust));
            }
            ParameterLocation::Header => {
                headers.push(parameter_call(
                    "header_param",
                    "headers",
                    name,
                    vec![explode],
                    rust,
                ));
            }
            ParameterLocation::Cookie => {
                cookies.push(parameter_call(
                    "cookie_param",
                    "cookies",
                    name,
                    vec![explode],
                    rust,
                ));
            }
        }
    }
    // `let mut list = Vec::new();`, the calls, then the list; or `Vec::new()` alone.
    let list = |name: &str, mut calls: Vec<Stmt>| -> Vec<Stmt> {
        calls.insert(0, let_(name, true, new_of(std, VEC)));
        calls.push(tail(var(name)));
        calls
    };
    let query = if query.is_empty() {
        vec![tail(new_of(std, VEC))]
    } else {
        list("query", query)
    };
    if !cookies.is_empty() {
        cookies.insert(0, let_("cookies", true, new_of(std, VEC)));
        let args = [reference(var("headers"), true), var("cookies")];
        cookies.push(semi(call(support("cookie_header"), args)));
    }
    let headers = if headers.is_empty() && cookies.is_empty() {
        vec![tail(new_of(std, VEC))]
    } else {
        headers.append(&mut cookies);
        list("headers", headers)
    };
    (query, headers)
}

/// The body of `body`: the request's body field (named last in `request`'s members, after
/// the parameters), encoded.
fn body_stmts(space: &TypeSpace, request: Named<'_>, r: &RequestDef, std: Std) -> Vec<Stmt> {
    let Some(RequestBody {
        field, encoding, ..
    }) = &r.body
    else {
        return vec![tail(call(ok(std), [none(std)]))];
    };
    let encoding = *encoding;
    let rust = ident(request.members.get(r.parameters.len()));
    if let (BodyEncoding::Multipart, Some((s, names))) = (encoding, struct_body(space, r)) {
        let take = if field.required {
            let_("body", false, reference(self_field(&rust), false))
        } else {
            let pattern = variant_pat(prelude_some(std), vec![binding("body")]);
            let give_up = semi(return_(call(ok(std), [none(std)])));
            let_else(pattern, reference(self_field(&rust), false), vec![give_up])
        };
        let mut stmts = vec![take];
        stmts.extend(multipart_parts(space, s, names));
        stmts.push(tail(finished_form(std)));
        return stmts;
    }
    let encode = encoder(encoding);
    let value = if field.required {
        method(
            call(encode, [reference(self_field(&rust), false)]),
            "map",
            [some(std)],
        )
    } else {
        let each = method(method(self_field(&rust), "as_ref", []), "map", [encode]);
        method(each, "transpose", [])
    };
    vec![tail(value)]
}

/// `Some` as a pattern's path.
fn prelude_some(std: Std) -> syn::Path {
    prelude(std, &["std", "option", "Option", "Some"])
}

fn encoder(encoding: BodyEncoding) -> Expr {
    support(match encoding {
        BodyEncoding::Json => "json_body",
        BodyEncoding::Form => "form_body",
        BodyEncoding::Multipart => "multipart_body",
        BodyEncoding::Text => "text_body",
        BodyEncoding::Binary => "bytes_body",
        BodyEncoding::Base64 => "base64_body",
    })
}
