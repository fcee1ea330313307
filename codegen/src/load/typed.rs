//! The generic value → `openapiv3::OpenAPI`, spread over the cores.
//!
//! `openapiv3` reads every schema through flattened serde types, which copy each subtree once
//! per level of nesting: for a spec with deep inline schemas this is the costliest step of
//! loading. So the schemas are taken out of the document and converted one level at a time
//! ([`shallow`](super::shallow)), each on whichever core is free; of what is left, the path
//! items (which do not depend on each other, nor on the components) are each converted on
//! their own, and the rest of the document as before. The result is the value that converting
//! the whole document at once gives.

use super::shallow;
use openapiv3::{Components, OpenAPI, PathItem, ReferenceOr};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Converts `value`; `None` if any part does not convert, or if the schemas taken out could not
/// all be put back (the caller then converts the document whole, and explains a failure).
pub fn to_openapi(mut value: Value) -> Option<OpenAPI> {
    let taken = shallow::take(&mut value);
    let spec = split(value)?;
    let schemas = shallow::convert(taken)?;
    shallow::put_back(spec, schemas)
}

/// Converts `value` with its path items and its components each on its own.
fn split(mut value: Value) -> Option<OpenAPI> {
    let Some((keys, items, components)) = take_parts(&mut value) else {
        return OpenAPI::deserialize(value).ok();
    };
    // Job 0 is the components, the largest single piece of a spec written with references;
    // job i > 0 is path item i - 1.
    let jobs: Vec<Value> = std::iter::once(components).chain(items).collect();
    let parts = crate::parallel::map_owned(jobs, |i, part| {
        if i == 0 {
            Option::<Components>::deserialize(part)
                .map(|components| Part::Components(Box::new(components)))
                .ok()
        } else {
            ReferenceOr::<PathItem>::deserialize(part)
                .map(|item| Part::PathItem(Box::new(item)))
                .ok()
        }
    });
    let mut spec = OpenAPI::deserialize(value).ok()?;
    let mut parts = parts.into_iter();
    let Some(Part::Components(components)) = parts.next()? else {
        return None;
    };
    spec.components = *components;
    for (key, part) in keys.into_iter().zip(parts) {
        let Some(Part::PathItem(item)) = part else {
            return None;
        };
        spec.paths.paths.insert(key, *item);
    }
    Some(spec)
}

/// Checks that the fast conversion of the spec in `bytes` gives exactly what converting the
/// document whole gives (both nothing, for a document that does not convert), for the checks
/// of determinism; the error says how they differ.
pub fn check_fast_conversion(bytes: &[u8], label: &str) -> Result<(), String> {
    // A spec refused before the conversion has nothing to compare.
    let Ok(parsed) = super::parse(bytes, label) else {
        return Ok(());
    };
    let Ok((value, _)) = super::prepared_again(parsed.value, label) else {
        return Ok(());
    };
    let whole = OpenAPI::deserialize(&value).ok();
    let fast = to_openapi(value);
    match (&fast, &whole) {
        _ if fast == whole => Ok(()),
        (None, Some(_)) => Err(format!(
            "{label}: the fast conversion declined a document that converts whole"
        )),
        (Some(_), None) => Err(format!(
            "{label}: the fast conversion accepted a document that does not convert whole"
        )),
        _ => Err(format!(
            "{label}: the fast conversion differs from converting the document whole"
        )),
    }
}

enum Part {
    // Both boxed: they are kilobytes each, and a slot is kept for every job.
    Components(Box<Option<Components>>),
    PathItem(Box<ReferenceOr<PathItem>>),
}

/// Takes the path items (the keys of `paths` starting with `/`, which are all `openapiv3` reads
/// as paths) and the components out of the document, leaving the rest of `paths` (its
/// extensions) in place. `None` where the document is not shaped for that: it is then
/// converted whole, and fails or not as it would have.
fn take_parts(value: &mut Value) -> Option<(Vec<String>, Vec<Value>, Value)> {
    let doc = value.as_object_mut()?;
    let Value::Object(paths) = doc.get_mut("paths")? else {
        return None;
    };
    let (mut keys, mut items, mut rest) = (Vec::new(), Vec::new(), Map::new());
    for (key, item) in std::mem::take(paths) {
        if key.starts_with('/') {
            keys.push(key);
            items.push(item);
        } else {
            rest.insert(key, item);
        }
    }
    *paths = rest;
    let components = doc.remove("components").unwrap_or(Value::Null);
    Some((keys, items, components))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn whole(value: &Value) -> Option<OpenAPI> {
        OpenAPI::deserialize(value.clone()).ok()
    }

    /// Every fixture spec and hostile accepted spec converts to exactly what converting it whole
    /// gives.
    #[test]
    fn same_as_converting_the_whole_document() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
        let mut checked = 0;
        for dir in ["fixtures", "hostile/accept"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let ext = path.extension().and_then(|e| e.to_str());
                if !matches!(ext, Some("yaml" | "json")) {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let Ok(super::super::Parsed { value, .. }) = super::super::parse(&bytes, "spec")
                else {
                    continue;
                };
                let value = super::super::repair::repair(value, "spec", &mut Vec::new());
                assert_eq!(
                    to_openapi(value.clone()),
                    whole(&value),
                    "{}",
                    path.display()
                );
                checked += 1;
            }
        }
        assert!(checked >= 20, "only {checked} specs checked");
    }

    #[test]
    fn extensions_and_other_keys_of_paths_are_kept_as_before() {
        let value = json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "x-note": {"a": 1},
                "not-a-path": {},
                "/b": {"get": {"responses": {}}},
                "/a": {"$ref": "#/x"}
            },
            "components": null
        });
        let spec = to_openapi(value.clone()).unwrap();
        assert_eq!(Some(&spec), whole(&value).as_ref());
        let keys: Vec<&String> = spec.paths.paths.keys().collect();
        assert_eq!(keys, ["/b", "/a"]);
        assert!(spec.paths.extensions.contains_key("x-note"));
    }

    #[test]
    fn a_part_that_does_not_convert_fails_the_whole() {
        let mut value = json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/a": {"get": {"responses": 7}}}
        });
        assert_eq!(to_openapi(value.clone()), None);
        value["paths"] = json!({"/a": {"get": {"responses": {}}}});
        value["components"] = json!({"schemas": 3});
        assert_eq!(to_openapi(value.clone()), None);
        value["components"] = json!({});
        value["paths"] = json!("not a map");
        assert_eq!(to_openapi(value.clone()), whole(&value));
    }
}
