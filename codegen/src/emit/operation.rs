//! `{Variant}Request` and `{Variant}Response`: the request struct with its
//! `support::Operation` impl, and the response enum with `decode` and `status`.
//!
//! The impls are written out per type (they are short): each parameter is one call of a support
//! helper that applies its location's style rules, so a reader sees where every field goes.

use super::{doc_attrs, ident, support, type_tokens, Std};
use crate::ir::{
    BodyEncoding, ParameterLocation, ParameterStyle, RequestDef, ResponseBody, ResponseDef,
    StatusKey, TypeDef, TypeRef, TypeSpace,
};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit_request(space: &TypeSpace, def: &TypeDef, r: &RequestDef, std: Std) -> TokenStream {
    let docs = doc_attrs(Some(&super::type_docs(def)));
    let name = ident(&def.name);
    let option = std.option();
    let fields = r.fields.iter().map(|field| {
        let docs = doc_attrs(field.docs.as_deref());
        let rust = ident(&field.rust_name);
        let inner = type_tokens(space, &field.ty, def.module, std);
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
    let body = body_expr(r, std);
    let operation = (!r.webhook).then(|| operation_impl(space, def, r, body, std));
    let use_support = operation.is_some().then(support::use_item);
    let default = r.derive_default.then(|| quote!(, Default));
    quote! {
        #use_support
        #docs
        #[derive(Debug, Clone, PartialEq #default)]
        pub struct #name {
            #(#fields)*
        }

        #operation
    }
}

/// The `Operation` impl of a request whose body is the request itself (see
/// `RequestDef::body_is_request`), for the body's struct: no parameters, and the body is `self`.
pub fn own_body_impl(
    space: &TypeSpace,
    request: &TypeDef,
    r: &RequestDef,
    std: Std,
) -> TokenStream {
    let some = std.some();
    let encode = encoder(r.body.unwrap_or(BodyEncoding::Json));
    operation_impl(space, request, r, quote!(#encode(self).map(#some)), std)
}

fn operation_impl(
    space: &TypeSpace,
    def: &TypeDef,
    r: &RequestDef,
    body: TokenStream,
    std: Std,
) -> TokenStream {
    let name = ident(&def.name);
    let option = std.option();
    let string = std.string();
    let vec = std.vec();
    let result = std.result();
    let method = &r.method;
    let template = &r.path;
    let content_type = match (&r.content_type, r.body) {
        (Some(_), Some(BodyEncoding::Multipart)) => {
            let some = std.some();
            quote!(#some(support::MULTIPART_CONTENT_TYPE))
        }
        (Some(ct), _) => {
            let some = std.some();
            quote!(#some(#ct))
        }
        (None, _) => std.none(),
    };
    let response = super::named_path(space, r.response, def.module);
    let path = path_body(r, std);
    let (query, headers) = parameter_bodies(r, std);
    quote! {
        impl support::Operation for #name {
            const METHOD: &'static str = #method;
            const PATH_TEMPLATE: &'static str = #template;
            const CONTENT_TYPE: #option<&'static str> = #content_type;
            type Response = #(#response)::*;

            fn path(&self) -> #string {
                #path
            }

            fn query(&self) -> #vec<(#string, #string)> {
                #query
            }

            fn headers(&self) -> #vec<(#string, #string)> {
                #headers
            }

            fn body(&self) -> #result<#option<#vec<u8>>, support::EncodeError> {
                #body
            }
        }
    }
}

fn style_tokens(style: ParameterStyle) -> TokenStream {
    match style {
        ParameterStyle::Simple => quote!(support::Style::Simple),
        ParameterStyle::Label => quote!(support::Style::Label),
        ParameterStyle::Matrix => quote!(support::Style::Matrix),
        ParameterStyle::Form => quote!(support::Style::Form),
        ParameterStyle::SpaceDelimited => quote!(support::Style::SpaceDelimited),
        ParameterStyle::PipeDelimited => quote!(support::Style::PipeDelimited),
        ParameterStyle::DeepObject => quote!(support::Style::DeepObject),
    }
}

