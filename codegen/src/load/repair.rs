//! Repairs of common, unambiguous defects in real specs, each with a warning that names the
//! place, so that such specs load instead of failing on a technicality. Anything ambiguous is
//! left alone for the strict conversion to reject with its own message.

use crate::error::{pointer_join, Diagnostic, Kind};
use serde_json::{Map, Value};

struct Repairer<'a> {
    label: &'a str,
    warnings: &'a mut Vec<Diagnostic>,
}

impl Repairer<'_> {
    fn warn(&mut self, at: &str, message: String) {
        self.warnings
            .push(Diagnostic::warning(Kind::Schema, self.label, message).at(at));
    }
}

pub fn repair(mut value: Value, label: &str, warnings: &mut Vec<Diagnostic>) -> Value {
    let mut r = Repairer { label, warnings };
    let Some(root) = value.as_object_mut() else {
        return value;
    };
    if let Some(Value::Object(paths)) = root.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            let item_at = pointer_join(&pointer_join("#", "paths"), path);
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in item.iter_mut() {
                let op_at = pointer_join(&item_at, method);
                if method == "parameters" {
                    repair_parameters(&mut r, op, &op_at);
                    continue;
                }
                let Some(op) = op.as_object_mut() else {
                    continue;
                };
                if let Some(parameters) = op.get_mut("parameters") {
                    repair_parameters(&mut r, parameters, &pointer_join(&op_at, "parameters"));
                }
                if let Some(Value::Object(body)) = op.get_mut("requestBody") {
                    repair_content(&mut r, body, &pointer_join(&op_at, "requestBody"));
                }
                if let Some(Value::Object(responses)) = op.get_mut("responses") {
                    repair_responses(&mut r, responses, &pointer_join(&op_at, "responses"));
                }
            }
        }
    }
    if let Some(Value::Object(components)) = root.get_mut("components") {
        let at = "#/components";
        if let Some(Value::Object(schemas)) = components.get_mut("schemas") {
            for (name, schema) in schemas.iter_mut() {
                repair_schema(
                    &mut r,
                    schema,
                    &pointer_join(&pointer_join(at, "schemas"), name),
                    0,
                );
            }
        }
        if let Some(Value::Object(responses)) = components.get_mut("responses") {
            repair_responses(&mut r, responses, &pointer_join(at, "responses"));
        }
        if let Some(Value::Object(bodies)) = components.get_mut("requestBodies") {
            for (name, body) in bodies.iter_mut() {
                if let Some(body) = body.as_object_mut() {
                    repair_content(
                        &mut r,
                        body,
                        &pointer_join(&pointer_join(at, "requestBodies"), name),
                    );
                }
            }
        }
        if let Some(Value::Object(parameters)) = components.get_mut("parameters") {
            for (name, parameter) in parameters.iter_mut() {
                let parameter_at = pointer_join(&pointer_join(at, "parameters"), name);
                if let Some(schema) = parameter.as_object_mut().and_then(|p| p.get_mut("schema")) {
                    repair_schema(&mut r, schema, &pointer_join(&parameter_at, "schema"), 0);
                }
            }
        }
    }
    value
}

fn repair_parameters(r: &mut Repairer, parameters: &mut Value, at: &str) {
    let Some(parameters) = parameters.as_array_mut() else {
        return;
    };
    for (i, parameter) in parameters.iter_mut().enumerate() {
        let parameter_at = pointer_join(at, &i.to_string());
        if let Some(schema) = parameter.as_object_mut().and_then(|p| p.get_mut("schema")) {
            repair_schema(r, schema, &pointer_join(&parameter_at, "schema"), 0);
        }
    }
}

/// OpenAPI requires a `description` on every response; many specs leave it out. An empty one
/// means the same to a model generator.
fn repair_responses(r: &mut Repairer, responses: &mut Map<String, Value>, at: &str) {
    for (status, response) in responses.iter_mut() {
        let response_at = pointer_join(at, status);
        let Some(response) = response.as_object_mut() else {
            continue;
        };
        if response.contains_key("$ref") {
            continue;
        }
        if !response.contains_key("description") {
            response.insert("description".to_owned(), Value::String(String::new()));
            r.warn(
                &response_at,
                "response has no `description`; using an empty one".to_owned(),
            );
        }
        repair_content(r, response, &response_at);
    }
}

