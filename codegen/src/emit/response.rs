//! `{Variant}Response`: an enum with a variant per documented status, decoded from the status,
//! the headers and the body of a reply (`support::Decode`), and the types of the documented
//! response headers.

use super::{doc_attrs, ident, support, type_tokens, Std};
use crate::ir::{
    Field, ResponseBody, ResponseCase, ResponseDef, StatusKey, TypeDef, TypeKind, TypeRef,
    TypeSpace,
};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// What one case of a response holds, and how it is read.
struct Case {
    /// The variant as declared.
    declared: TokenStream,
    /// The expression that builds it from `status`, `headers` and `body`.
    build: TokenStream,
    /// The pattern that takes its status apart in `status()`.
    pattern: TokenStream,
    /// Whether the status is a fixed code (else the variant keeps the status it came with).
    fixed: bool,
}

pub fn emit_response(space: &TypeSpace, def: &TypeDef, r: &ResponseDef, std: Std) -> TokenStream {
    let docs = super::type_attrs(space, def);
    let name = ident(&def.name);
    let string = std.string();
    let vec = std.vec();
    let result = std.result();
    let ok = std.ok();
    let other = ident(&r.other_name);
    let mut variants = Vec::new();
    let mut exact = Vec::new();
    let mut ranges = Vec::new();
    let mut default = None;
    let mut statuses = Vec::new();
    for case in &r.cases {
        let Case {
            declared,
            build,
            pattern,
            fixed,
        } = case_tokens(space, def, case, std);
        let case_docs = doc_attrs(Some(&case_doc(case)));
        variants.push(quote!(#case_docs #declared,));
        let status_of = if fixed {
            let StatusKey::Code(code) = case.status else {
                unreachable!("a fixed case has a code")
            };
            let code = Literal::u16_unsuffixed(code);
            quote!(#code)
        } else {
            quote!(*status)
        };
        statuses.push(quote!(#pattern => #status_of,));
        match case.status {
            StatusKey::Code(code) => {
                let code = Literal::u16_unsuffixed(code);
                exact.push(quote!(#code => #build,));
            }
            StatusKey::Range(digit) => {
                // A guard rather than `400..=499`: exact codes of the range come first, and
                // the range pattern would overlap them.
                let digit = Literal::u16_unsuffixed(digit);
                ranges.push(quote!(_ if status / 100 == #digit => #build,));
            }
            StatusKey::Default => default = Some(build),
        }
    }
    let fallback = default.unwrap_or_else(|| {
        quote! {
            #ok(Self::#other {
                status,
                content_type: support::content_type(headers),
                body: body.to_vec(),
            })
        }
    });
    // With no status to tell apart, the one case is the whole reply.
    let decide = if exact.is_empty() && ranges.is_empty() {
        fallback
    } else {
        quote! {
            match status {
                #(#exact)*
                #(#ranges)*
                _ => #fallback,
            }
        }
    };
    // A parameter no arm reads is named `_…`, as a person would, rather than silenced.
    let undocumented = !r.cases.iter().any(|c| c.status == StatusKey::Default);
    let reads_headers = undocumented
        || r.cases
            .iter()
            .any(|c| c.headers.is_some() || matches!(c.body, ResponseBody::Content(_)));
    let reads_body = undocumented || r.cases.iter().any(|c| c.body != ResponseBody::Empty);
    let headers_param = if reads_headers {
        quote!(headers)
    } else {
        quote!(_headers)
    };
    let body_param = if reads_body {
        quote!(body)
    } else {
        quote!(_body)
    };
    let use_support = support::use_item();
    quote! {
        #use_support
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// A response the spec does not document, kept as it came.
            #other {
                status: u16,
                content_type: #string,
                body: #vec<u8>,
            },
        }

        impl support::Decode for #name {
            fn decode(status: u16, #headers_param: &dyn support::Headers, #body_param: &[u8]) -> #result<Self, support::DecodeError> {
                #decide
            }

            fn status(&self) -> u16 {
                match self {
                    #(#statuses)*
                    Self::#other { status, .. } => *status,
                }
            }
        }
    }
}

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
fn body_tokens(
    space: &TypeSpace,
    def: &TypeDef,
    body: &ResponseBody,
    std: Std,
) -> Option<(TokenStream, TokenStream)> {
    let vec = std.vec();
    let option = std.option();
    // A body may be absent or `null` whatever its schema: the payload is an `Option` of the
    // schema's type (of what it holds, where it is nullable already).
    let json = |ty: &TypeRef| {
        let inner = match ty {
            TypeRef::Nullable(inner) => inner,
            other => other,
        };
        (
            type_tokens(space, inner, def.module, std),
            body_name(space, ty),
        )
    };
    match body {
        ResponseBody::Empty => None,
        ResponseBody::Json(ty) => {
            let (ty, name) = json(ty);
            Some((
                quote!(#option<#ty>),
                quote!(support::decode_json(status, #name, body)),
            ))
        }
        ResponseBody::Content(ty) => {
            let (ty, name) = json(ty);
            Some((
                quote!(support::Content<#ty>),
                quote!(support::decode_content(status, #name, headers, body)),
            ))
        }
        ResponseBody::Text => Some((std.string(), quote!(support::decode_text(status, body)))),
        ResponseBody::Bytes => Some((quote!(#vec<u8>), quote!(support::decode_bytes(body)))),
        ResponseBody::Base64 => Some((
            quote!(#vec<u8>),
            quote!(support::decode_base64(status, body)),
        )),
    }
}

fn case_tokens(space: &TypeSpace, def: &TypeDef, case: &ResponseCase, std: Std) -> Case {
    let ok = std.ok();
    let variant = ident(&case.rust_name);
    let fixed = matches!(case.status, StatusKey::Code(_));
    let body = body_tokens(space, def, &case.body, std);
    let headers = case.headers.map(|id| {
        let path = type_tokens(space, &TypeRef::Named(id), def.module, std);
        (path.clone(), quote!(#path::from_headers(status, headers)?))
    });
    match (fixed, body, headers) {
        // Without headers the variant holds its parts in order: the status (for a range or
        // `default`), then the body.
        (fixed, body, None) => {
            let status = (!fixed).then(|| quote!(u16));
            let status_read = (!fixed).then(|| quote!(status));
            let parts: Vec<TokenStream> = status
                .into_iter()
                .chain(body.as_ref().map(|b| b.0.clone()))
                .collect();
            let reads: Vec<TokenStream> =
                status_read.into_iter().chain(body.map(|b| b.1)).collect();
            if parts.is_empty() {
                Case {
                    declared: quote!(#variant),
                    build: quote!(#ok(Self::#variant)),
                    pattern: quote!(Self::#variant),
                    fixed,
                }
            } else {
                let pattern = if fixed {
                    quote!(Self::#variant(..))
                } else {
                    quote!(Self::#variant(status, ..))
                };
                // The body's read is a `Result`: the variant is made from it by `map`.
                let build = match reads.as_slice() {
                    [read] if fixed => quote!(#read.map(Self::#variant)),
                    [status, read] => quote!(#read.map(|body| Self::#variant(#status, body))),
                    _ => quote!(#ok(Self::#variant(#(#reads),*))),
                };
                Case {
                    declared: quote!(#variant(#(#parts),*)),
                    build,
                    pattern,
                    fixed,
                }
            }
        }
        // With headers, the parts are named.
        (fixed, body, Some((headers_ty, headers_read))) => {
            let mut declared = Vec::new();
            let mut reads = Vec::new();
            if !fixed {
                declared.push(quote!(status: u16));
                reads.push(quote!(status));
            }
            if let Some((ty, read)) = body {
                declared.push(quote!(body: #ty));
                reads.push(quote!(body: #read?));
            }
            declared.push(quote!(headers: #headers_ty));
            reads.push(quote!(headers: #headers_read));
            let pattern = if fixed {
                quote!(Self::#variant { .. })
            } else {
                quote!(Self::#variant { status, .. })
            };
            Case {
                declared: quote!(#variant { #(#declared),* }),
                build: quote!(#ok(Self::#variant { #(#reads),* })),
                pattern,
                fixed,
            }
        }
    }
}

/// The name of a body's type, for decode errors.
fn body_name(space: &TypeSpace, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(id) => space.get(*id).name.clone(),
        TypeRef::Nullable(inner) => body_name(space, inner),
        other => format!("{other:?}"),
    }
}

/// The type of a response's documented headers: a struct with a field per header, read from
/// the reply's headers by `from_headers`.
pub fn emit_headers(space: &TypeSpace, def: &TypeDef, fields: &[Field], std: Std) -> TokenStream {
    let docs = super::type_attrs(space, def);
    let name = ident(&def.name);
    let option = std.option();
    let result = std.result();
    let ok = std.ok();
    let type_name = &def.name;
    let declared = fields.iter().map(|field| {
        let docs = doc_attrs(field.docs.as_deref());
        let rust = ident(&field.rust_name);
        let inner = type_tokens(space, strip_nullable(&field.ty), def.module, std);
        let ty = if field.required {
            inner
        } else {
            quote!(#option<#inner>)
        };
        quote! {
            #docs
            pub #rust: #ty,
        }
    });
    let reads = fields.iter().map(|field| {
        let rust = ident(&field.rust_name);
        let header = &field.json_name;
        let shape = header_shape(space, strip_nullable(&field.ty));
        let read = if field.required {
            quote!(support::required_header(status, #type_name, headers, #header, #shape)?)
        } else {
            quote!(support::header(status, #type_name, headers, #header, #shape)?)
        };
        quote!(#rust: #read,)
    });
    let use_support = support::use_item();
    quote! {
        #use_support
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub struct #name {
            #(#declared)*
        }

        impl #name {
            /// Reads the headers from a reply with status `status`: a header of another type
            /// than the spec says is an error, and a required one must be there.
            pub fn from_headers(status: u16, headers: &dyn support::Headers) -> #result<Self, support::DecodeError> {
                #ok(Self {
                    #(#reads)*
                })
            }
        }
    }
}

fn strip_nullable(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Nullable(inner) => inner,
        other => other,
    }
}

/// How a header's text is read as its type: as a string, as a JSON scalar (a number or a
/// boolean), or as a comma-separated list of either.
fn header_shape(space: &TypeSpace, ty: &TypeRef) -> TokenStream {
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
        TypeRef::Vec(item) if scalar(space, item) => quote!(support::HeaderShape::ScalarList),
        TypeRef::Vec(_) => quote!(support::HeaderShape::TextList),
        ty if scalar(space, ty) => quote!(support::HeaderShape::Scalar),
        _ => quote!(support::HeaderShape::Text),
    }
}
