//! The harness program: for each spec, a module that builds every operation variant's request
//! with the generated types, sends it with the generated blocking client, and reports what
//! came back, judged by the rules in `runtime.rs` (copied into the program).

use super::values::Sampler;
use super::{Mode, Spec};
use codegen::ir::{
    BodyEncoding, ParameterLocation, RequestDef, ResponseBody, ResponseDef, SchemeKind, StatusKey,
    TypeKind, TypeSpace,
};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use serde_json::Value;

/// What the table says of one operation, where the spec alone cannot tell: the values its
/// route expects, the status it answers with, or why it is skipped.
#[derive(Debug, Clone)]
pub struct Expectation {
    pub params: serde_json::Map<String, Value>,
    pub body: Option<Value>,
    /// What the reply's body must read as: its JSON, or (for a body of bytes or text) its
    /// bytes as a list of numbers or its text as a string.
    pub reply: Option<Value>,
    pub status: Option<u16>,
    /// Whether the reply's status is one the spec documents (`false`: it decodes to the
    /// catch-all variant).
    pub documented: bool,
    pub decode_fails: Option<String>,
    /// Why a null the server sends for a property that is not nullable is read as absent
    /// (the model has no null to hold), so that the comparison leaves such nulls out.
    pub null_as_absent: Option<String>,
    pub skip: Option<String>,
}

impl Expectation {
    /// The runs of an operation in the table's entry: one, or several (`runs`).
    pub fn runs(entry: Option<&Value>) -> Vec<Expectation> {
        let Some(entry) = entry else {
            return vec![Expectation::of(&Value::Null)];
        };
        match entry.get("runs").and_then(Value::as_array) {
            Some(runs) => runs.iter().map(Expectation::of).collect(),
            None => vec![Expectation::of(entry)],
        }
    }

