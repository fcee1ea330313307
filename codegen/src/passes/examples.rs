//! The examples pass: checks each response example against the type it will be read into.
//!
//! An example that contradicts its own schema (a string where the schema says integer, a
//! required property missing) cannot round-trip, and the fault is the spec's: it is left out of
//! the generated tests and reported, with the place and the reason. For the others, the value a
//! round trip must give back is worked out here: an explicit `null` of a property the schema does
//! not call nullable is read as absent and so comes back absent.

use crate::error::{Diagnostic, Kind};
use crate::ir::{EnumRepr, TypeKind, TypeRef, TypeSpace};
use crate::pointer::push_segment;
use serde_json::Value;

pub fn check(space: &mut TypeSpace, label: &str) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let mut results = Vec::with_capacity(space.examples.len());
    // Examples written as JSON text (`example: "{\"id\": 1}"`) where the schema wants an
    // object or an array: the parsed value, for the examples whose text fits the schema.
    let mut parsed = Vec::new();
    for (i, example) in space.examples.iter().enumerate() {
        let mut path = String::new();
        let mut result = normalize(space, &example.ty, &example.value, &mut path);
        if result.is_err() {
            if let Some(value) = json_text(&example.value) {
                if let Ok(expected) = normalize(space, &example.ty, &value, &mut String::new()) {
                    result = Ok(expected);
                    parsed.push((i, value));
                }
            }
        }
        results.push(result);
    }
    if let Some((first, _)) = parsed.first() {
        let first = &space.examples[*first];
        warnings.push(
            Diagnostic::warning(
                Kind::Schema,
                label,
                format!(
                    "{} response example(s) are written as JSON text (a string holding the document) where the schema is an object or an array, the first at `{}` ({}); the generated tests use the parsed documents",
                    parsed.len(),
                    first.operation_id,
                    first.status
                ),
            )
            .at(&first.pointer)
            .hint("write the example as the value itself rather than as a string"),
        );
    }
    for (i, value) in parsed {
        space.examples[i].value = value;
    }
    for (example, result) in space.examples.iter_mut().zip(results) {
        match result {
            Ok(expected) => {
                if expected != example.value {
                    example.expected = Some(expected);
                }
            }
            Err(reason) => {
                warnings.push(
                    Diagnostic::warning(
                        Kind::Schema,
                        label,
                        format!(
                            "response example `{}` of `{}` ({}) contradicts its schema: {reason}; it is left out of the generated tests",
                            example.name, example.operation_id, example.status
                        ),
                    )
                    .at(&example.pointer),
                );
                example.contradiction = Some(reason);
            }
        }
    }
    warnings
}

/// The document a string holds, where it is JSON text of an object or an array.
fn json_text(value: &Value) -> Option<Value> {
    let text = value.as_str()?.trim();
    if !(text.starts_with('{') || text.starts_with('[')) {
        return None;
    }
    serde_json::from_str::<Value>(text)
        .ok()
        .filter(|v| v.is_object() || v.is_array())
}

