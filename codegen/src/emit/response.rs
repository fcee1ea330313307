//! `{Variant}Response`: an enum with a variant per documented status, decoded from the status,
//! the headers and the body of a reply (`support::Decode`), and the types of the documented
//! response headers.

use super::syntax::{
    arm, binary, binding, call, closure, declared_field, deref, derive, doc_attributes, enum_item,
    function, generic_type, impl_item, inline_attribute, integer, integer_pat, match_, method,
    named_field, ok, path, path_expr, path_pat, path_type, prelude_type, reference_type, rust_type,
    self_variant, slice_type, span, status_and_headers, string, struct_expr, struct_item,
    struct_rest_pat, struct_variant, support, support_result, tail, try_, tuple_variant,
    type_attributes, use_support, var, variant_rest_pat, wild, word_type, Function, OPTION, STRING,
    VEC,
};
use super::{doc_lines, ident, named_path, Std};
use crate::ir::{
    Field, Named, ResponseBody, ResponseCase, ResponseDef, StatusKey, TypeKind, TypeRef, TypeSpace,
};
use quote::quote;
use syn::token::{EqEq, Slash};
use syn::{BinOp, Expr, Pat};

/// What one case of a response holds, and how it is read.
struct Case {
    /// The variant as declared (its doc comment is added by the caller).
    declared: syn::Variant,
    /// The expression that builds it from `status`, `headers` and `body`.
    build: Expr,
    /// The pattern that takes its status apart in `status()`.
    pattern: Pat,
    /// Whether the status is a fixed code (else the variant keeps the status it came with).
    fixed: bool,
}

/// The items of a response's file: the support import, the enum and its `Decode` impl.
pub fn response_items(
    space: &TypeSpace,
    def: Named<'_>,
    r: &ResponseDef,
    std: Std,
) -> Vec<syn::Item> {
    let name = ident(def.name);
    let other = ident(&def.members.other);
    let mut variants = Vec::with_capacity(r.cases.len() + 1);
    let mut exact = Vec::new();
    let mut ranges = Vec::new();
    let mut default = None;
    let mut statuses = Vec::new();
    for (case, rust) in r.cases.iter().zip(def.members.iter()) {
        let Case {
            mut declared,
            build,
            pattern,
            fixed,
        } = case_syntax(space, def, case, rust, std);
        declared.attrs = doc_attributes(&doc_lines(Some(&case_doc(case))));
        variants.push(declared);
        let status_of = match case.status {
            StatusKey::Code(code) if fixed => integer(code),
            _ => deref(var("status")),
        };
        statuses.push(arm(pattern, None, status_of));
        match case.status {
            StatusKey::Code(code) => exact.push(arm(integer_pat(code), None, build)),
            // A guard rather than `400..=499`: exact codes of the range come first, and the
            // range pattern would overlap them.
            StatusKey::Range(digit) => {
                let hundreds = binary(var("status"), BinOp::Div(Slash(span())), integer(100));
                let guard = binary(hundreds, BinOp::Eq(EqEq(span())), integer(digit));
                ranges.push(arm(wild(), Some(guard), build));
            }
            StatusKey::Default => default = Some(build),
        }
    }
    let fallback = default.unwrap_or_else(|| {
        let fields = vec![
            (ident("status"), None),
            (
                ident("content_type"),
                Some(call(support("content_type"), [var("headers")])),
            ),
            (ident("body"), Some(method(var("body"), "to_vec", []))),
        ];
        call(ok(std), [struct_expr(self_variant(&other), fields)])
    });
    // With no status to tell apart, the one case is the whole reply.
    let decide = if exact.is_empty() && ranges.is_empty() {
        fallback
    } else {
        let mut arms = exact;
        arms.append(&mut ranges);
        arms.push(arm(wild(), None, fallback));
        match_(var("status"), arms)
    };
    let string = prelude_type(std, STRING, Vec::new());
    let bytes = prelude_type(std, VEC, vec![word_type("u8")]);
    let undocumented = [
        ("status", word_type("u16")),
        ("content_type", string),
        ("body", bytes),
    ]
    .into_iter()
    .map(|(field, ty)| named_field(Vec::new(), false, ident(field), ty))
    .collect();
    variants.push(struct_variant(
        doc_attributes(&[UNDOCUMENTED_DOC.to_owned()]),
        other.clone(),
        undocumented,
    ));
    statuses.push(arm(
        struct_rest_pat(self_variant(&other), &["status"]),
        None,
        deref(var("status")),
    ));
    // A parameter no arm reads is named `_…`, as a person would, rather than silenced.
    let undocumented = !r.cases.iter().any(|c| c.status == StatusKey::Default);
    let reads_headers = undocumented
        || r.cases
            .iter()
            .any(|c| c.headers.is_some() || matches!(c.body, ResponseBody::Content(_)));
    let reads_body = undocumented || r.cases.iter().any(|c| c.body != ResponseBody::Empty);
    let headers_param = if reads_headers { "headers" } else { "_headers" };
    let body_param = if reads_body { "body" } else { "_body" };
    let mut attrs = type_attributes(space, def);
    attrs.push(derive(quote!(Debug, Clone, PartialEq)));
    let item = enum_item(attrs, name.clone(), variants);
    let mut decode_params = status_and_headers(headers_param);
    let bytes = reference_type(slice_type(word_type("u8")), false);
    decode_params.push((ident(body_param), bytes));
    let decode = function(Function {
        attrs: vec![inline_attribute()],
        public: false,
        name: "decode",
        generics: syn::Generics::default(),
        by_ref: false,
        params: decode_params,
        output: support_result(std, word_type("Self"), "DecodeError"),
        body: vec![tail(decide)],
    });
    let status = function(Function {
        attrs: vec![inline_attribute()],
        public: false,
        name: "status",
        generics: syn::Generics::default(),
        by_ref: true,
        params: Vec::new(),
        output: word_type("u16"),
        body: vec![tail(match_(var("self"), statuses))],
    });
    let decode_trait = path(&["support", "Decode"], false);
    vec![
        use_support(),
        syn::Item::Enum(item),
        impl_item(Some(decode_trait), name, vec![decode, status]),
    ]
}

