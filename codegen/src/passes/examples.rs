//! The examples pass: checks each response example against the type it will be read into.
//!
//! An example that contradicts its own schema (a string where the schema says integer, a
//! required property missing) cannot round-trip, and the fault is the spec's: it is left out of
//! the generated tests and reported, with the place and the reason. For the others, the value a
//! round trip must give back is worked out here: an explicit `null` of a property the schema does
//! not call nullable is read as absent and so comes back absent.

use crate::error::{Diagnostic, Kind};
use crate::ir::{
    EnumRepr, IntegerType, StructDef, TupleDef, TypeKind, TypeRef, TypeSpace, UnionDef, Verdict,
};
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
    let mut verdicts = Vec::with_capacity(results.len());
    for (example, result) in space.examples.iter().zip(results) {
        match result {
            Ok(expected) => {
                let expected = (expected != example.value).then_some(expected);
                verdicts.push(Verdict::Kept { expected });
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
                verdicts.push(Verdict::LeftOut { reason });
            }
        }
    }
    space.example_verdicts = verdicts;
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

/// `value` as the round trip through `ty` gives it back, or why `ty` cannot read it: the rules
/// of the generated deserializers, applied to a value. `path` is a JSON pointer into the
/// example, for the message.
/// Why `value` contradicts the schema of `ty` (a string where it says integer, a required
/// property missing), as the pass reports it for examples; `None` where it fits. For tools
/// that judge what a server sent (the xtask's wire harness).
pub fn contradiction(space: &TypeSpace, ty: &TypeRef, value: &Value) -> Option<String> {
    normalize(space, ty, value, &mut String::new()).err()
}

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
        // Bytes are never JSON: a body of bytes has no JSON examples.
        // Another crate's type reads what it reads: the example is kept as it is.
        TypeRef::Json | TypeRef::Bytes | TypeRef::External(_) => Ok(value.clone()),
        TypeRef::Nullable(_) if value.is_null() => Ok(Value::Null),
        TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => normalize(space, inner, value, path),
        TypeRef::String | TypeRef::Text(_) => value
            .is_string()
            .then(|| value.clone())
            .map_or_else(|| mismatch("a string", path), Ok),
        // A strict type may write the value back in its own spelling; the generated test
        // compares such strings by value, so the example is what comes back.
        TypeRef::Strict(strict) => match value.as_str() {
            Some(text) if strict.accepts(text) => Ok(value.clone()),
            Some(_) => Err(format!(
                "{} is {value}, which `{}` does not read as a {}",
                if path.is_empty() { "the example" } else { path },
                strict.written(),
                strict.format.spec_name(),
            )),
            None => mismatch("a string", path),
        },
        TypeRef::Bool => value
            .is_boolean()
            .then(|| value.clone())
            .map_or_else(|| mismatch("a boolean", path), Ok),
        TypeRef::F64 => value
            .is_number()
            .then(|| value.clone())
            .map_or_else(|| mismatch("a number", path), Ok),
        TypeRef::I32 => integer_in(value, i32::MIN.into(), i32::MAX.into())
            .map_or_else(|| mismatch("a 32-bit integer", path), Ok),
        TypeRef::I64 => integer_in(value, i64::MIN.into(), i64::MAX.into())
            .map_or_else(|| mismatch("a 64-bit integer", path), Ok),
        TypeRef::U32 => integer_in(value, 0, u32::MAX.into())
            .map_or_else(|| mismatch("an unsigned 32-bit integer", path), Ok),
        TypeRef::U64 => integer_in(value, 0, u64::MAX.into())
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
                EnumRepr::String => mismatch("a string", path),
                EnumRepr::Integer => {
                    let (min, max) = match e.integer_type() {
                        IntegerType::I64 => (i64::MIN.into(), i64::MAX.into()),
                        IntegerType::U64 => (0, u64::MAX.into()),
                        IntegerType::I128 => (i64::MIN.into(), u64::MAX.into()),
                    };
                    integer_in(value, min, max).map_or_else(|| mismatch("an integer", path), Ok)
                }
            },
            TypeKind::Union(u) => union(space, u, value, path),
            TypeKind::Struct(s) => object(space, s, value, path),
            TypeKind::Tuple(t) => tuple(space, t, value, path),
            // No example is typed by a request, a response or headers: they are not bodies.
            TypeKind::Request(_)
            | TypeKind::Response(_)
            | TypeKind::Headers(_)
            | TypeKind::FilePart => Ok(value.clone()),
        },
    }
}

