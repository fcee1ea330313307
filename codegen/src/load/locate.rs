//! Narrows a failed conversion to the node that caused it.
//!
//! `openapiv3` flattens extension maps into most of its structs, and serde loses the path of an
//! error inside a flattened struct: the first error path often stops at `#/paths`. Here the
//! document is walked again along the shape of OpenAPI, converting each typed node on its own,
//! to find the deepest node that fails, and then the keyword of that node whose removal makes it
//! convert. This runs only after a failure, so its cost never touches a good spec.

use openapiv3::{
    MediaType, Operation, Parameter, PathItem, ReferenceOr, RequestBody, Response, Responses,
    Schema,
};
use serde_json::Value;

/// The deepest failing node under `start` (a pointer path into `root`), as the path to it and
/// the message of its own conversion error.
pub fn deepest_failure(root: &Value, start: &[String]) -> Option<(Vec<String>, String)> {
    let node = start.iter().try_fold(root, |v, s| child(v, s))?;
    let mut path = start.to_vec();
    let mut message = convert_at(&path, node).and_then(Result::err);
    let mut current = node;
    'descend: loop {
        for (key, value) in children(current) {
            path.push(key);
            match convert_at(&path, value) {
                Some(Err(e)) => {
                    message = Some(e);
                    current = value;
                    continue 'descend;
                }
                // An untyped container (`paths`, `content`, `properties`) may hold the failure
                // lower down; look inside before giving up on it.
                None if holds_failure(&path, value) => {
                    current = value;
                    continue 'descend;
                }
                _ => {}
            }
            path.pop();
        }
        break;
    }
    let message = message?;
    // Within the failing node, find the keyword whose removal lets it convert.
    if let Value::Object(map) = current {
        for key in map.keys() {
            let mut without = map.clone();
            without.remove(key);
            if let Some(Ok(())) = convert_at(&path, &Value::Object(without)) {
                path.push(key.clone());
                break;
            }
        }
    }
    Some((path, message))
}

/// Whether some typed node below `path` fails to convert.
fn holds_failure(path: &[String], value: &Value) -> bool {
    let mut path = path.to_vec();
    children(value).into_iter().any(|(key, value)| {
        path.push(key);
        let fails = match convert_at(&path, value) {
            Some(result) => result.is_err(),
            None => holds_failure(&path, value),
        };
        path.pop();
        fails
    })
}

/// The entries of an object or the items of an array, each with its pointer segment.
fn children(value: &Value) -> Vec<(String, &Value)> {
    match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    }
}

fn child<'v>(value: &'v Value, segment: &str) -> Option<&'v Value> {
    match value {
        Value::Object(map) => map.get(segment),
        Value::Array(items) => items.get(segment.parse::<usize>().ok()?),
        _ => None,
    }
}

/// Converts `value` to the OpenAPI type that lives at `path`, where the path says which one.
fn convert_at(path: &[String], value: &Value) -> Option<Result<(), String>> {
    let last = |n: usize| path.len().checked_sub(n).map(|i| path[i].as_str());
    let schema_slot = matches!(
        last(1),
        Some("schema" | "items" | "additionalProperties" | "not")
    ) || matches!(last(2), Some("properties" | "allOf" | "oneOf" | "anyOf"))
        || (path.len() == 3 && path[0] == "components" && path[1] == "schemas");
    if schema_slot {
        return Some(check::<ReferenceOr<Schema>>(value));
    }
    let in_components =
        |section: &str| path.len() == 3 && path[0] == "components" && path[1] == section;
    Some(match (path.first().map(String::as_str), path.len()) {
        (Some("paths"), 2) => check::<PathItem>(value),
        (Some("paths"), 3) if is_method(&path[2]) => check::<Operation>(value),
        _ if last(2) == Some("responses") || in_components("responses") => {
            check::<ReferenceOr<Response>>(value)
        }
        _ if last(1) == Some("requestBody") || in_components("requestBodies") => {
            check::<ReferenceOr<RequestBody>>(value)
        }
        _ if last(2) == Some("parameters") || in_components("parameters") => {
            check::<ReferenceOr<Parameter>>(value)
        }
        _ if last(2) == Some("content") => check::<MediaType>(value),
        _ if last(1) == Some("responses") && path.len() == 4 => check::<Responses>(value),
        _ => return None,
    })
}

fn is_method(segment: &str) -> bool {
    matches!(
        segment,
        "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace"
    )
}

/// Converts a copy of the node: by value, the same way loading converts, so that this failure
/// path adds no second copy of `openapiv3`'s deserializers to the build.
fn check<T: serde::de::DeserializeOwned>(value: &Value) -> Result<(), String> {
    T::deserialize(value.clone())
        .map(drop)
        .map_err(|e| e.to_string())
}
