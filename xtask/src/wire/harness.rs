//! The harness program: for each spec, a module that builds every operation variant's request
//! with the generated types, sends it with the generated blocking client, and reports what
//! came back, judged by the rules in `runtime.rs` (copied into the program).

use super::requests::{request_value, Values};
use super::table::Expectation;
use super::values::Sampler;
use super::{Mode, Spec};
use codegen::ir::{
    ParameterLocation, RequestDef, ResponseBody, ResponseDef, SchemeKind, StatusKey, TypeKind,
    TypeRef, TypeSpace,
};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use serde_json::Value;

pub fn ident(name: &str) -> Ident {
    if codegen::naming::needs_raw(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// How many operations of a spec a client sends (webhooks are the API's to send).
pub fn sendable(space: &TypeSpace) -> usize {
    space
        .operations
        .iter()
        .filter(|op| {
            op.variants
                .iter()
                .any(|v| matches!(&space.get(v.request).kind, TypeKind::Request(r) if !r.webhook))
        })
        .count()
}

/// The module of one spec: `pub fn run(base, harness)`.
pub fn module(
    spec: &Spec,
    space: &TypeSpace,
    doc: &Value,
    table: Option<&Value>,
    mode: Mode,
) -> TokenStream {
    let sampler = Sampler::new(doc);
    let krate = ident(&spec.crate_name.replace('-', "_"));
    let spec_name = &spec.name;
    let mut calls = Vec::new();
    // The reads first, so that a write of the same path can send what the read returned.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (o, op) in space.operations.iter().enumerate() {
        for v in 0..op.variants.len() {
            order.push((o, v));
        }
    }
    order.sort_by_key(|&(o, v)| {
        let request = space.get(space.operations[o].variants[v].request);
        let get = matches!(&request.kind, TypeKind::Request(r) if r.method == "GET");
        (!get, o, v)
    });
    for (o, v) in order {
        let op = &space.operations[o];
        let variant = &op.variants[v];
        let def = space.named(variant.request);
        let TypeKind::Request(r) = &def.kind else {
            continue;
        };
        if r.webhook {
            continue;
        }
        let TypeKind::Response(response) = &space.get(r.response).kind else {
            continue;
        };
        let label = if op.variants.len() > 1 {
            format!(
                "{} ({})",
                op.operation_id,
                r.content_type().unwrap_or("no body")
            )
        } else {
            op.operation_id.clone()
        };
        // An entry for one variant (`operationId (media type)`) comes before one for all.
        let entry = table.and_then(|t| t.get(&label).or_else(|| t.get(&op.operation_id)));
        let xml = r.content_type().is_some_and(|media| media.contains("xml"));
        if mode == Mode::Prism && xml {
            // Prism checks an XML body against the schema; the harness writes no XML.
            calls
                .push(quote!(harness.skip(#spec_name, #label, "the harness makes no XML bodies");));
            continue;
        }
        if mode == Mode::Prism && has_json_parts(space, r) {
            // Prism reads every part of a multipart body as text, so an object part (JSON, as
            // OpenAPI's default encoding has it) fails its check whatever the client sends.
            let why = "the mock reads multipart parts as text, not the JSON an object part is";
            calls.push(quote!(harness.skip(#spec_name, #label, #why);));
            continue;
        }
        if let Some(why) = path_mismatch(r) {
            calls.push(quote!(harness.skip(#spec_name, #label, #why);));
            continue;
        }
        for run in Expectation::runs(entry) {
            if let Some(why) = &run.skip {
                calls.push(quote!(harness.skip(#spec_name, #label, #why);));
                continue;
            }
            let statuses = match mode {
                // Prism answers each documented status on request (`Prefer: code=N`).
                Mode::Prism => documented_codes(response),
                Mode::Autorest => vec![None],
            };
            for prefer in statuses {
                let (request, from_example) =
                    request_value(&sampler, doc, def, r, &run, &krate, mode, Values::Examples);
                // Where the spec's example is refused by a validating mock, the spec breaks
                // its own schema; a value made from the schema is sent instead, with a note.
                let instead = (from_example && mode == Mode::Prism).then(|| {
                    let (request, _) =
                        request_value(&sampler, doc, def, r, &run, &krate, mode, Values::Schemas);
                    request
                });
                let inspect = inspect_fn(space, def, response, &krate);
                let known = Known {
                    contradicted: contradicted(space, &op.operation_id),
                    path_params: path_params(r),
                    response: space.name(r.response).to_owned(),
                };
                let expect = expect_tokens(response, &run, prefer, &known);
                let client = match prefer {
                    Some(code) => {
                        let value = format!("code={code}");
                        quote!(&client.clone_with_header("Prefer", #value))
                    }
                    None => quote!(&client),
                };
                let path = r.path.as_str();
                // Only the replies of reads are kept, to be sent back by writes.
                let read_path = if r.method == "GET" {
                    quote!(Some(#path))
                } else {
                    quote!(None)
                };
                let shown = match prefer {
                    Some(code) => format!("{label} [{code}]"),
                    None => label.clone(),
                };
                let retry = instead.map(|instead| {
                    quote! {
                        if let Some(why) = refused_request(&outcome) {
                            harness.note(format!("{}: the mock refused the spec's example ({why}); sent a value made from the schema", #shown));
                            outcome = send(#instead);
                        }
                    }
                });
                calls.push(quote! {
                    {
                        let inspect = #inspect;
                        let send = |request: Result<_, String>| match request {
                            Ok(request) => {
                                let client: &Client = #client;
                                outcome(client.exchange(&request), &inspect)
                            }
                            Err(e) => Outcome::Failed(format!("the request could not be built: {e}")),
                        };
                        #[allow(unused_mut)]
                        let mut outcome = send(#request);
                        #retry
                        harness.record(#spec_name, #shown, #read_path, #expect, outcome);
                    }
                });
            }
        }
    }
    let security = security_value(space, &krate);
    quote! {
        use super::runtime::*;
        use #krate::Decode as _;

        type Client = ClientOf;

        struct ClientOf {
            base: String,
            headers: Vec<(String, String)>,
        }

        impl ClientOf {
            fn clone_with_header(&self, name: &str, value: &str) -> ClientOf {
                let mut headers = self.headers.clone();
                headers.push((name.to_owned(), value.to_owned()));
                ClientOf { base: self.base.clone(), headers }
            }

            fn exchange<O: #krate::Operation>(&self, request: &O) -> Result<#krate::Exchange<O::Response>, #krate::SendError> {
                let mut client = #krate::Client::new(self.base.clone())
                    .with_retry(#krate::Retry {
                        attempts: 3,
                        initial: std::time::Duration::from_millis(50),
                        max: std::time::Duration::from_secs(2),
                        // The test servers' retry routes answer every method with a
                        // transient status first.
                        every_method: true,
                    })
                    .with_credentials(#security);
                for (name, value) in &self.headers {
                    client = client.with_header(name.clone(), value.clone());
                }
                client.exchange(request)
            }
        }

        /// What a reply came to, in the terms the harness judges.
        fn outcome<R>(
            result: Result<#krate::Exchange<R>, #krate::SendError>,
            inspect: impl Fn(&R) -> (bool, Read),
        ) -> Outcome {
            match result {
                Ok(exchange) => {
                    let (documented, read) = inspect(&exchange.response);
                    Outcome::Reply {
                        status: exchange.status,
                        documented,
                        read,
                        body: exchange.body,
                    }
                }
                Err(#krate::SendError::Decode { error, status, headers, body }) => Outcome::DecodeFailed {
                    status,
                    message: error.to_string(),
                    headers,
                    body,
                },
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }

        pub fn run(base: &str, harness: &mut Harness) {
            let client = ClientOf { base: base.to_owned(), headers: Vec::new() };
            #(#calls)*
        }
    }
}

/// The documented exact status codes of a response, each a run against Prism.
fn documented_codes(response: &ResponseDef) -> Vec<Option<u16>> {
    let codes: Vec<Option<u16>> = response
        .cases
        .iter()
        .filter_map(|case| match case.status {
            StatusKey::Code(code) => Some(Some(code)),
            _ => None,
        })
        .collect();
    if codes.is_empty() {
        vec![None]
    } else {
        codes
    }
}

/// The response examples of an operation that the generator's examples pass found to break
/// their schema: `&[(json, why)]`.
fn contradicted(space: &TypeSpace, operation_id: &str) -> TokenStream {
    let pairs = space
        .judged_examples()
        .filter(|(e, _, _)| e.operation_id == operation_id)
        .filter_map(|(e, _, verdict)| {
            let why = verdict.contradiction()?;
            let json = e.value.to_string();
            Some(quote!((#json, #why)))
        });
    quote!(&[#(#pairs),*])
}

/// What the harness knows of an operation from the spec, to tell the spec's faults and the
/// mock's from the generated code's.
struct Known {
    contradicted: TokenStream,
    path_params: TokenStream,
    response: String,
}

/// Whether a request's body is multipart with an object among its parts.
fn has_json_parts(space: &TypeSpace, r: &RequestDef) -> bool {
    let Some(codegen::ir::RequestBody {
        field: body,
        encoding: codegen::ir::BodyEncoding::Multipart,
        ..
    }) = &r.body
    else {
        return false;
    };
    let object = |ty: &TypeRef| {
        let mut ty = ty;
        while let TypeRef::Nullable(inner) | TypeRef::Boxed(inner) = ty {
            ty = inner;
        }
        matches!(ty, TypeRef::Map(_) | TypeRef::Json) || space.struct_of(ty).is_some()
    };
    space
        .struct_of(&body.ty)
        .is_some_and(|s| s.fields.iter().any(|f| object(&f.ty)))
}

/// Why a request cannot be sent as the spec means it: its path's `{placeholders}` and its
/// path parameters differ (the generator warns, and writes the path as it stands).
fn path_mismatch(r: &RequestDef) -> Option<String> {
    let placeholders: Vec<&str> = r.path.placeholders().collect();
    let parameters: Vec<&str> = path_parameters(r).collect();
    let unfilled: Vec<&str> = placeholders
        .iter()
        .filter(|p| !parameters.contains(p))
        .copied()
        .collect();
    let unused: Vec<&str> = parameters
        .iter()
        .filter(|p| !placeholders.contains(p))
        .copied()
        .collect();
    if unfilled.is_empty() && unused.is_empty() {
        return None;
    }
    Some(format!(
        "the spec's path {} and its path parameters disagree (no parameter for: {}; not in the path: {})",
        r.path.as_str(),
        unfilled.join(", "),
        unused.join(", ")
    ))
}

/// `&["id", ...]`: the names of a request's path parameters.
fn path_params(r: &RequestDef) -> TokenStream {
    let names = path_parameters(r);
    quote!(&[#(#names),*])
}

/// The names of a request's path parameters, in spec order.
fn path_parameters(r: &RequestDef) -> impl Iterator<Item = &str> {
    r.parameters
        .iter()
        .filter(|p| p.how.location == ParameterLocation::Path)
        .map(|p| p.field.json_name.as_str())
}

/// The expectation of one run: the table's status, else a success where the spec documents
/// one, else a documented status.
fn expect_tokens(
    response: &ResponseDef,
    run: &Expectation,
    prefer: Option<u16>,
    known: &Known,
) -> TokenStream {
    let Known {
        contradicted,
        path_params,
        response: response_name,
    } = known;
    let success = response.cases.iter().any(|case| case.status.is_success());
    let status = match run.status.or(prefer) {
        Some(code) if !run.documented => quote!(Status::Undocumented(#code)),
        Some(code) => quote!(Status::Exactly(#code)),
        None if success => quote!(Status::Success),
        None => quote!(Status::Documented),
    };
    let fails = match &run.decode_fails {
        Some(why) => quote!(Some(#why)),
        None => quote!(None),
    };
    let absent = match &run.null_as_absent {
        Some(why) => quote!(Some(#why)),
        None => quote!(None),
    };
    let reply = match &run.reply {
        Some(value) => {
            let text = value.to_string();
            quote!(Some(#text))
        }
        None => quote!(None),
    };
    quote!(Expect {
        status: #status,
        decode_fails: #fails,
        null_as_absent: #absent,
        reply: #reply,
        contradicted: #contradicted,
        path_params: #path_params,
        response: #response_name,
    })
}

/// The path of a generated type from the harness: `krate::models::<module>::<Name>`.
pub(super) fn type_path(krate: &Ident, def: codegen::ir::Named<'_>) -> TokenStream {
    let module = ident(def.module.dir());
    let name = ident(def.name);
    quote!(#krate::models::#module::#name)
}

/// `|response| (documented, body)`: whether the variant is a documented one, and its body as
/// the model read it.
fn inspect_fn(
    space: &TypeSpace,
    def: codegen::ir::Named<'_>,
    response: &ResponseDef,
    krate: &Ident,
) -> TokenStream {
    let TypeKind::Request(r) = &def.kind else {
        return quote!(|_| (true, Read::Nothing));
    };
    let response_type = space.named(r.response);
    let path = type_path(krate, response_type);
    let names = response_type.members;
    let other = ident(&names.other);
    let arms = response.cases.iter().zip(names.iter()).map(|(case, rust)| {
        let variant = ident(rust);
        let fixed = matches!(case.status, StatusKey::Code(_));
        let has_body = case.body != ResponseBody::Empty;
        let value = match case.body {
            ResponseBody::Json(_) => quote!(Read::Json(serde_json::to_value(body).unwrap_or_default())),
            ResponseBody::Content(_) => quote!(match body {
                #krate::Content::Json(body) => Read::Json(serde_json::to_value(body).unwrap_or_default()),
                #krate::Content::Text(text) => Read::Text(text.clone()),
                #krate::Content::Bytes(bytes) => Read::Bytes(bytes.clone()),
                #krate::Content::Empty => Read::Nothing,
            }),
            ResponseBody::Text => quote!(Read::Text(body.clone())),
            ResponseBody::Bytes | ResponseBody::Base64 => quote!(Read::Bytes(body.clone())),
            ResponseBody::Empty => quote!(Read::Nothing),
        };
        let pattern = match (case.headers.is_some(), fixed, has_body) {
            (true, _, true) => quote!(#path::#variant { body, .. }),
            (true, _, false) => quote!(#path::#variant { .. }),
            (false, true, true) => quote!(#path::#variant(body)),
            (false, false, true) => quote!(#path::#variant(_, body)),
            (false, true, false) => quote!(#path::#variant),
            (false, false, false) => quote!(#path::#variant(_)),
        };
        quote!(#pattern => (true, #value),)
    });
    quote! {
        |response: &#path| match response {
            #(#arms)*
            #path::#other { .. } => (false, Read::Nothing),
        }
    }
}

/// A `Security` with a made-up credential for each scheme, for servers that check only that
/// one is there.
fn security_value(space: &TypeSpace, krate: &Ident) -> TokenStream {
    if space.security_schemes.is_empty() {
        return quote!(());
    }
    let fields = space.schemes().map(|(scheme, field)| {
        let field = ident(field);
        match scheme.kind {
            SchemeKind::Basic => quote!(#field: Some(("user".to_owned(), "password".to_owned())),),
            SchemeKind::Authorization => quote!(#field: Some("Digest made-up".to_owned()),),
            _ => quote!(#field: Some("made-up-credential".to_owned()),),
        }
    });
    quote!(#krate::Security { #(#fields)* })
}