/// The path: the template's text as written, each `{name}` of a path parameter replaced by
/// the parameter's value.
fn path_body(r: &RequestDef, std: Std) -> TokenStream {
    let string = std.string();
    let mut statements = Vec::new();
    let mut rest = r.path.as_str();
    // `push` for one character, as clippy asks of a person.
    let push = |text: &str| -> TokenStream {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => quote!(path.push(#c);),
            _ => quote!(path.push_str(#text);),
        }
    };
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let name = &rest[open + 1..close];
        let found = r
            .fields
            .iter()
            .zip(&r.parameters)
            .find(|(f, p)| p.location == ParameterLocation::Path && f.json_name == name);
        let Some((field, parameter)) = found else {
            // Not a declared parameter: kept as written (lowering warned).
            statements.push(push(&rest[..=close]));
            rest = &rest[close + 1..];
            continue;
        };
        let text = &rest[..open];
        if !text.is_empty() {
            statements.push(push(text));
        }
        let rust = ident(&field.rust_name);
        let style = style_tokens(parameter.style);
        let explode = parameter.explode;
        statements
            .push(quote!(support::path_param(&mut path, #name, #style, #explode, &self.#rust);));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        statements.push(push(rest));
    }
    quote! {
        let mut path = #string::new();
        #(#statements)*
        path
    }
}

/// The bodies of `query` and `headers`: one helper call per parameter, cookies joined last.
fn parameter_bodies(r: &RequestDef, std: Std) -> (TokenStream, TokenStream) {
    let vec = std.vec();
    let mut query = Vec::new();
    let mut headers = Vec::new();
    let mut cookies = Vec::new();
    for (field, parameter) in r.fields.iter().zip(&r.parameters) {
        let name = &field.json_name;
        let rust = ident(&field.rust_name);
        let explode = parameter.explode;
        match parameter.location {
            ParameterLocation::Path => {}
            ParameterLocation::Query => {
                let style = style_tokens(parameter.style);
                query.push(
                    quote!(support::query_param(&mut query, #name, #style, #explode, &self.#rust);),
                );
            }
            ParameterLocation::Header => {
                headers.push(
                    quote!(support::header_param(&mut headers, #name, #explode, &self.#rust);),
                );
            }
            ParameterLocation::Cookie => {
                cookies.push(
                    quote!(support::cookie_param(&mut cookies, #name, #explode, &self.#rust);),
                );
            }
        }
    }
    let query = if query.is_empty() {
        quote!(#vec::new())
    } else {
        quote! {
            let mut query = #vec::new();
            #(#query)*
            query
        }
    };
    let cookie_header = (!cookies.is_empty()).then(|| {
        quote! {
            let mut cookies = #vec::new();
            #(#cookies)*
            support::cookie_header(&mut headers, cookies);
        }
    });
    let headers = if headers.is_empty() && cookie_header.is_none() {
        quote!(#vec::new())
    } else {
        quote! {
            let mut headers = #vec::new();
            #(#headers)*
            #cookie_header
            headers
        }
    };
    (query, headers)
}

fn body_expr(r: &RequestDef, std: Std) -> TokenStream {
    let ok = std.ok();
    let none = std.none();
    let some = std.some();
    let Some(encoding) = r.body else {
        return quote!(#ok(#none));
    };
    let Some(field) = r.fields.last() else {
        return quote!(#ok(#none));
    };
    let encode = encoder(encoding);
    let rust = ident(&field.rust_name);
    if field.required {
        quote!(#encode(&self.#rust).map(#some))
    } else {
        quote!(self.#rust.as_ref().map(#encode).transpose())
    }
}

fn encoder(encoding: BodyEncoding) -> TokenStream {
    match encoding {
        BodyEncoding::Json => quote!(support::json_body),
        BodyEncoding::Form => quote!(support::form_body),
        BodyEncoding::Multipart => quote!(support::multipart_body),
        BodyEncoding::Raw => quote!(support::raw_body),
    }
}

pub fn emit_response(space: &TypeSpace, def: &TypeDef, r: &ResponseDef, std: Std) -> TokenStream {
    let docs = doc_attrs(Some(&super::type_docs(def)));
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
        let variant = ident(&case.rust_name);
        let mut status_doc = format!(" `{}`", case.status.spec_text());
        if case.status == StatusKey::Default {
            status_doc.push_str(": any status not listed above");
        }
        let mut doc = status_doc;
        if let Some(more) = case
            .docs
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            doc.push_str(": ");
            doc.push_str(&more.replace('\n', " "));
        }
        let fixed = matches!(case.status, StatusKey::Code(_));
        let decode = quote!(support::decode_json);
        let (payload, type_name) = match &case.body {
            ResponseBody::Json(ty) => (
                Some(type_tokens(space, ty, def.module, std)),
                body_name(space, ty),
            ),
            ResponseBody::Raw => (Some(quote!(#vec<u8>)), String::new()),
            ResponseBody::Empty => (None, String::new()),
        };
        let raw = matches!(case.body, ResponseBody::Raw);
        let (declared, build, status_of) = match (fixed, payload) {
            (true, Some(ty)) if raw => (
                quote!(#variant(#ty)),
                quote!(#ok(Self::#variant(body.to_vec()))),
                quote!(Self::#variant(_)),
            ),
            (false, Some(ty)) if raw => (
                quote!(#variant(u16, #ty)),
                quote!(#ok(Self::#variant(status, body.to_vec()))),
                quote!(Self::#variant(status, _)),
            ),
            (true, Some(ty)) => (
                quote!(#variant(#ty)),
                quote!(#decode(status, #type_name, body, Self::#variant)),
                quote!(Self::#variant(_)),
            ),
            (true, None) => (
                quote!(#variant),
                quote!(#ok(Self::#variant)),
                quote!(Self::#variant),
            ),
            (false, Some(ty)) => (
                quote!(#variant(u16, #ty)),
                quote!(#decode(status, #type_name, body, |body| Self::#variant(status, body))),
                quote!(Self::#variant(status, _)),
            ),
            (false, None) => (
                quote!(#variant(u16)),
                quote!(#ok(Self::#variant(status))),
                quote!(Self::#variant(status)),
            ),
        };
        let case_docs = doc_attrs(Some(&doc));
        variants.push(quote!(#case_docs #declared,));
        match case.status {
            StatusKey::Code(code) => {
                let code_lit = Literal::u16_unsuffixed(code);
                exact.push(quote!(#code_lit => #build,));
                statuses.push(quote!(#status_of => #code_lit,));
            }
            StatusKey::Range(digit) => {
                // A guard rather than `400..=499`: exact codes of the range come first, and
                // the range pattern would overlap them.
                let digit = Literal::u16_unsuffixed(digit);
                ranges.push(quote!(_ if status / 100 == #digit => #build,));
                statuses.push(quote!(#status_of => *status,));
            }
            StatusKey::Default => {
                default = Some(build.clone());
                statuses.push(quote!(#status_of => *status,));
            }
        }
    }
    let has_default = default.is_some();
    let fallback_body = default.unwrap_or_else(|| {
        quote! {
            #ok(Self::#other {
                status,
                content_type: content_type.to_owned(),
                body: body.to_vec(),
            })
        }
    });
    let fallback = quote!(_ => #fallback_body,);
    // With no status to tell apart, the one case is the whole body.
    let decide = if exact.is_empty() && ranges.is_empty() {
        let only = fallback_body;
        quote!(#only)
    } else {
        quote! {
            match status {
                #(#exact)*
                #(#ranges)*
                #fallback
            }
        }
    };
    let use_support = support::use_item();
    // A parameter no arm reads is named `_…`, as a person would, rather than silenced.
    let reads_body = !has_default
        || r.cases
            .iter()
            .any(|c| !matches!(c.body, ResponseBody::Empty));
    let content_type = if !has_default {
        quote!(content_type)
    } else {
        quote!(_content_type)
    };
    let body_param = if reads_body {
        quote!(body)
    } else {
        quote!(_body)
    };
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

        impl #name {
            /// The variant of a response: its status picks the case (exact codes, then ranges,
            /// then `default`), and a documented JSON body must decode as its type.
            pub fn decode(status: u16, #content_type: &str, #body_param: &[u8]) -> #result<Self, support::DecodeError> {
                #decide
            }

            /// The status the response came with.
            pub fn status(&self) -> u16 {
                match self {
                    #(#statuses)*
                    Self::#other { status, .. } => *status,
                }
            }
        }
    }
}

/// The name of a body's type, for decode errors.
fn body_name(space: &TypeSpace, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(id) => space.get(*id).name.clone(),
        other => format!("{other:?}"),
    }
}