fn repair_content(r: &mut Repairer, holder: &mut Map<String, Value>, at: &str) {
    let Some(Value::Object(content)) = holder.get_mut("content") else {
        return;
    };
    for (media_type, media) in content.iter_mut() {
        let media_at = pointer_join(&pointer_join(at, "content"), media_type);
        if let Some(schema) = media.as_object_mut().and_then(|m| m.get_mut("schema")) {
            repair_schema(r, schema, &pointer_join(&media_at, "schema"), 0);
        }
    }
}

/// Keywords whose value must be a boolean.
const BOOLEAN_KEYWORDS: &[&str] = &[
    "nullable",
    "readOnly",
    "writeOnly",
    "deprecated",
    "uniqueItems",
    "exclusiveMinimum",
    "exclusiveMaximum",
];
/// Keywords whose value must be a number.
const NUMBER_KEYWORDS: &[&str] = &["minimum", "maximum", "multipleOf"];
/// Keywords whose value must be a non-negative integer.
const COUNT_KEYWORDS: &[&str] = &[
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
];
/// Keywords whose value must be a string.
const TEXT_KEYWORDS: &[&str] = &["description", "title", "pattern", "format"];

/// How deep schemas may nest before the repairs stop descending (the strict conversion still
/// sees everything; this only bounds the repair walk on hostile input).
const MAX_DEPTH: usize = 256;

fn repair_schema(r: &mut Repairer, schema: &mut Value, at: &str, depth: usize) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    if depth > MAX_DEPTH || map.contains_key("$ref") {
        return;
    }
    for key in BOOLEAN_KEYWORDS {
        if let Some(Value::String(text)) = map.get(*key) {
            let parsed = match text.trim() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            };
            if let Some(parsed) = parsed {
                map.insert((*key).to_owned(), Value::Bool(parsed));
                r.warn(
                    &pointer_join(at, key),
                    format!("`{key}` is the string \"{parsed}\"; reading it as a boolean"),
                );
            }
        }
    }
    for key in NUMBER_KEYWORDS.iter().chain(COUNT_KEYWORDS) {
        if let Some(Value::String(text)) = map.get(*key) {
            if let Ok(number) = text.trim().parse::<serde_json::Number>() {
                map.insert((*key).to_owned(), Value::Number(number));
                r.warn(
                    &pointer_join(at, key),
                    format!("`{key}` is a string; reading it as the number it spells"),
                );
            }
        }
    }
    for key in TEXT_KEYWORDS {
        match map.get(*key) {
            Some(Value::String(_)) | None => {}
            Some(other) => {
                let text = other.to_string();
                r.warn(
                    &pointer_join(at, key),
                    format!("`{key}` should be a string; using {text}"),
                );
                map.insert((*key).to_owned(), Value::String(text));
            }
        }
    }
    // `required: true` on a property is Swagger 2 style; in OpenAPI 3 `required` is a list on
    // the parent. It cannot be moved up without guessing, so it is dropped with a warning.
    if let Some(Value::Bool(_)) = map.get("required") {
        map.remove("required");
        r.warn(
            &pointer_join(at, "required"),
            "`required: true|false` on a schema is not OpenAPI 3; ignoring it (list the property in its parent's `required`)".to_owned(),
        );
    }
    // OpenAPI 3.1 style `type: [T, "null"]` says exactly `type: T, nullable: true`.
    if let Some(Value::Array(types)) = map.get("type") {
        let non_null: Vec<&Value> = types
            .iter()
            .filter(|t| t.as_str() != Some("null"))
            .collect();
        if let [single] = non_null.as_slice() {
            let single = (*single).clone();
            let nullable = types.len() > 1;
            map.insert("type".to_owned(), single);
            if nullable {
                map.insert("nullable".to_owned(), Value::Bool(true));
            }
            r.warn(
                &pointer_join(at, "type"),
                "`type` is a list; reading it as one type plus `nullable`".to_owned(),
            );
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(child) = map.get_mut(key) {
            repair_schema(r, child, &pointer_join(at, key), depth + 1);
        }
    }
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        let properties_at = pointer_join(at, "properties");
        for (name, child) in properties.iter_mut() {
            repair_schema(r, child, &pointer_join(&properties_at, name), depth + 1);
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(Value::Array(parts)) = map.get_mut(key) {
            let list_at = pointer_join(at, key);
            for (i, child) in parts.iter_mut().enumerate() {
                repair_schema(r, child, &pointer_join(&list_at, &i.to_string()), depth + 1);
            }
        }
    }
}
