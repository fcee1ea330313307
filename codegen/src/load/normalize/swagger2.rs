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
        convert_parameters(op, &op_at, written, shared, &consumes, provenance);
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

fn convert_parameters(
    op: &mut Map<String, Value>,
    op_at: &str,
    written: Vec<(Value, String)>,
    shared: &Map<String, Value>,
    consumes: &[String],
    provenance: &mut Provenance,
) {
    let mut parameters = Vec::new();
    let mut form = Map::new();
    let mut form_required = Vec::new();
    let mut form_has_file = false;
    // (field name, the pointer its parameter was written at)
    let mut form_fields: Vec<(String, String)> = Vec::new();
    let mut body: Option<(Map<String, Value>, String)> = None;
    for (parameter, from) in written {
        // A reference to a shared parameter stands for it, here.
        let (parameter, from) = match parameter.get("$ref").and_then(Value::as_str) {
            Some(reference) => match crate::pointer::segments(reference)
                .filter(|s| s.len() == 2 && s[0] == "parameters")
                .and_then(|s| shared.get(&s[1]))
            {
                Some(found) => (found.clone(), reference.to_owned()),
                None => (parameter, from),
            },
            None => (parameter, from),
        };
        let Value::Object(mut p) = parameter else {
            continue;
        };
        match p.get("in").and_then(Value::as_str) {
            Some("body") => body = Some((p, from)),
            Some("formData") => {
                let name = p
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned();
                if p.remove("required") == Some(Value::Bool(true)) {
                    form_required.push(json!(name));
                }
                form_has_file |= p.get("type").and_then(Value::as_str) == Some("file");
                let schema = parameter_schema(&mut p);
                form.insert(name.clone(), Value::Object(schema));
                form_fields.push((name, from));
            }
            _ => {
                let to = pointer_join(
                    &pointer_join(op_at, "parameters"),
                    &parameters.len().to_string(),
                );
                if !p.contains_key("schema") {
                    let schema = parameter_schema(&mut p);
                    p.insert("schema".to_owned(), Value::Object(schema));
                    provenance.moved(&pointer_join(&to, "schema"), &from);
                }
                provenance.moved(&to, &from);
                parameters.push(Value::Object(p));
            }
        }
    }
    if !parameters.is_empty() {
        op.insert("parameters".to_owned(), Value::Array(parameters));
    }
    let body_at = pointer_join(op_at, "requestBody");
    if let Some((mut p, from)) = body {
        let schema = p.remove("schema").unwrap_or_else(|| json!({}));
        let mut content = Map::new();
        for media in consumes {
            let media_at = pointer_join(&pointer_join(&body_at, "content"), media);
            provenance.moved(
                &pointer_join(&media_at, "schema"),
                &pointer_join(&from, "schema"),
            );
            content.insert(media.clone(), json!({ "schema": schema.clone() }));
        }
        let mut request = Map::new();
        if let Some(description) = p.remove("description") {
            request.insert("description".to_owned(), description);
        }
        if let Some(required) = p.remove("required") {
            request.insert("required".to_owned(), required);
        }
        request.insert("content".to_owned(), Value::Object(content));
        op.insert("requestBody".to_owned(), Value::Object(request));
        provenance.moved(&body_at, &from);
    } else if !form.is_empty() {
        let form_media: Vec<&str> = consumes
            .iter()
            .map(String::as_str)
            .filter(|m| *m == "application/x-www-form-urlencoded" || *m == "multipart/form-data")
            .collect();
        let media = match (form_media.as_slice(), form_has_file) {
            ([], true) => vec!["multipart/form-data"],
            ([], false) => vec!["application/x-www-form-urlencoded"],
            (list, _) => list.to_vec(),
        };
        let mut schema = json!({ "type": "object", "properties": form });
        if !form_required.is_empty() {
            schema["required"] = Value::Array(form_required);
        }
        let mut content = Map::new();
        for m in media {
            let schema_at = pointer_join(
                &pointer_join(&pointer_join(&body_at, "content"), m),
                "schema",
            );
            for (name, from) in &form_fields {
                let field_at = pointer_join(&pointer_join(&schema_at, "properties"), name);
                provenance.moved(&field_at, from);
            }
            content.insert(m.to_owned(), json!({ "schema": schema.clone() }));
        }
        op.insert("requestBody".to_owned(), json!({ "content": content }));
    }
}

/// A non-body parameter's type keywords, taken out of it as its `schema`; `collectionFormat`
/// becomes the parameter's `style` and `explode`.
fn parameter_schema(p: &mut Map<String, Value>) -> Map<String, Value> {
    const TYPE_KEYWORDS: [&str; 18] = [
        "type",
        "format",
        "items",
        "enum",
        "default",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "multipleOf",
        "x-nullable",
        "x-isnullable",
    ];
    let mut schema = Map::new();
    for key in TYPE_KEYWORDS {
        if let Some(value) = p.remove(key) {
            schema.insert(key.to_owned(), value);
        }
    }
    p.remove("allowEmptyValue");
    let list = schema.get("type").and_then(Value::as_str) == Some("array");
    let format = p.remove("collectionFormat");
    // 2.0 joins a list with commas unless `collectionFormat` says otherwise; 3.0's default
    // for a query list is to repeat the name, so the default is written out.
    match format.as_ref().and_then(Value::as_str) {
        Some("multi") => {
            p.insert("style".to_owned(), json!("form"));
            p.insert("explode".to_owned(), json!(true));
        }
        Some("ssv") => {
            p.insert("style".to_owned(), json!("spaceDelimited"));
            p.insert("explode".to_owned(), json!(false));
        }
        Some("pipes") => {
            p.insert("style".to_owned(), json!("pipeDelimited"));
            p.insert("explode".to_owned(), json!(false));
        }
        // No 3.0 style joins with tabs: the format is kept for lowering to read.
        Some("tsv") => {
            p.insert(super::COLLECTION_FORMAT.to_owned(), json!("tsv"));
            p.insert("explode".to_owned(), json!(false));
        }
        Some(_) => {
            p.insert("explode".to_owned(), json!(false));
        }
        None if list => {
            p.insert("explode".to_owned(), json!(false));
        }
        None => {}
    }
    schema
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
                let schema = parameter_schema(header);
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
