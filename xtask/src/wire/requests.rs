//! The requests the harness sends: each field's value as Rust tokens, from the table, the
//! spec's examples, the reply of a read of the same path, or a value made from the schema.

use super::harness::{ident, type_path};
use super::table::Expectation;
use super::values::Sampler;
use super::Mode;
use codegen::ir::{BodyEncoding, ParameterLocation, RequestDef};
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

/// Whether a request is built from the spec's examples where it gives them, or from values
/// made from the schemas only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    Examples,
    Schemas,
}

/// The expression of a `Result<Request, String>` for one run, and whether it uses one of the
/// spec's examples.
#[allow(clippy::too_many_arguments)]
pub fn request_value(
    sampler: &Sampler,
    doc: &Value,
    def: codegen::ir::Named<'_>,
    r: &RequestDef,
    run: &Expectation,
    krate: &proc_macro2::Ident,
    mode: Mode,
    values: Values,
) -> (TokenStream, bool) {
    let mut from_example = false;
    // The spec's example, or the value made from the schema where they are not wanted.
    let mut chosen = |source: Source| match source {
        Source::Example { sample, .. } if values == Values::Schemas => Source::Json(sample),
        Source::Example { example, sample } => {
            from_example = true;
            Source::Example { example, sample }
        }
        other => other,
    };
    let path = type_path(krate, def);
    let label = def.name;
    let path_item = doc
        .get("paths")
        .and_then(|paths| paths.get(r.path.as_str()));
    let operation = path_item.and_then(|item| item.get(r.method.to_ascii_lowercase()));
    let mut fields = Vec::new();
    let parameters = r
        .parameters
        .iter()
        .map(|p| (&p.field, Some(p.how.location)));
    let body = r.body.as_ref().map(|b| (&b.field, None));
    for ((field, location), rust) in parameters.chain(body).zip(def.members.iter()) {
        let rust = ident(rust);
        let value = if let Some(location) = location {
            parameter_value(
                sampler,
                path_item,
                operation,
                &field.json_name,
                location,
                run,
                field.required,
            )
        } else {
            chosen(body_value(sampler, operation, r, run, mode))
        };
        let read = match value {
            Source::Json(json) => {
                let text = json.to_string();
                quote!(value(#text)?)
            }
            Source::Paired(fallback) if field.required => {
                let request_path = r.path.as_str();
                let fallback = fallback_tokens(fallback);
                quote!(harness.paired(#request_path, #fallback)?)
            }
            Source::Paired(fallback) => {
                let request_path = r.path.as_str();
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
        let read = match chosen(body_value(sampler, operation, r, run, mode)) {
            Source::Json(json) => {
                let text = json.to_string();
                quote!(value(#text))
            }
            Source::Paired(fallback) => {
                let request_path = r.path.as_str();
                let fallback = fallback_tokens(fallback);
                quote!(harness.paired(#request_path, #fallback))
            }
            Source::Example { example, sample } => {
                let (example, sample) = (example.to_string(), sample.to_string());
                quote!(harness.example_or(#label, #example, #sample))
            }
            Source::None => quote!(value("{}")),
        };
        return (
            quote!((|| -> Result<#path, String> { #read })()),
            from_example,
        );
    }
    (
        quote!((|| -> Result<#path, String> { Ok(#path { #(#fields)* }) })()),
        from_example,
    )
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
        .and_then(|content| content.get(r.content_type().unwrap_or_default()));
    let Some(media) = media else {
        return Source::None;
    };
    if matches!(
        r.encoding(),
        Some(BodyEncoding::Binary | BodyEncoding::Base64)
    ) {
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
            Some(schema) if r.encoding() == Some(BodyEncoding::Multipart) => {
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
        Some(schema) if r.encoding() == Some(BodyEncoding::Multipart) => {
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
