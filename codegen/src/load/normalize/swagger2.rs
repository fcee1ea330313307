//! Swagger 2.0 → the OpenAPI 3.0 form. The document is rebuilt section by section (the shapes
//! differ: `definitions`, `body` and `formData` parameters, response `schema`s per `produces`),
//! and every place that moved is recorded in the provenance; then each schema gets the 2.0
//! rules (`x-nullable`, `type: file`, a string `discriminator`) in place.

use super::{Notes, Provenance};
use crate::load::walk;
use crate::pointer::pointer_join;
use serde_json::{json, Map, Value};

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];
const DEFAULT_MEDIA: &str = "application/json";

pub fn normalize(root: &mut Map<String, Value>, notes: &mut Notes, provenance: &mut Provenance) {
    root.remove("swagger");
    root.insert("openapi".to_owned(), json!("3.0.3"));
    let consumes = media_list(root.remove("consumes"));
    let produces = media_list(root.remove("produces"));
    let servers = servers(root);
    if !servers.is_empty() {
        root.insert("servers".to_owned(), Value::Array(servers));
    }
    let schemes = match root.remove("securityDefinitions") {
        Some(Value::Object(definitions)) => security_schemes(definitions, notes),
        _ => Map::new(),
    };
    root.values_mut()
        .for_each(|v| walk::references(v, &mut rewrite_ref));
    let shared_parameters = match root.remove("parameters") {
        Some(Value::Object(parameters)) => parameters,
        _ => Map::new(),
    };
    let mut components = Map::new();
    // Recorded whether or not the sections exist: every reference into them was rewritten.
    provenance.moved("#/components/schemas", "#/definitions");
    provenance.moved("#/components/responses", "#/responses");
    if let Some(definitions) = root.remove("definitions") {
        components.insert("schemas".to_owned(), definitions);
    }
    if !schemes.is_empty() {
        components.insert("securitySchemes".to_owned(), Value::Object(schemes));
        provenance.moved("#/components/securitySchemes", "#/securityDefinitions");
    }
    if let Some(Value::Object(responses)) = root.remove("responses") {
        let mut converted = Map::new();
        for (name, response) in responses {
            let to = pointer_join("#/components/responses", &name);
            let from = pointer_join("#/responses", &name);
            converted.insert(
                name,
                convert_response(response, &produces, &to, &from, provenance),
            );
        }
        components.insert("responses".to_owned(), Value::Object(converted));
    }
    if let Some(Value::Object(paths)) = root.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            let at = pointer_join("#/paths", path);
            if let Value::Object(item) = item {
                convert_path_item(
                    item,
                    &at,
                    &shared_parameters,
                    &consumes,
                    &produces,
                    provenance,
                );
            }
        }
    }
    if !components.is_empty() {
        root.insert("components".to_owned(), Value::Object(components));
    }
    walk::schemas(root, &mut |schema, at| rewrite_schema(schema, at, notes));
    discriminator_mappings(root);
}

/// A 2.0 subtype names its base in `allOf` and may give its own tag in
/// `x-ms-discriminator-value` (Azure's extension); without it the tag is the definition's name.
/// Each base's discriminator gets the mapping of every subtype that gives a value, so that the
/// 3.0 reading of the base carries the same tags the 2.0 one did.
fn discriminator_mappings(root: &mut Map<String, Value>) {
    let Some(Value::Object(schemas)) = root
        .get_mut("components")
        .and_then(|c| c.get_mut("schemas"))
    else {
        return;
    };
    let mut found: Vec<(String, String, String)> = Vec::new();
    for (name, schema) in schemas.iter() {
        let Some(tag) = schema
            .get("x-ms-discriminator-value")
            .and_then(Value::as_str)
        else {
            continue;
        };
        let parents = schema.get("allOf").and_then(Value::as_array);
        for parent in parents.into_iter().flatten() {
            let reference = parent.get("$ref").and_then(Value::as_str);
            if let Some(base) = reference.and_then(|r| crate::pointer::component(r, "schemas")) {
                let target = pointer_join("#/components/schemas", name);
                found.push((base, tag.to_owned(), target));
            }
        }
    }
    for (base, tag, target) in found {
        let discriminator = schemas
            .get_mut(&base)
            .and_then(|b| b.get_mut("discriminator"))
            .and_then(Value::as_object_mut);
        if let Some(discriminator) = discriminator {
            let mapping = discriminator.entry("mapping").or_insert_with(|| json!({}));
            if let Value::Object(mapping) = mapping {
                mapping.entry(tag).or_insert(Value::String(target));
            }
        }
    }
}