/// The doc of the variant that keeps a response the spec does not document.
const UNDOCUMENTED_DOC: &str = " A response the spec does not document, kept as it came.";

/// The doc of a case: its status, and the response's description on one line.
fn case_doc(case: &ResponseCase) -> String {
    let mut doc = format!(" `{}`", case.status.spec_text());
    if case.status == StatusKey::Default {
        doc.push_str(": any status not listed above");
    }
    if let Some(more) = case
        .docs
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        doc.push_str(": ");
        doc.push_str(&more.replace('\n', " "));
    }
    doc
}

/// The payload type of a case's body and the expression that reads it (a `Result`), `None`
/// without one.
fn body_syntax(
    space: &TypeSpace,
    def: Named<'_>,
    body: &ResponseBody,
    std: Std,
) -> Option<(syn::Type, Expr)> {
    let bytes = || prelude_type(std, VEC, vec![word_type("u8")]);
    // A body may be absent or `null` whatever its schema: the payload is an `Option` of the
    // schema's type (of what it holds, where it is nullable already).
    let json = |ty: &TypeRef| {
        let inner = match ty {
            TypeRef::Nullable(inner) => inner,
            other => other,
        };
        (
            rust_type(space, inner, def.module, std),
            string(&body_name(space, ty)),
        )
    };
    Some(match body {
        ResponseBody::Empty => return None,
        ResponseBody::Json(ty) => {
            let (ty, name) = json(ty);
            let read = call(support("decode_json"), [var("status"), name, var("body")]);
            (prelude_type(std, OPTION, vec![ty]), read)
        }
        ResponseBody::Content(ty) => {
            let (ty, name) = json(ty);
            let args = [var("status"), name, var("headers"), var("body")];
            let content = generic_type(path(&["support", "Content"], false), vec![ty]);
            (content, call(support("decode_content"), args))
        }
        ResponseBody::Text => (
            prelude_type(std, STRING, Vec::new()),
            call(support("decode_text"), [var("status"), var("body")]),
        ),
        ResponseBody::Bytes => (bytes(), call(support("decode_bytes"), [var("body")])),
        ResponseBody::Base64 => (
            bytes(),
            call(support("decode_base64"), [var("status"), var("body")]),
        ),
    })
}

