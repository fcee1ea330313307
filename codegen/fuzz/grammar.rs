//! A grammar of OpenAPI 3.0 documents driven by a byte source: the same bytes always give the
//! same document. Used by the `spec_grammar` fuzz target and, with a seeded pseudo-random source,
//! by the deterministic test `tests/tests/random_specs.rs`.

use serde_json::{json, Map, Value};

/// Names chosen to collide, shadow, escape or confuse.
const NAMES: &[&str] = &[
    "id",
    "type",
    "self",
    "Self",
    "crate",
    "super",
    "",
    "%",
    "123",
    "a-b",
    "a_b",
    "aB",
    "AB",
    "Option",
    "String",
    "mod",
    "con",
    "../x",
    "a/b",
    "naïve",
    "名前",
    "r#type",
    "Unknown",
    "additional_properties",
    "additionalProperties",
    "value",
    "Value",
    "null",
    "true",
    "*/",
    "\"#]",
    "x\ny",
];

const TYPES: &[&str] = &[
    "string", "integer", "number", "boolean", "object", "array", "file", "null",
];
const FORMATS: &[&str] = &[
    "int32",
    "int64",
    "uint64",
    "float",
    "double",
    "date-time",
    "uuid",
    "byte",
    "weird",
];

pub fn spec(next: &mut dyn FnMut() -> u8) -> Value {
    let components: Vec<String> = (0..next() % 5).map(|_| name(next)).collect();
    let mut schemas = Map::new();
    for c in &components {
        schemas.insert(c.clone(), schema(next, &components, 0));
    }
    let mut paths = Map::new();
    for i in 0..(next() % 4) {
        let mut responses = Map::new();
        for _ in 0..=(next() % 3) {
            let status = ["200", "201", "400", "404", "500", "default", "4XX", "299"]
                [usize::from(next() % 8)];
            let mut media = json!({"schema": schema(next, &components, 0)});
            if next().is_multiple_of(2) {
                media["example"] = example(next, 0);
            }
            let content_type = ["application/json", "application/problem+json", "text/plain"]
                [usize::from(next() % 3)];
            responses.insert(
                status.to_owned(),
                json!({"description": "d", "content": {content_type: media}}),
            );
        }
        let mut op = json!({"responses": responses});
        if !next().is_multiple_of(4) {
            op["operationId"] = Value::String(name(next));
        }
        if next().is_multiple_of(2) {
            let mut content = Map::new();
            for ct in [
                "application/json",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "text/csv",
            ] {
                if next().is_multiple_of(2) {
                    content.insert(
                        ct.to_owned(),
                        json!({"schema": schema(next, &components, 0)}),
                    );
                }
            }
            op["requestBody"] = json!({"content": content});
        }
        let method = ["get", "post", "put", "delete"][usize::from(next() % 4)];
        paths.insert(format!("/p{i}/{{{}}}", name(next)), json!({method: op}));
    }
    json!({
        "openapi": "3.0.3",
        "info": {"title": name(next), "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas},
    })
}

fn name(next: &mut dyn FnMut() -> u8) -> String {
    let base = NAMES[usize::from(next()) % NAMES.len()];
    if next().is_multiple_of(3) {
        format!("{base}{}", next() % 4)
    } else {
        base.to_owned()
    }
}

fn schema(next: &mut dyn FnMut() -> u8, components: &[String], depth: usize) -> Value {
    let choice = next() % 12;
    if depth > 4 || choice == 0 {
        return json!({});
    }
    if choice == 1 && !components.is_empty() {
        let target = &components[usize::from(next()) % components.len()];
        let escaped = target.replace('~', "~0").replace('/', "~1");
        return json!({"$ref": format!("#/components/schemas/{escaped}")});
    }
    let mut s = Map::new();
    match choice {
        2 | 3 => {
            let key = ["allOf", "oneOf", "anyOf"][usize::from(next() % 3)];
            let parts: Vec<Value> = (0..=(next() % 3))
                .map(|_| schema(next, components, depth + 1))
                .collect();
            s.insert(key.to_owned(), Value::Array(parts));
            if next().is_multiple_of(3) {
                s.insert(
                    "discriminator".to_owned(),
                    json!({"propertyName": name(next)}),
                );
            }
        }
        _ => {
            let ty = TYPES[usize::from(next()) % TYPES.len()];
            s.insert("type".to_owned(), Value::String(ty.to_owned()));
            match ty {
                "object" => {
                    let mut properties = Map::new();
                    for _ in 0..(next() % 4) {
                        properties.insert(name(next), schema(next, components, depth + 1));
                    }
                    let required: Vec<Value> = properties
                        .keys()
                        .filter(|_| next().is_multiple_of(2))
                        .map(|k| Value::String(k.clone()))
                        .collect();
                    s.insert("properties".to_owned(), Value::Object(properties));
                    s.insert("required".to_owned(), Value::Array(required));
                    match next() % 4 {
                        0 => drop(s.insert(
                            "additionalProperties".to_owned(),
                            Value::Bool(next().is_multiple_of(2)),
                        )),
                        1 => drop(s.insert(
                            "additionalProperties".to_owned(),
                            schema(next, components, depth + 1),
                        )),
                        _ => {}
                    }
                }
                "array" if !next().is_multiple_of(4) => {
                    s.insert("items".to_owned(), schema(next, components, depth + 1));
                }
                "string" if next().is_multiple_of(2) => {
                    let values: Vec<Value> = (0..=(next() % 4))
                        .map(|_| Value::String(name(next)))
                        .collect();
                    s.insert("enum".to_owned(), Value::Array(values));
                }
                "integer" if next().is_multiple_of(3) => {
                    let values: Vec<Value> = (0..=(next() % 4))
                        .map(|_| json!(i64::from(next()) - 128))
                        .collect();
                    s.insert("enum".to_owned(), Value::Array(values));
                }
                _ => {}
            }
            if next().is_multiple_of(3) {
                s.insert(
                    "format".to_owned(),
                    Value::String(FORMATS[usize::from(next()) % FORMATS.len()].to_owned()),
                );
            }
        }
    }
    if next().is_multiple_of(4) {
        s.insert("nullable".to_owned(), Value::Bool(true));
    }
    if next().is_multiple_of(3) {
        s.insert("description".to_owned(), Value::String(name(next)));
    }
    Value::Object(s)
}

fn example(next: &mut dyn FnMut() -> u8, depth: usize) -> Value {
    match next() % 7 {
        _ if depth > 3 => Value::Null,
        0 => Value::Null,
        1 => json!(next().is_multiple_of(2)),
        2 => json!(i64::from(next()) - 100),
        3 => json!(f64::from(next()) / 7.0),
        4 => Value::String(name(next)),
        5 => Value::Array(
            (0..(next() % 3))
                .map(|_| example(next, depth + 1))
                .collect(),
        ),
        _ => {
            let mut m = Map::new();
            for _ in 0..(next() % 4) {
                m.insert(name(next), example(next, depth + 1));
            }
            Value::Object(m)
        }
    }
}
