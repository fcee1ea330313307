//! `$anchor` and `$id` references of OpenAPI 3.1 (JSON Schema 2020-12), turned into the JSON
//! pointers that the rest of the pipeline follows.
//!
//! Only identifiers written in the document itself are known: `$ref: "#name"` finds the schema
//! whose `$anchor` is `name`; a `$ref` equal to some schema's `$id` (or that `$id` followed by
//! `#name` or by `#/pointer`) finds that schema. An identifier written twice is ambiguous, and a
//! plain-name fragment that no schema declares names nothing: both are errors at the `$ref`,
//! since guessing would type a field by the wrong schema.

use crate::load::walk;
use crate::pointer::pointer_join;
use indexmap::IndexMap;
use serde_json::{Map, Value};

/// Every `$anchor` (keyed `#name`) and `$id` of the document, with the pointers declaring it.
#[derive(Default)]
struct Identifiers {
    places: IndexMap<String, Vec<String>>,
    /// Whether some `$ref` has a plain-name fragment (`#name`): with no identifiers declared,
    /// only such a reference needs the second walk (to be reported).
    named_fragment: bool,
}

impl Identifiers {
    /// Finds every identifier (and copies each `$anchor` to `x-codegen-anchor`).
    fn collect(root: &mut Map<String, Value>) -> Self {
        let mut ids = Identifiers::default();
        walk::schemas(root, &mut |schema, at| {
            // `openapiv3` keeps no `$anchor`; the copy names the type, as a title would.
            if let Some(anchor) = schema.get("$anchor").cloned() {
                schema.insert("x-codegen-anchor".to_owned(), anchor);
            }
            if let Some(Value::String(r)) = schema.get("$ref") {
                ids.named_fragment |= r.starts_with('#') && !r.starts_with("#/") && r != "#";
            }
            if let Some(Value::String(anchor)) = schema.get("$anchor") {
                ids.add(format!("#{anchor}"), at);
            }
            if let Some(Value::String(id)) = schema.get("$id") {
                let id = id.trim_end_matches('#');
                ids.add(id.to_owned(), at);
                // An anchor inside a schema with an `$id` is also `{id}#name`.
                if let Some(Value::String(anchor)) = schema.get("$anchor") {
                    ids.add(format!("{id}#{anchor}"), at);
                }
            }
        });
        ids
    }

    fn add(&mut self, key: String, at: &str) {
        self.places.entry(key).or_default().push(at.to_owned());
    }

    /// The pointer a reference stands for, `Ok(None)` when it is not an identifier reference
    /// (a pointer, or an outside document), and an error message when it cannot be resolved.
    fn resolve(&self, reference: &str) -> Result<Option<String>, String> {
        if reference.is_empty() || reference == "#" || reference.starts_with("#/") {
            return Ok(None);
        }
        let (base, fragment) = match reference.split_once('#') {
            Some((base, fragment)) => (base, Some(fragment)),
            None => (reference, None),
        };
        let (key, rest) = match fragment {
            Some(f) if f.starts_with('/') || f.is_empty() => (base.to_owned(), f),
            Some(name) if base.is_empty() => (format!("#{name}"), ""),
            Some(name) => (format!("{base}#{name}"), ""),
            None => (base.to_owned(), ""),
        };
        match self.places.get(&key).map(Vec::as_slice) {
            Some([one]) => Ok(Some(format!("{one}{rest}"))),
            Some(many) => Err(format!(
                "`$ref: {reference}` is ambiguous: {} schemas declare it ({})",
                many.len(),
                many.join(", ")
            )),
            // An outside document the user did not declare inside this one stays as written:
            // the reference check reports it like any outside reference.
            None if !base.is_empty() => Ok(None),
            None => Err(format!(
                "`$ref: {reference}` names no schema: no `$anchor: {}` in the document",
                &key[1..]
            )),
        }
    }
}

/// Rewrites every `$anchor`/`$id` reference of the document as a pointer; the errors are each
/// unresolvable reference with the place of the schema holding it.
pub fn resolve(root: &mut Map<String, Value>) -> Vec<(String, String)> {
    let ids = Identifiers::collect(root);
    let mut errors = Vec::new();
    if ids.places.is_empty() && !ids.named_fragment {
        return errors;
    }
    walk::schemas(root, &mut |schema, at| {
        if let Some(Value::String(reference)) = schema.get_mut("$ref") {
            match ids.resolve(reference) {
                Ok(Some(pointer)) => *reference = pointer,
                Ok(None) => {}
                Err(message) => errors.push((pointer_join(at, "$ref"), message)),
            }
        }
    });
    errors
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use serde_json::{json, Value};

    fn run(mut doc: Value) -> (Value, Vec<String>) {
        let errors = resolve(doc.as_object_mut().unwrap());
        (
            doc,
            errors
                .into_iter()
                .map(|(at, m)| format!("{at}: {m}"))
                .collect(),
        )
    }

    #[test]
    fn anchors_and_ids_become_pointers() {
        let (doc, errors) = run(json!({"components": {"schemas": {
            "Pet": {"$id": "https://example.com/pet", "type": "object", "properties": {
                "tag": {"$anchor": "tag", "type": "string"}
            }},
            "Uses": {"type": "object", "properties": {
                "a": {"$ref": "#tag"},
                "b": {"$ref": "https://example.com/pet"},
                "c": {"$ref": "https://example.com/pet#/properties/tag"},
                "d": {"$ref": "#/components/schemas/Pet"},
                "e": {"$ref": "https://elsewhere.example/x.json"}
            }}
        }}}));
        assert!(errors.is_empty(), "{errors:?}");
        let uses = &doc["components"]["schemas"]["Uses"]["properties"];
        assert_eq!(uses["a"]["$ref"], "#/components/schemas/Pet/properties/tag");
        assert_eq!(uses["b"]["$ref"], "#/components/schemas/Pet");
        assert_eq!(uses["c"]["$ref"], "#/components/schemas/Pet/properties/tag");
        assert_eq!(uses["d"]["$ref"], "#/components/schemas/Pet");
        assert_eq!(uses["e"]["$ref"], "https://elsewhere.example/x.json");
    }

    #[test]
    fn an_ambiguous_or_unknown_anchor_is_an_error_at_the_reference() {
        let (_, errors) = run(json!({"components": {"schemas": {
            "A": {"$anchor": "x"},
            "B": {"$anchor": "x"},
            "C": {"properties": {"p": {"$ref": "#x"}, "q": {"$ref": "#nothing"}}}
        }}}));
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with(
            "#/components/schemas/C/properties/p/$ref: `$ref: #x` is ambiguous: 2 schemas"
        ));
        assert!(errors[1].contains("no `$anchor: nothing`"));
        let (_, errors) = run(json!({"paths": {}, "components": {"schemas": {
            "C": {"properties": {"q": {"$ref": "#nothing"}}}
        }}}));
        assert_eq!(errors.len(), 1, "{errors:?}");
    }
}