/// The variant `rust` of the response `def` for `case`, and how it is built and matched.
fn case_syntax(
    space: &TypeSpace,
    def: Named<'_>,
    case: &ResponseCase,
    rust: &str,
    std: Std,
) -> Case {
    let variant = ident(rust);
    let this = || self_variant(&variant);
    let fixed = matches!(case.status, StatusKey::Code(_));
    let body = body_syntax(space, def, &case.body, std);
    let headers = case.headers.map(|id| {
        let path = || syn::Path {
            leading_colon: None,
            segments: named_path(space, id, def.module)
                .into_iter()
                .map(syn::PathSegment::from)
                .collect(),
        };
        let mut from = path();
        from.segments
            .push(syn::PathSegment::from(ident("from_headers")));
        let read = try_(call(path_expr(from), [var("status"), var("headers")]));
        (path_type(path()), read)
    });
    match (fixed, body, headers) {
        // Without headers the variant holds its parts in order: the status (for a range or
        // `default`), then the body.
        (fixed, body, None) => {
            let mut parts = Vec::new();
            if !fixed {
                parts.push(word_type("u16"));
            }
            let read = body.map(|(ty, read)| {
                parts.push(ty);
                read
            });
            if parts.is_empty() {
                return Case {
                    declared: tuple_variant(Vec::new(), variant.clone(), parts),
                    build: call(ok(std), [path_expr(this())]),
                    pattern: path_pat(this()),
                    fixed,
                };
            }
            let pattern = variant_rest_pat(this(), if fixed { &[] } else { &["status"] });
            // The body's read is a `Result`: the variant is made from it by `map`.
            let build = match (fixed, read) {
                (true, Some(read)) => method(read, "map", [path_expr(this())]),
                (false, Some(read)) => {
                    let made = call(path_expr(this()), [var("status"), var("body")]);
                    method(read, "map", [closure(vec![binding("body")], made)])
                }
                (_, None) => call(ok(std), [call(path_expr(this()), [var("status")])]),
            };
            Case {
                declared: tuple_variant(Vec::new(), variant.clone(), parts),
                build,
                pattern,
                fixed,
            }
        }
        // With headers, the parts are named.
        (fixed, body, Some((headers_ty, headers_read))) => {
            let mut declared = Vec::new();
            let mut reads = Vec::new();
            if !fixed {
                declared.push(named_field(
                    Vec::new(),
                    false,
                    ident("status"),
                    word_type("u16"),
                ));
                reads.push((ident("status"), None));
            }
            if let Some((ty, read)) = body {
                declared.push(named_field(Vec::new(), false, ident("body"), ty));
                reads.push((ident("body"), Some(try_(read))));
            }
            declared.push(named_field(Vec::new(), false, ident("headers"), headers_ty));
            reads.push((ident("headers"), Some(headers_read)));
            let pattern = struct_rest_pat(this(), if fixed { &[] } else { &["status"] });
            Case {
                declared: struct_variant(Vec::new(), variant.clone(), declared),
                build: call(ok(std), [struct_expr(this(), reads)]),
                pattern,
                fixed,
            }
        }
    }
}

/// The name of a body's type, for decode errors.
fn body_name(space: &TypeSpace, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(id) => space.name(*id).to_owned(),
        TypeRef::Nullable(inner) => body_name(space, inner),
        other => format!("{other:?}"),
    }
}

/// The items of the file of a response's documented headers: the support import, a struct
/// with a field per header, and `from_headers`, which reads them from a reply.
pub fn headers_items(
    space: &TypeSpace,
    def: Named<'_>,
    fields: &[Field],
    std: Std,
) -> Vec<syn::Item> {
    let name = ident(def.name);
    let declared = fields
        .iter()
        .zip(def.members.iter())
        .map(|(field, rust)| {
            declared_field(space, def, field, rust, strip_nullable(&field.ty), std)
        })
        .collect();
    let reads = fields
        .iter()
        .zip(def.members.iter())
        .map(|(field, rust)| {
            let helper = if field.required {
                "required_header"
            } else {
                "header"
            };
            let shape = header_shape(space, strip_nullable(&field.ty));
            let args = [
                var("status"),
                string(def.name),
                var("headers"),
                string(&field.json_name),
                path_expr(path(&["support", "HeaderShape", shape], false)),
            ];
            let read = try_(call(support(helper), args));
            (ident(rust), Some(read))
        })
        .collect();
    let mut attrs = type_attributes(space, def);
    attrs.push(derive(quote!(Debug, Clone, PartialEq)));
    let body = call(ok(std), [struct_expr(path(&["Self"], false), reads)]);
    let doc = [
        " Reads the headers from a reply with status `status`: a header of another type",
        " than the spec says is an error, and a required one must be there.",
    ];
    let mut from_headers_attrs = doc_attributes(&doc.map(str::to_owned));
    from_headers_attrs.push(inline_attribute());
    let from_headers = function(Function {
        attrs: from_headers_attrs,
        public: true,
        name: "from_headers",
        generics: syn::Generics::default(),
        by_ref: false,
        params: status_and_headers("headers"),
        output: support_result(std, word_type("Self"), "DecodeError"),
        body: vec![tail(body)],
    });
    vec![
        use_support(),
        syn::Item::Struct(struct_item(attrs, name.clone(), declared)),
        impl_item(None, name, vec![from_headers]),
    ]
}

fn strip_nullable(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Nullable(inner) => inner,
        other => other,
    }
}

/// How a header's text is read as its type: as a string, as a JSON scalar (a number or a
/// boolean), or as a comma-separated list of either.
fn header_shape(space: &TypeSpace, ty: &TypeRef) -> &'static str {
    fn scalar(space: &TypeSpace, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64 | TypeRef::F64 => true,
            TypeRef::Bool => true,
            TypeRef::Named(id) => match &space.get(*id).kind {
                TypeKind::Enum(e) => e.repr == crate::ir::EnumRepr::Integer,
                TypeKind::Alias(target) | TypeKind::Newtype(target) => scalar(space, target),
                _ => false,
            },
            TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => scalar(space, inner),
            _ => false,
        }
    }
    match ty {
        TypeRef::Vec(item) if scalar(space, item) => "ScalarList",
        TypeRef::Vec(_) => "TextList",
        ty if scalar(space, ty) => "Scalar",
        _ => "Text",
    }
}
