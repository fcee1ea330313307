//! The 3.1 rules for one schema: each rewrites the schema in place into its 3.0 form (a `$ref`
//! with siblings, `null` among the types or the alternatives, `const`, `examples`, exclusive
//! bounds, `prefixItems`), or drops what a 3.0 model cannot say, with a note.

use super::{Notes, TUPLE_MARK};
use crate::pointer::pointer_join;
use serde_json::{json, Map, Value};

/// Keywords of JSON Schema 2020-12 that a 3.0 model cannot express, dropped with one warning
/// each (per keyword, counting the places).
const IGNORED: [&str; 12] = [
    "propertyNames",
    "dependentRequired",
    "dependentSchemas",
    "if",
    "then",
    "else",
    "contains",
    "minContains",
    "maxContains",
    "unevaluatedItems",
    "$dynamicRef",
    "$dynamicAnchor",
];

/// Keywords dropped without a word: they annotate and change no type.
const SILENT: [&str; 6] = [
    "$schema",
    "$comment",
    "$id",
    "$anchor",
    "contentMediaType",
    "contentSchema",
];

/// The 3.1 rules for one schema, in an order where each sees the result of the one before.
/// Returns whether the schema became a tuple (its positional schemas moved).
pub(super) fn rewrite(schema: &mut Map<String, Value>, at: &str, notes: &mut Notes) -> bool {
    ref_with_siblings(schema);
    null_alternatives(schema, at, notes);
    type_list(schema, at, notes);
    if let Some(value) = schema.remove("const") {
        schema
            .entry("enum")
            .or_insert_with(|| Value::Array(vec![value]));
    }
    if let Some(Value::Array(examples)) = schema.remove("examples") {
        // 3.0 has one `example`; every entry is kept beside it.
        if let (false, Some(first)) = (schema.contains_key("example"), examples.first()) {
            schema.insert("example".to_owned(), first.clone());
        }
        schema.insert("x-examples".to_owned(), Value::Array(examples));
    }
    exclusive_bounds(schema, at, notes);
    if schema.get("nullable") == Some(&Value::Bool(true)) && !schema.contains_key("x-from-3.1") {
        notes.once(
            "nullable",
            at,
            "`nullable` is OpenAPI 3.0, not 3.1 (write `type: [T, \"null\"]`); reading it as 3.0 does",
        );
    }
    schema.remove("x-from-3.1");
    if let Some(Value::String(encoding)) = schema.remove("contentEncoding") {
        if encoding == "base64" && !schema.contains_key("format") {
            schema.insert("format".to_owned(), json!("byte"));
        }
    }
    match schema.remove("unevaluatedProperties") {
        Some(Value::Bool(false)) => {
            schema.entry("additionalProperties").or_insert(json!(false));
        }
        Some(_) => notes.once(
            "unevaluatedProperties",
            at,
            "`unevaluatedProperties` other than `false` is ignored",
        ),
        None => {}
    }
    if let Some(Value::Object(patterns)) = schema.remove("patternProperties") {
        // The values of properties matching a pattern: a map's value type, where the schema
        // says nothing else about undeclared properties.
        let values: Vec<Value> = patterns.into_iter().map(|(_, v)| v).collect();
        if !schema.contains_key("additionalProperties") {
            let value = match <[Value; 1]>::try_from(values) {
                Ok([one]) => one,
                Err(_) => json!({}),
            };
            schema.insert("additionalProperties".to_owned(), value);
        }
        schema.entry("type").or_insert(json!("object"));
    }
    let is_tuple = tuple(schema);
    for key in IGNORED {
        if schema.remove(key).is_some() {
            notes.once(
                key,
                at,
                &format!("`{key}` cannot be expressed in the model and is ignored"),
            );
        }
    }
    for key in SILENT {
        schema.remove(key);
    }
    is_tuple
}

/// `{$ref, description, …}`: in 3.1 the siblings apply; as 3.0 reads it, `allOf` of the
/// reference and the siblings (a description alone documents the field, as before).
fn ref_with_siblings(schema: &mut Map<String, Value>) {
    if !schema.contains_key("$ref") || schema.len() == 1 {
        return;
    }
    let reference = schema.remove("$ref").expect("checked above");
    let siblings = std::mem::take(schema);
    let mut parts = vec![json!({ "$ref": reference })];
    // Annotations stay beside the `allOf`, where they document the whole.
    let mut rest = Map::new();
    for (key, value) in siblings {
        match key.as_str() {
            "description" | "title" | "deprecated" | "readOnly" | "writeOnly" | "default"
            | "example" | "examples" => {
                schema.insert(key, value);
            }
            _ => {
                rest.insert(key, value);
            }
        }
    }
    if !rest.is_empty() {
        parts.push(Value::Object(rest));
    }
    schema.insert("allOf".to_owned(), Value::Array(parts));
}

fn is_null_schema(schema: &Value) -> bool {
    match schema.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(types)) => types.iter().all(|t| t == "null") && !types.is_empty(),
        _ => false,
    }
}

