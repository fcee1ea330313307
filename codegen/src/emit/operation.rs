//! `{Variant}Request` and `{Variant}Response`: the request struct with its
//! `support::Operation` impl, and the response enum with `decode` and `status`.
//!
//! The impls are written out per type (they are short): each parameter is one call of a support
//! helper that applies its location's style rules, so a reader sees where every field goes.

use super::{doc_attrs, ident, support, type_tokens, Std};
use crate::ir::{
    BodyEncoding, ParameterLocation, ParameterStyle, PathPiece, RequestBody, RequestDef,
    RequestParameter, TypeDef, TypeRef, TypeSpace,
};
use proc_macro2::TokenStream;
use quote::quote;

/// A request's struct and its `Operation` impl, deriving `Default` where `default` (the derives
/// pass's word) says so.
pub fn emit_request(
    space: &TypeSpace,
    def: &TypeDef,
    r: &RequestDef,
    default: bool,
    std: Std,
) -> TokenStream {
    let docs = super::type_attrs(space, def);
    let name = ident(&def.name);
    let option = std.option();
    let fields = r.fields().map(|field| {
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
    let body = body_expr(space, r, std);
    let operation = (!r.webhook).then(|| operation_impl(space, def, r, body, std));
    let use_support = (operation.is_some() || def.mentions_text()).then(support::use_item);
    let default = default.then(|| quote!(, Default));
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
    let ok = std.ok();
    let body = match (r.encoding(), struct_body(space, r)) {
        (Some(BodyEncoding::Multipart), Some(s)) => {
            let parts = multipart_parts(space, s, std);
            quote! {
                let body = self;
                #parts
                #ok(#some(form.finish()))
            }
        }
        (encoding, _) => {
            let encode = encoder(encoding.unwrap_or(BodyEncoding::Json));
            quote!(#encode(self).map(#some))
        }
    };
    operation_impl(space, request, r, body, std)
}

/// The struct a request's body is, seen through aliases.
fn struct_body<'s>(space: &'s TypeSpace, r: &RequestDef) -> Option<&'s crate::ir::StructDef> {
    let field = &r.body.as_ref()?.field;
    match &space.get(space.resolve_alias_ref(&field.ty)?).kind {
        crate::ir::TypeKind::Struct(s) => Some(s),
        _ => None,
    }
}

/// The statements that write a struct body (`body`) as `multipart/form-data` into `form`: a
/// part per property, a file part per file (a list of files a part each), then the undeclared
/// properties.
fn multipart_parts(space: &TypeSpace, s: &crate::ir::StructDef, std: Std) -> TokenStream {
    let mut statements = Vec::new();
    for field in &s.fields {
        let name = &field.json_name;
        let rust = ident(&field.rust_name);
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
            (false, _) => quote!(form.field(#name, &body.#rust)?;),
            (true, 0) => quote!(form.file(#name, &body.#rust)?;),
            (true, n) => {
                let flatten = (0..n).map(|_| quote!(.flatten()));
                quote! {
                    for file in ::std::iter::once(&body.#rust) #(#flatten)* {
                        form.file(#name, file)?;
                    }
                }
            }
        };
        statements.push(statement);
    }
    if let Some(extra) = &s.extra {
        let rust = ident(&extra.rust_name);
        statements.push(quote!(form.extra(&body.#rust)?;));
    }
    let _ = std;
    quote! {
        let mut form = support::Multipart::new();
        #(#statements)*
    }
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
    let template = r.path.as_str();
    let content_type = match (r.content_type(), r.encoding()) {
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
    // The operation's own requirements, else the document's.
    let requirements = r.security.as_ref().unwrap_or(&space.security);
    let security = requirements.iter().map(|schemes| quote!(&[#(#schemes),*]));
    quote! {
        impl support::Operation for #name {
            const METHOD: &'static str = #method;
            const PATH_TEMPLATE: &'static str = #template;
            const CONTENT_TYPE: #option<&'static str> = #content_type;
            const SECURITY: &'static [&'static [&'static str]] = &[#(#security),*];
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
        ParameterStyle::TabDelimited => quote!(support::Style::TabDelimited),
    }
}

/// The path: the template's text as written, each `{name}` of a path parameter replaced by
/// the parameter's value.
fn path_body(r: &RequestDef, std: Std) -> TokenStream {
    let string = std.string();
    let mut statements = Vec::new();
    // `push` for one character, as clippy asks of a person.
    let push = |text: &str| -> TokenStream {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => quote!(path.push(#c);),
            _ => quote!(path.push_str(#text);),
        }
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
        let found = r
            .parameters
            .iter()
            .find(|p| p.how.location == ParameterLocation::Path && p.field.json_name == name);
        let Some(RequestParameter {
            field,
            how: parameter,
        }) = found
        else {
            text.push_str(&format!("{{{name}}}"));
            statements.push(push(&std::mem::take(&mut text)));
            continue;
        };
        if !text.is_empty() {
            statements.push(push(&std::mem::take(&mut text)));
        }
        let rust = ident(&field.rust_name);
        let style = style_tokens(parameter.style);
        let explode = parameter.explode;
        statements
            .push(quote!(support::path_param(&mut path, #name, #style, #explode, &self.#rust);));
    }
    if !text.is_empty() {
        statements.push(push(&text));
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
    for RequestParameter {
        field,
        how: parameter,
    } in &r.parameters
    {
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

fn body_expr(space: &TypeSpace, r: &RequestDef, std: Std) -> TokenStream {
    let ok = std.ok();
    let none = std.none();
    let some = std.some();
    let Some(RequestBody {
        field, encoding, ..
    }) = &r.body
    else {
        return quote!(#ok(#none));
    };
    let encoding = *encoding;
    let rust = ident(&field.rust_name);
    if let (BodyEncoding::Multipart, Some(s)) = (encoding, struct_body(space, r)) {
        let parts = multipart_parts(space, s, std);
        let take = if field.required {
            quote!(let body = &self.#rust;)
        } else {
            quote! {
                let #some(body) = &self.#rust else {
                    return #ok(#none);
                };
            }
        };
        return quote! {
            #take
            #parts
            #ok(#some(form.finish()))
        };
    }
    let encode = encoder(encoding);
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
        BodyEncoding::Text => quote!(support::text_body),
        BodyEncoding::Binary => quote!(support::bytes_body),
        BodyEncoding::Base64 => quote!(support::base64_body),
    }
}