/// `value` as the round trip through `ty` gives it back, or why `ty` cannot read it. `path` is a
/// JSON pointer into the example, for the message.
fn normalize(
    space: &TypeSpace,
    ty: &TypeRef,
    value: &Value,
    path: &mut String,
) -> Result<Value, String> {
    let mismatch = |expected: &str, path: &str| {
        let at = if path.is_empty() { "the example" } else { path };
        Err(format!(
            "{at} should be {expected}, found {}",
            describe(value)
        ))
    };
    match ty {
        TypeRef::Json => Ok(value.clone()),
        TypeRef::Nullable(_) if value.is_null() => Ok(Value::Null),
        TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => normalize(space, inner, value, path),
        TypeRef::String => value
            .is_string()
            .then(|| value.clone())
            .map_or_else(|| mismatch("a string", path), Ok),
        TypeRef::Bool => value
            .is_boolean()
            .then(|| value.clone())
            .map_or_else(|| mismatch("a boolean", path), Ok),
        TypeRef::F64 => value
            .is_number()
            .then(|| value.clone())
            .map_or_else(|| mismatch("a number", path), Ok),
        TypeRef::I32 => integer_in(
            value,
            i64::from(i32::MIN) as i128,
            i64::from(i32::MAX) as i128,
        )
        .map_or_else(|| mismatch("a 32-bit integer", path), Ok),
        TypeRef::I64 => integer_in(value, i64::MIN as i128, i64::MAX as i128)
            .map_or_else(|| mismatch("a 64-bit integer", path), Ok),
        TypeRef::U32 => integer_in(value, 0, u32::MAX as i128)
            .map_or_else(|| mismatch("an unsigned 32-bit integer", path), Ok),
        TypeRef::U64 => integer_in(value, 0, u64::MAX as i128)
            .map_or_else(|| mismatch("an unsigned integer", path), Ok),
        TypeRef::Vec(item) => {
            let Value::Array(items) = value else {
                return mismatch("an array", path);
            };
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("/{i}"));
                out.push(normalize(space, item, v, path)?);
                path.truncate(len);
            }
            Ok(Value::Array(out))
        }
        TypeRef::Map(inner) => {
            let Value::Object(map) = value else {
                return mismatch("an object", path);
            };
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                let len = path.len();
                push_segment(path, k);
                out.insert(k.clone(), normalize(space, inner, v, path)?);
                path.truncate(len);
            }
            Ok(Value::Object(out))
        }
        TypeRef::Named(id) => match &space.get(*id).kind {
            TypeKind::Alias(target) | TypeKind::Newtype(target) => {
                normalize(space, target, value, path)
            }
            TypeKind::Enum(e) => match e.repr {
                EnumRepr::String if value.is_string() => Ok(value.clone()),
                EnumRepr::Integer if value.is_i64() => Ok(value.clone()),
                EnumRepr::String => mismatch("a string", path),
                EnumRepr::Integer => mismatch("an integer", path),
            },
            // A union keeps whatever no alternative accepts, so any value reads and writes back.
            // (No example is typed by a request or a response: they are not bodies.)
            TypeKind::Union(_) | TypeKind::Request(_) | TypeKind::Response(_) => Ok(value.clone()),
            TypeKind::Struct(s) => {
                let Value::Object(map) = value else {
                    return mismatch("an object", path);
                };
                let mut out = serde_json::Map::new();
                for (key, v) in map {
                    let len = path.len();
                    push_segment(path, key);
                    if let Some(field) = s.fields.iter().find(|f| &f.json_name == key) {
                        let nullable = matches!(field.ty, TypeRef::Nullable(_));
                        if v.is_null() && !nullable {
                            if field.required {
                                return Err(format!(
                                    "{path} is required and not nullable, but is null"
                                ));
                            }
                            // Read as absent, so written back as absent.
                            path.truncate(len);
                            continue;
                        }
                        out.insert(key.clone(), normalize(space, &field.ty, v, path)?);
                    } else if let Some(extra) = &s.extra {
                        out.insert(key.clone(), normalize(space, &extra.ty, v, path)?);
                    }
                    path.truncate(len);
                }
                if let Some(missing) = s
                    .fields
                    .iter()
                    .find(|f| f.required && !map.contains_key(&f.json_name))
                {
                    let at = if path.is_empty() {
                        "the example"
                    } else {
                        path.as_str()
                    };
                    return Err(format!(
                        "{at} lacks the required property `{}`",
                        missing.json_name
                    ));
                }
                Ok(Value::Object(out))
            }
        },
    }
}

fn integer_in(value: &Value, min: i128, max: i128) -> Option<Value> {
    let n = value
        .as_i64()
        .map(i128::from)
        .or_else(|| value.as_u64().map(i128::from))?;
    (min..=max).contains(&n).then(|| value.clone())
}

fn describe(value: &Value) -> String {
    let text = value.to_string();
    let short: String = text.chars().take(40).collect();
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    if short.len() < text.len() {
        format!("{kind} ({short}…)")
    } else {
        format!("{kind} ({short})")
    }
}