/// `anyOf: [X, {type: "null"}]` (FastAPI's optional fields) is a nullable `X`.
fn null_alternatives(schema: &mut Map<String, Value>, at: &str, notes: &mut Notes) {
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(alternatives)) = schema.get_mut(key) else {
            continue;
        };
        let before = alternatives.len();
        alternatives.retain(|alternative| !is_null_schema(alternative));
        if alternatives.len() == before {
            continue;
        }
        let remaining = std::mem::take(alternatives);
        schema.remove(key);
        schema.insert("nullable".to_owned(), json!(true));
        schema.insert("x-from-3.1".to_owned(), json!(true));
        match <[Value; 1]>::try_from(remaining) {
            Ok([Value::Object(only)]) if only.contains_key("$ref") => {
                let parts = schema.entry("allOf").or_insert_with(|| json!([]));
                if let Value::Array(parts) = parts {
                    parts.insert(0, Value::Object(only));
                }
            }
            Ok([Value::Object(only)]) => {
                for (k, v) in only {
                    schema.entry(k).or_insert(v);
                }
            }
            Ok([other]) => {
                schema.insert(key.to_owned(), json!([other]));
            }
            Err(remaining) if remaining.is_empty() => {
                notes.once(
                    "null",
                    at,
                    "a schema that is only `null` is typed as `serde_json::Value`",
                );
            }
            Err(remaining) => {
                schema.insert(key.to_owned(), Value::Array(remaining));
            }
        }
    }
}

/// `type: [T, "null"]` is a nullable `T`; several types are a union of them; `null` alone is
/// any value.
fn type_list(schema: &mut Map<String, Value>, at: &str, notes: &mut Notes) {
    let types: Vec<String> = match schema.get("type") {
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        Some(Value::String(t)) if t == "null" => vec![t.clone()],
        _ => return,
    };
    let nullable = types.iter().any(|t| t == "null");
    let mut non_null: Vec<String> = types.into_iter().filter(|t| t != "null").collect();
    if nullable {
        schema.insert("nullable".to_owned(), json!(true));
        schema.insert("x-from-3.1".to_owned(), json!(true));
    }
    match non_null.len() {
        0 => {
            schema.remove("type");
            schema.remove("nullable");
            notes.once(
                "null",
                at,
                "a schema that is only `null` is typed as `serde_json::Value`",
            );
        }
        1 => {
            schema.insert("type".to_owned(), Value::String(non_null.remove(0)));
        }
        _ => {
            schema.remove("type");
            let alternatives: Vec<Value> =
                non_null.into_iter().map(|t| json!({ "type": t })).collect();
            schema.insert("oneOf".to_owned(), Value::Array(alternatives));
        }
    }
}

/// Numeric `exclusiveMinimum: 5` is 3.0's `minimum: 5, exclusiveMinimum: true`; a boolean one
/// is 3.0 already, read with a warning.
fn exclusive_bounds(schema: &mut Map<String, Value>, at: &str, notes: &mut Notes) {
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match schema.get(exclusive) {
            Some(Value::Number(n)) => {
                let n = n.clone();
                schema.insert(bound.to_owned(), Value::Number(n));
                schema.insert(exclusive.to_owned(), json!(true));
            }
            Some(Value::Bool(_)) => notes.once(
                exclusive,
                &pointer_join(at, exclusive),
                &format!("a boolean `{exclusive}` is OpenAPI 3.0, not 3.1; reading it as 3.0 does"),
            ),
            _ => {}
        }
    }
}

/// `prefixItems` types the items of an array by position. `openapiv3` has no place for it, so
/// the positional schemas move to `properties`, named `0`, `1`, …, and the schema is marked as
/// a tuple, which lowering reads as such (`items` stays: it types the items after them).
/// Where every positional schema is the `items` schema, the array is plainly an array of it.
/// Returns whether the schema became a tuple.
fn tuple(schema: &mut Map<String, Value>) -> bool {
    let Some(prefix) = schema.remove("prefixItems") else {
        return false;
    };
    schema.entry("type").or_insert(json!("array"));
    let Value::Array(prefix) = prefix else {
        // Not a list: the strict conversion would not see it, so it is kept for the
        // document's own check to find (`prefixItems` must be a list of schemas).
        schema.insert("prefixItems".to_owned(), prefix);
        return false;
    };
    let uniform = match schema.get("items") {
        Some(items @ Value::Object(_)) => prefix.iter().all(|part| part == items),
        _ => false,
    };
    if uniform {
        return false;
    }
    // Properties beside `prefixItems` say nothing of an array: an array has none.
    let positions: Map<String, Value> = prefix
        .into_iter()
        .enumerate()
        .map(|(i, part)| (i.to_string(), part))
        .collect();
    schema.insert("properties".to_owned(), Value::Object(positions));
    schema.insert(TUPLE_MARK.to_owned(), Value::Bool(true));
    true
}