/// A union, as its `Deserialize` reads: a mapped discriminator tag picks the alternative,
/// which must read the value (or, for an inferred discriminator, the value is kept as it came
/// where it does not); another tag is kept as it came where every alternative has a
/// tag, and left to the shape where some have none. Without a tag, the alternatives that fit
/// are tried best score first (ties in spec order), and the first that reads the value is the
/// one; a value none reads is kept as it came.
fn union(
    space: &TypeSpace,
    u: &UnionDef,
    value: &Value,
    path: &mut String,
) -> Result<Value, String> {
    let tagged = u.variants.iter().any(|v| !v.tags.is_empty());
    let all_tagged = u.variants.iter().all(|v| !v.tags.is_empty());
    if let (Some(property), true) = (&u.discriminator, tagged) {
        if let Some(tag) = value.get(property).and_then(Value::as_str) {
            match u.variants.iter().find(|v| v.tags.iter().any(|t| t == tag)) {
                Some(variant) if u.inferred => {
                    let read = normalize(space, &variant.ty, value, &mut path.clone());
                    return Ok(read.unwrap_or_else(|_| value.clone()));
                }
                Some(variant) => return normalize(space, &variant.ty, value, path),
                None if all_tagged => return Ok(value.clone()),
                None => {}
            }
        }
    }
    let mut order: Vec<(Option<usize>, usize)> = u
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| (space.fit_of(&v.ty).score(value), i))
        .collect();
    order.sort_by_key(|&(score, index)| (std::cmp::Reverse(score), index));
    for (score, index) in order {
        if score.is_none() {
            break;
        }
        if let Ok(read) = normalize(space, &u.variants[index].ty, value, &mut path.clone()) {
            return Ok(read);
        }
    }
    Ok(value.clone())
}

/// A struct, as `object_serde!` reads and writes it: declared properties in their order, then
/// the undeclared ones where the struct keeps them.
fn object(
    space: &TypeSpace,
    s: &StructDef,
    value: &Value,
    path: &mut String,
) -> Result<Value, String> {
    let Value::Object(map) = value else {
        let at = if path.is_empty() {
            "the example"
        } else {
            path.as_str()
        };
        return Err(format!(
            "{at} should be an object, found {}",
            describe(value)
        ));
    };
    let mut out = serde_json::Map::new();
    for field in &s.fields {
        let nullable = matches!(field.ty, TypeRef::Nullable(_));
        let len = path.len();
        push_segment(path, &field.json_name);
        match map.get(&field.json_name) {
            // An optional property's `null` reads as absent unless the property is nullable.
            Some(Value::Null) if !field.required && !nullable => {}
            Some(v) => {
                out.insert(
                    field.json_name.clone(),
                    normalize(space, &field.ty, v, path)?,
                );
            }
            // A required property that may be `null` reads as `null` when absent, and is
            // written so.
            None if field.required && nullable => {
                out.insert(field.json_name.clone(), Value::Null);
            }
            None if field.required => {
                path.truncate(len);
                let at = if path.is_empty() {
                    "the example"
                } else {
                    path.as_str()
                };
                return Err(format!(
                    "{at} lacks the required property `{}`",
                    field.json_name
                ));
            }
            None => {}
        }
        path.truncate(len);
    }
    if let Some(extra) = &s.extra {
        for (key, v) in map {
            if s.fields.iter().any(|f| &f.json_name == key) {
                continue;
            }
            let len = path.len();
            push_segment(path, key);
            out.insert(key.clone(), normalize(space, &extra.ty, v, path)?);
            path.truncate(len);
        }
    }
    Ok(Value::Object(out))
}

/// A tuple, as `tuple_serde!` reads it: the positional items (the required ones must be
/// there), then the rest where the schema allows any.
fn tuple(
    space: &TypeSpace,
    t: &TupleDef,
    value: &Value,
    path: &mut String,
) -> Result<Value, String> {
    let at = |path: &str| {
        if path.is_empty() {
            "the example".to_owned()
        } else {
            path.to_owned()
        }
    };
    let Value::Array(items) = value else {
        return Err(format!(
            "{} should be an array, found {}",
            at(path),
            describe(value)
        ));
    };
    if items.len() < t.required {
        return Err(format!(
            "{} has {} items, fewer than the {} every value has",
            at(path),
            items.len(),
            t.required
        ));
    }
    if items.len() > t.items.len() && t.rest.is_none() {
        return Err(format!(
            "{} has {} items, more than the {} the schema allows",
            at(path),
            items.len(),
            t.items.len()
        ));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let ty = t.items.get(i).or(t.rest.as_ref()).unwrap_or(&TypeRef::Json);
        let len = path.len();
        path.push_str(&format!("/{i}"));
        out.push(normalize(space, ty, item, path)?);
        path.truncate(len);
    }
    Ok(Value::Array(out))
}

/// The value, where it is an integer from `min` to `max` (a number with a fraction is not one,
/// as serde reads integers).
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