fn media_list(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::Array(list)) => list
            .into_iter()
            .filter_map(|m| m.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// `#/definitions/X…` → `#/components/schemas/X…`, `#/responses/X` → `#/components/responses/X`.
/// (`#/parameters/X` is resolved where it is used.)
fn rewrite_ref(reference: &mut String) {
    for (from, to) in [
        ("#/definitions/", "#/components/schemas/"),
        ("#/responses/", "#/components/responses/"),
    ] {
        if let Some(rest) = reference.strip_prefix(from) {
            *reference = format!("{to}{rest}");
        }
    }
}

fn convert_path_item(
    item: &mut Map<String, Value>,
    at: &str,
    shared: &Map<String, Value>,
    consumes: &[String],
    produces: &[String],
    provenance: &mut Provenance,
) {
    // Parameters of the path item apply to each of its operations; a `body` or `formData`
    // one must become each operation's request body, so all go down to the operations.
    let path_parameters = match item.remove("parameters") {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    };
    for method in METHODS {
        let Some(Value::Object(op)) = item.get_mut(method) else {
            continue;
        };
        let op_at = pointer_join(at, method);
        let consumes = op_media(op, "consumes", consumes);
        let produces = op_media(op, "produces", produces);
        let own = match op.remove("parameters") {
            Some(Value::Array(list)) => list,
            _ => Vec::new(),
        };
        // (parameter, the pointer it was written at)
        let mut written: Vec<(Value, String)> = Vec::new();
        for (i, p) in path_parameters.iter().enumerate() {
            written.push((
                p.clone(),
                pointer_join(&pointer_join(at, "parameters"), &i.to_string()),
            ));
        }
        for (i, p) in own.into_iter().enumerate() {
            written.push((
                p,
                pointer_join(&pointer_join(&op_at, "parameters"), &i.to_string()),
            ));
        }
        super::swagger2_parameters::convert_parameters(
            op, &op_at, written, shared, &consumes, provenance,
        );
        if let Some(Value::Object(responses)) = op.remove("responses") {
            let mut converted = Map::new();
            for (status, response) in responses {
                let to = pointer_join(&pointer_join(&op_at, "responses"), &status);
                let response = convert_response(response, &produces, &to, &to, provenance);
                converted.insert(status, response);
            }
            op.insert("responses".to_owned(), Value::Object(converted));
        }
    }
}

fn op_media(op: &mut Map<String, Value>, key: &str, default: &[String]) -> Vec<String> {
    let own = media_list(op.remove(key));
    let list = if own.is_empty() {
        default.to_vec()
    } else {
        own
    };
    if list.is_empty() {
        vec![DEFAULT_MEDIA.to_owned()]
    } else {
        list
    }
}

/// A 2.0 response: its `schema` in each media type of `produces`, its `examples` (keyed by
/// media type) as those media types' examples, and its headers' types as their schemas.
fn convert_response(
    response: Value,
    produces: &[String],
    to: &str,
    from: &str,
    provenance: &mut Provenance,
) -> Value {
    let Value::Object(mut response) = response else {
        return response;
    };
    if response.contains_key("$ref") {
        return Value::Object(response);
    }
    let schema = response.remove("schema");
    let examples = match response.remove("examples") {
        Some(Value::Object(examples)) => examples,
        _ => Map::new(),
    };
    let mut content = Map::new();
    if let Some(schema) = schema {
        let mut media: Vec<String> = produces.to_vec();
        for m in examples.keys() {
            if !media.contains(m) {
                media.push(m.clone());
            }
        }
        if media.is_empty() {
            media.push(DEFAULT_MEDIA.to_owned());
        }
        for m in media {
            let media_at = pointer_join(&pointer_join(to, "content"), &m);
            provenance.moved(
                &pointer_join(&media_at, "schema"),
                &pointer_join(from, "schema"),
            );
            let mut entry = json!({ "schema": schema.clone() });
            if let Some(example) = examples.get(&m) {
                provenance.moved(
                    &pointer_join(&media_at, "example"),
                    &pointer_join(&pointer_join(from, "examples"), &m),
                );
                entry["example"] = example.clone();
            }
            content.insert(m, entry);
        }
    }
    if !content.is_empty() {
        response.insert("content".to_owned(), Value::Object(content));
    }
    if let Some(Value::Object(headers)) = response.get_mut("headers") {
        for (_, header) in headers.iter_mut() {
            if let Value::Object(header) = header {
                let schema = super::swagger2_parameters::parameter_schema(header);
                header.insert("schema".to_owned(), Value::Object(schema));
            }
        }
    }
    response.entry("description").or_insert_with(|| json!(""));
    Value::Object(response)
}

/// The 2.0 rules for one schema.
fn rewrite_schema(schema: &mut Map<String, Value>, at: &str, notes: &mut Notes) {
    let mut nullable = false;
    for key in ["x-nullable", "x-isnullable"] {
        if let Some(value) = schema.remove(key) {
            nullable |= value == Value::Bool(true);
        }
    }
    if nullable {
        // Beside a `$ref`, where 3.0 reads no sibling, the reference goes into an `allOf` of
        // one, which a `nullable` beside it makes nullable.
        if let Some(reference) = schema.remove("$ref") {
            schema.insert("allOf".to_owned(), json!([{ "$ref": reference }]));
        }
        schema.insert("nullable".to_owned(), json!(true));
    }
    if schema.get("type").and_then(Value::as_str) == Some("file") {
        schema.insert("type".to_owned(), json!("string"));
        schema.insert("format".to_owned(), json!("binary"));
    }
    if let Some(Value::String(property)) = schema.get("discriminator").cloned() {
        schema.insert(
            "discriminator".to_owned(),
            json!({ "propertyName": property }),
        );
        notes.once(
            "discriminator",
            at,
            "a Swagger 2.0 `discriminator` names its subtypes by their definitions' names (or their `x-ms-discriminator-value`); the mapping lists those that give a value",
        );
    }
}

/// The servers of a 2.0 document: `{scheme}://{host}{basePath}` for each of its `schemes`
/// (`https` where it names none), or the base path alone where it has no `host`.
fn servers(root: &mut Map<String, Value>) -> Vec<Value> {
    let host = root.remove("host");
    let base_path = root.remove("basePath");
    let schemes = media_list(root.remove("schemes"));
    let base_path = base_path
        .as_ref()
        .and_then(Value::as_str)
        .unwrap_or_default();
    let Some(host) = host.as_ref().and_then(Value::as_str) else {
        return if base_path.is_empty() {
            Vec::new()
        } else {
            vec![json!({ "url": base_path })]
        };
    };
    let schemes = if schemes.is_empty() {
        vec!["https".to_owned()]
    } else {
        schemes
    };
    schemes
        .iter()
        .map(|scheme| json!({ "url": format!("{scheme}://{host}{base_path}") }))
        .collect()
}

/// 2.0 `securityDefinitions` as 3.0 security schemes: `basic` is HTTP basic, `apiKey` stays,
/// `oauth2` gets the flow its `flow` names. Anything else is dropped with a warning.
fn security_schemes(definitions: Map<String, Value>, notes: &mut Notes) -> Map<String, Value> {
    let mut out = Map::new();
    for (name, definition) in definitions {
        let at = pointer_join("#/securityDefinitions", &name);
        let get = |key: &str| definition.get(key).cloned().unwrap_or(Value::Null);
        let scheme = match definition.get("type").and_then(Value::as_str) {
            Some("basic") => json!({ "type": "http", "scheme": "basic" }),
            Some("apiKey") => json!({ "type": "apiKey", "name": get("name"), "in": get("in") }),
            Some("oauth2") => {
                let scopes = definition
                    .get("scopes")
                    .cloned()
                    .unwrap_or_else(|| json!({}));
                let flow = match definition.get("flow").and_then(Value::as_str) {
                    Some("implicit") => (
                        "implicit",
                        json!({ "authorizationUrl": get("authorizationUrl"), "scopes": scopes }),
                    ),
                    Some("password") => (
                        "password",
                        json!({ "tokenUrl": get("tokenUrl"), "scopes": scopes }),
                    ),
                    Some("application") => (
                        "clientCredentials",
                        json!({ "tokenUrl": get("tokenUrl"), "scopes": scopes }),
                    ),
                    Some("accessCode") => (
                        "authorizationCode",
                        json!({ "authorizationUrl": get("authorizationUrl"), "tokenUrl": get("tokenUrl"), "scopes": scopes }),
                    ),
                    _ => {
                        notes.once(
                            "oauth2 flow",
                            &at,
                            "an OAuth 2 definition without a known `flow` is dropped",
                        );
                        continue;
                    }
                };
                let mut flows = Map::new();
                flows.insert(flow.0.to_owned(), flow.1);
                json!({ "type": "oauth2", "flows": flows })
            }
            _ => {
                notes.once(
                    "security type",
                    &at,
                    "a security definition of an unknown `type` is dropped",
                );
                continue;
            }
        };
        let mut scheme = scheme;
        if let Some(description) = definition.get("description") {
            scheme["description"] = description.clone();
        }
        out.insert(name, scheme);
    }
    out
}