    fn of(entry: &Value) -> Expectation {
        let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_owned);
        Expectation {
            params: entry
                .get("params")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default(),
            // `body_text`: a binary body given as text, sent as its UTF-8 bytes.
            body: entry.get("body").cloned().or_else(|| {
                let text = entry.get("body_text")?.as_str()?;
                Some(Value::from(text.as_bytes().to_vec()))
            }),
            reply: entry.get("reply").cloned().or_else(|| {
                let text = entry.get("reply_text")?.as_str()?;
                Some(Value::from(text.as_bytes().to_vec()))
            }),
            status: entry
                .get("status")
                .and_then(Value::as_u64)
                .map(|s| s as u16),
            documented: entry
                .get("documented")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            decode_fails: text("decode_fails"),
            null_as_absent: text("null_as_absent"),
            skip: text("skip"),
        }
    }
}

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
        let def = space.get(variant.request);
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
                r.content_type.as_deref().unwrap_or("no body")
            )
        } else {
            op.operation_id.clone()
        };
        // An entry for one variant (`operationId (media type)`) comes before one for all.
        let entry = table.and_then(|t| t.get(&label).or_else(|| t.get(&op.operation_id)));
        let xml = r
            .content_type
            .as_deref()
            .is_some_and(|media| media.contains("xml"));
        if mode == Mode::Prism && xml {
            // Prism checks an XML body against the schema; the harness writes no XML.
            calls
                .push(quote!(harness.skip(#spec_name, #label, "the harness makes no XML bodies");));
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
                let request = request_value(&sampler, doc, def, r, &run, &krate, mode);
                let inspect = inspect_fn(space, def, response, &krate);
                let known = Known {
                    contradicted: contradicted(space, &op.operation_id),
                    path_params: path_params(r),
                };
                let expect = expect_tokens(response, &run, prefer, &known);
                let client = match prefer {
                    Some(code) => {
                        let value = format!("code={code}");
                        quote!(&client.clone_with_header("Prefer", #value))
                    }
                    None => quote!(&client),
                };
                let path = &r.path;
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
                calls.push(quote! {
                    {
                        let outcome = match #request {
                            Ok(request) => {
                                let client: &Client = #client;
                                outcome(client.exchange(&request), #inspect)
                            }
                            Err(e) => Outcome::Failed(format!("the request could not be built: {e}")),
                        };
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
                Err(#krate::SendError::Decode { error, status, body, .. }) => Outcome::DecodeFailed {
                    status,
                    message: error.to_string(),
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

/// The expectation of one run: the table's status, else a success where the spec documents
/// one, else a documented status.
/// The response examples of an operation that the generator's examples pass found to break
/// their schema: `&[(json, why)]`.
fn contradicted(space: &TypeSpace, operation_id: &str) -> TokenStream {
    let pairs = space
        .examples
        .iter()
        .filter(|e| e.operation_id == operation_id)
        .filter_map(|e| {
            let why = e.contradiction.as_ref()?;
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
}

/// `&["id", ...]`: the names of a request's path parameters.
fn path_params(r: &RequestDef) -> TokenStream {
    let names = r
        .fields
        .iter()
        .zip(&r.parameters)
        .filter(|(_, p)| p.location == ParameterLocation::Path)
        .map(|(f, _)| f.json_name.as_str());
    quote!(&[#(#names),*])
}

fn expect_tokens(
    response: &ResponseDef,
    run: &Expectation,
    prefer: Option<u16>,
    known: &Known,
) -> TokenStream {
    let Known {
        contradicted,
        path_params,
    } = known;
    let success = response.cases.iter().any(|case| match case.status {
        StatusKey::Code(code) => (200..300).contains(&code),
        StatusKey::Range(digit) => digit == 2,
        StatusKey::Default => false,
    });
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
    })
}

/// The expression of a `Result<Request, String>` for one run.
fn request_value(
    sampler: &Sampler,
    doc: &Value,
    def: &codegen::ir::TypeDef,
    r: &RequestDef,
    run: &Expectation,
    krate: &Ident,
    mode: Mode,
) -> TokenStream {
    let path = type_path(krate, def);
    let label = &def.name;
    let path_item = doc.get("paths").and_then(|paths| paths.get(&r.path));
    let operation = path_item.and_then(|item| item.get(r.method.to_ascii_lowercase()));
    let mut fields = Vec::new();
    let body_field = r.body.map(|_| r.fields.len() - 1);
    for (i, field) in r.fields.iter().enumerate() {
        let rust = ident(&field.rust_name);
        let value = if Some(i) == body_field {
            body_value(sampler, operation, r, run, mode)
        } else {
            let location = r.parameters[i].location;
            parameter_value(
                sampler,
                path_item,
                operation,
                &field.json_name,
                location,
                run,
                field.required,
            )
        };
        let read = match value {
            Source::Json(json) => {
                let text = json.to_string();
                quote!(value(#text)?)
            }
            Source::Paired(fallback) if field.required => {
                let request_path = &r.path;
                let fallback = fallback_tokens(fallback);
                quote!(harness.paired(#request_path, #fallback)?)
            }
            Source::Paired(fallback) => {
                let request_path = &r.path;
                let fallback = fallback_tokens(fallback);
                quote!(harness.paired_optional(#request_path, #fallback)?)
            }
            Source::Example { example, sample } => {
                let (example, sample) = (example.to_string(), sample.to_string());
                quote!(harness.example_or(#label, #example, #sample)?)
            }
            Source::None => quote!(None),
        };
        let wrap = !field.required
            && !read_is_none(&read)
            && !read.to_string().contains("paired_optional");
        let read = if wrap { quote!(Some(#read)) } else { read };
        fields.push(quote!(#rust: #read,));
    }
    if r.body_is_request {
        // The body is the request: built whole from its value.
        let read = match body_value(sampler, operation, r, run, mode) {
            Source::Json(json) => {
                let text = json.to_string();
                quote!(value(#text))
            }
            Source::Paired(fallback) => {
                let request_path = &r.path;
                let fallback = fallback_tokens(fallback);
                quote!(harness.paired(#request_path, #fallback))
            }
            Source::Example { example, sample } => {
                let (example, sample) = (example.to_string(), sample.to_string());
                quote!(harness.example_or(#label, #example, #sample))
            }
            Source::None => quote!(value("{}")),
        };
        return quote!((|| -> Result<#path, String> { #read })());
    }
    quote!((|| -> Result<#path, String> { Ok(#path { #(#fields)* }) })())
}

/// `Some("json")` or `None`, for the harness's `paired` calls.
fn fallback_tokens(fallback: Option<Value>) -> TokenStream {
    match fallback {
        Some(value) => {
            let text = value.to_string();
            quote!(Some(#text))
        }
        None => quote!(None),
    }
}

fn read_is_none(tokens: &TokenStream) -> bool {
    tokens.to_string() == "None"
}

/// Where a field's value comes from.
enum Source {
    Json(Value),
    /// The reply of the read of the same path, sent back; else this value (made from the
    /// schema), where there is one.
    Paired(Option<Value>),
    /// The spec's example, or where it does not fit the model (a spec whose example breaks
    /// its schema), a value made from the schema, with a note in the report.
    Example {
        example: Value,
        sample: Value,
    },
    None,
}

/// The body of a binary request the table does not give.
const BINARY_SAMPLE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x00, 0xff, 0xfe, 0x80];

fn body_value(
    sampler: &Sampler,
    operation: Option<&Value>,
    r: &RequestDef,
    run: &Expectation,
    mode: Mode,
) -> Source {
    if let Some(body) = &run.body {
        return Source::Json(body.clone());
    }
    let media = operation
        .and_then(|op| op.get("requestBody"))
        .map(|body| sampler.resolve(body))
        .and_then(|body| body.get("content"))
        .and_then(|content| content.get(r.content_type.as_deref().unwrap_or_default()));
    let Some(media) = media else {
        return Source::None;
    };
    if matches!(r.body, Some(BodyEncoding::Binary | BodyEncoding::Base64)) {
        // Bytes that are not UTF-8, so that a server or a client that reads them as text
        // shows.
        return Source::Json(serde_json::json!(BINARY_SAMPLE));
    }
    let schema = media.get("schema").map(|s| sampler.resolve(s));
    let example = media.get("example").or_else(|| {
        media
            .get("examples")
            .and_then(Value::as_object)
            .and_then(|e| e.values().next())
            .map(|e| sampler.resolve(e))
            .and_then(|e| e.get("value"))
    });
    if let Some(example) = example {
        let sample = match schema {
            Some(schema) if r.body == Some(BodyEncoding::Multipart) => {
                with_file_parts(sampler, schema, sampler.sample(schema))
            }
            Some(schema) => sampler.sample(schema),
            None => Value::Null,
        };
        return Source::Example {
            example: example.clone(),
            sample,
        };
    }
    // A body the spec fixes (one value) is sent as it is; any other is what the read of the
    // same path returned, where there is one.
    let fixed = schema.is_some_and(|s| {
        s.get("enum")
            .and_then(Value::as_array)
            .is_some_and(|e| e.len() == 1)
    });
    // Prism checks a body against its schema only, so a value made from the schema does.
    if !fixed && r.method != "GET" && mode == Mode::Autorest {
        return Source::Paired(schema.map(|schema| sampler.sample(schema)));
    }
    match schema {
        Some(schema) if r.body == Some(BodyEncoding::Multipart) => {
            Source::Json(with_file_parts(sampler, schema, sampler.sample(schema)))
        }
        Some(schema) => Source::Json(sampler.sample(schema)),
        None => Source::None,
    }
}

/// A multipart body's value with a file (the generated file-part type's fields) for each
/// property that is one: `format: binary`, or a list of such.
fn with_file_parts(sampler: &Sampler, schema: &Value, mut value: Value) -> Value {
    let file = serde_json::json!({
        "fileName": "sample.bin",
        "contentType": "application/octet-stream",
        "content": BINARY_SAMPLE,
    });
    let binary = |schema: &Value| {
        sampler
            .resolve(schema)
            .get("format")
            .and_then(Value::as_str)
            == Some("binary")
    };
    let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object_mut(),
    ) else {
        return value;
    };
    for (name, property) in properties {
        let property = sampler.resolve(property);
        let Some(slot) = object.get_mut(name) else {
            continue;
        };
        if binary(property) {
            *slot = file.clone();
        } else if property.get("items").is_some_and(&binary) {
            *slot = Value::Array(vec![file.clone()]);
        }
    }
    value
}

fn parameter_value(
    sampler: &Sampler,
    path_item: Option<&Value>,
    operation: Option<&Value>,
    name: &str,
    location: ParameterLocation,
    run: &Expectation,
    required: bool,
) -> Source {
    if let Some(value) = run.params.get(name) {
        return Source::Json(value.clone());
    }
    if !required {
        return Source::None;
    }
    let location = match location {
        ParameterLocation::Path => "path",
        ParameterLocation::Query => "query",
        ParameterLocation::Header => "header",
        ParameterLocation::Cookie => "cookie",
    };
    let parameter = find_parameter(sampler, path_item, operation, name, location);
    let Some(parameter) = parameter else {
        return Source::Json(Value::String("value".to_owned()));
    };
    for key in ["example"] {
        if let Some(value) = parameter.get(key) {
            return Source::Json(value.clone());
        }
    }
    match parameter.get("schema") {
        Some(schema) => Source::Json(sampler.sample(schema)),
        None => Source::Json(Value::String("value".to_owned())),
    }
}

/// A parameter of an operation, or of its path item (the operation's own come first).
fn find_parameter<'d>(
    sampler: &'d Sampler,
    path_item: Option<&'d Value>,
    operation: Option<&'d Value>,
    name: &str,
    location: &str,
) -> Option<&'d Value> {
    let lists = [
        operation.and_then(|op| op.get("parameters")),
        path_item.and_then(|item| item.get("parameters")),
    ];
    lists
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .map(|p| sampler.resolve(p))
        .find(|p| {
            p.get("name").and_then(Value::as_str) == Some(name)
                && p.get("in").and_then(Value::as_str) == Some(location)
        })
}

/// The path of a generated type from the harness: `krate::models::<module>::<Name>`.
fn type_path(krate: &Ident, def: &codegen::ir::TypeDef) -> TokenStream {
    let module = ident(def.module.dir());
    let name = ident(&def.name);
    quote!(#krate::models::#module::#name)
}

/// `|response| (documented, body)`: whether the variant is a documented one, and its body as
/// the model read it.
fn inspect_fn(
    space: &TypeSpace,
    def: &codegen::ir::TypeDef,
    response: &ResponseDef,
    krate: &Ident,
) -> TokenStream {
    let TypeKind::Request(r) = &def.kind else {
        return quote!(|_| (true, Read::Nothing));
    };
    let path = type_path(krate, space.get(r.response));
    let other = ident(&response.other_name);
    let arms = response.cases.iter().map(|case| {
        let variant = ident(&case.rust_name);
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
    let fields = space.security_schemes.iter().map(|scheme| {
        let field = ident(&scheme.rust_name);
        match scheme.kind {
            SchemeKind::Basic => quote!(#field: Some(("user".to_owned(), "password".to_owned())),),
            SchemeKind::Authorization => quote!(#field: Some("Digest made-up".to_owned()),),
            _ => quote!(#field: Some("made-up-credential".to_owned()),),
        }
    });
    quote!(#krate::Security { #(#fields)* })
}
