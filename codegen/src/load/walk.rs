//! Every schema of a document, wherever it stands: under `paths`, `webhooks` and each section of
//! `components`, and inside other schemas. The normalisation passes rewrite schemas in place
//! through [`schemas`].

use crate::error::pointer_join;
use serde_json::{Map, Value};

/// How deep schemas may nest before the walk stops descending (the strict conversion still
/// sees everything; this only bounds the walk on hostile input).
const MAX_DEPTH: usize = 256;

/// A schema object and its JSON pointer.
pub type Visit<'v> = dyn FnMut(&mut Map<String, Value>, &str) + 'v;

/// Calls `visit` on every schema object of the document, each before the schemas inside it,
/// which are then taken from the object as `visit` left it.
pub fn schemas(root: &mut Map<String, Value>, visit: &mut Visit<'_>) {
    for section in ["paths", "webhooks"] {
        if let Some(Value::Object(items)) = root.get_mut(section) {
            let at = pointer_join("#", section);
            for (key, item) in items.iter_mut() {
                path_item(item, &pointer_join(&at, key), visit);
            }
        }
    }
    let Some(Value::Object(components)) = root.get_mut("components") else {
        return;
    };
    let at = "#/components";
    for (section, entries) in components.iter_mut() {
        let Value::Object(entries) = entries else {
            continue;
        };
        let section_at = pointer_join(at, section);
        for (name, entry) in entries.iter_mut() {
            let entry_at = pointer_join(&section_at, name);
            match section.as_str() {
                "schemas" => schema(entry, &entry_at, 0, visit),
                "parameters" | "headers" => parameter(entry, &entry_at, visit),
                "responses" => response(entry, &entry_at, visit),
                "requestBodies" => content(entry, &entry_at, visit),
                "pathItems" => path_item(entry, &entry_at, visit),
                _ => {}
            }
        }
    }
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn path_item(item: &mut Value, at: &str, visit: &mut Visit<'_>) {
    let Some(item) = item.as_object_mut() else {
        return;
    };
    for (key, child) in item.iter_mut() {
        let child_at = pointer_join(at, key);
        if key == "parameters" {
            parameters(child, &child_at, visit);
        } else if METHODS.contains(&key.as_str()) {
            operation(child, &child_at, visit);
        }
    }
}

fn operation(op: &mut Value, at: &str, visit: &mut Visit<'_>) {
    let Some(op) = op.as_object_mut() else {
        return;
    };
    if let Some(list) = op.get_mut("parameters") {
        parameters(list, &pointer_join(at, "parameters"), visit);
    }
    if let Some(body) = op.get_mut("requestBody") {
        content(body, &pointer_join(at, "requestBody"), visit);
    }
    if let Some(Value::Object(responses)) = op.get_mut("responses") {
        let responses_at = pointer_join(at, "responses");
        for (status, r) in responses.iter_mut() {
            response(r, &pointer_join(&responses_at, status), visit);
        }
    }
}

fn parameters(list: &mut Value, at: &str, visit: &mut Visit<'_>) {
    if let Value::Array(list) = list {
        for (i, p) in list.iter_mut().enumerate() {
            parameter(p, &pointer_join(at, &i.to_string()), visit);
        }
    }
}

/// A parameter or a header: a `schema`, or a `content` map.
fn parameter(p: &mut Value, at: &str, visit: &mut Visit<'_>) {
    if let Some(s) = p.as_object_mut().and_then(|p| p.get_mut("schema")) {
        schema(s, &pointer_join(at, "schema"), 0, visit);
    }
    content(p, at, visit);
}

fn response(r: &mut Value, at: &str, visit: &mut Visit<'_>) {
    content(r, at, visit);
    if let Some(Value::Object(headers)) = r.as_object_mut().and_then(|r| r.get_mut("headers")) {
        let headers_at = pointer_join(at, "headers");
        for (name, h) in headers.iter_mut() {
            parameter(h, &pointer_join(&headers_at, name), visit);
        }
    }
}

/// The schemas of the `content` map of a request body, a response or a parameter.
fn content(holder: &mut Value, at: &str, visit: &mut Visit<'_>) {
    let Some(Value::Object(content)) = holder.as_object_mut().and_then(|h| h.get_mut("content"))
    else {
        return;
    };
    let content_at = pointer_join(at, "content");
    for (media, m) in content.iter_mut() {
        if let Some(s) = m.as_object_mut().and_then(|m| m.get_mut("schema")) {
            schema(
                s,
                &pointer_join(&pointer_join(&content_at, media), "schema"),
                0,
                visit,
            );
        }
    }
}

/// Keywords whose value is one schema, a map of schemas, or a list of schemas.
const ONE: [&str; 9] = [
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
];
const MAPS: [&str; 4] = [
    "properties",
    "patternProperties",
    "$defs",
    "dependentSchemas",
];
const LISTS: [&str; 4] = ["allOf", "oneOf", "anyOf", "prefixItems"];

/// Calls `visit` on one schema at `at` and on every schema inside it.
pub fn one_schema(value: &mut Value, at: &str, visit: &mut Visit<'_>) {
    schema(value, at, 0, visit);
}

fn schema(value: &mut Value, at: &str, depth: usize, visit: &mut Visit<'_>) {
    let Some(map) = value.as_object_mut() else {
        return;
    };
    if depth > MAX_DEPTH {
        return;
    }
    visit(map, at);
    for key in ONE {
        if let Some(child) = map.get_mut(key) {
            schema(child, &pointer_join(at, key), depth + 1, visit);
        }
    }
    for key in MAPS {
        if let Some(Value::Object(children)) = map.get_mut(key) {
            let map_at = pointer_join(at, key);
            for (name, child) in children.iter_mut() {
                schema(child, &pointer_join(&map_at, name), depth + 1, visit);
            }
        }
    }
    for key in LISTS {
        if let Some(Value::Array(children)) = map.get_mut(key) {
            let list_at = pointer_join(at, key);
            for (i, child) in children.iter_mut().enumerate() {
                schema(
                    child,
                    &pointer_join(&list_at, &i.to_string()),
                    depth + 1,
                    visit,
                );
            }
        }
    }
}

/// Calls `visit` on every `$ref` string of a document (or part of one). Examples and
/// extensions are data, not schema: a `$ref` key inside them is not a reference.
pub fn references(value: &mut Value, visit: &mut dyn FnMut(&mut String)) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match (key.as_str(), child) {
                    ("$ref", Value::String(reference)) => visit(reference),
                    ("example" | "examples", _) => {}
                    (key, _) if key.starts_with("x-") => {}
                    (_, child) => references(child, visit),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| references(item, visit)),
        _ => {}
    }
}
