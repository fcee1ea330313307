//! Selection: the operations a configuration chooses (by tag, operationId or path), and the
//! components they reach; everything else is taken out of the spec before lowering, so the
//! crate has those operations' types and no others.
//!
//! A component is reached through a `$ref` or a discriminator's mapping from a chosen
//! operation or from a component reached, and, as polymorphism by inheritance needs, when it
//! extends (through `allOf`) a reached component that has a discriminator: such a component
//! is one of the values the reached one stands for.

use super::normalize::Webhooks;
use crate::config::{OperationKey, Selection};
use crate::error::{Diagnostic, Errors, Kind};
use crate::pointer;
use indexmap::{IndexMap, IndexSet};
use openapiv3::{OpenAPI, ReferenceOr};
use serde_json::Value;

/// Takes out of `spec` every operation `selection` does not choose, the path items left
/// empty, and every component the chosen ones do not reach; `deep_references` loses those
/// into components taken out. Warns of each include entry that chooses nothing; an error if
/// nothing is chosen.
pub fn apply(
    spec: &mut OpenAPI,
    deep_references: &mut Vec<String>,
    webhooks: &Webhooks,
    selection: &Selection,
    label: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Errors> {
    if selection.is_everything() {
        return Ok(());
    }
    let mut used = Used::default();
    let mut chosen = 0;
    spec.paths.paths.retain(|path, item| {
        let ReferenceOr::Item(item) = item else {
            // A path item that is a reference to another document cannot be read here.
            return false;
        };
        let methods = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
        ];
        let mut left = 0;
        for slot in methods {
            let Some(operation) = slot else { continue };
            let key = OperationKey {
                // A webhook is chosen by its name, the key the user wrote it under.
                path: webhooks.name(path).unwrap_or(path),
                operation_id: operation.operation_id.as_deref(),
                tags: &operation.tags,
            };
            used.note(selection, &key);
            if selection.chooses(&key) {
                left += 1;
            } else {
                *slot = None;
            }
        }
        chosen += left;
        left > 0
    });
    if chosen == 0 {
        return Err(Errors::one(
            Diagnostic::error(Kind::Schema, label, "the selection chooses no operation")
                .hint("check the tags, operationIds and paths under [select] against the spec"),
        ));
    }
    warnings.extend(used.unused(selection, label));
    prune_components(spec, deep_references);
    Ok(())
}

/// Which include entries chose at least one operation.
#[derive(Default)]
struct Used {
    tags: IndexSet<String>,
    operations: IndexSet<String>,
    paths: IndexSet<String>,
}

impl Used {
    fn note(&mut self, selection: &Selection, key: &OperationKey<'_>) {
        for tag in key.tags {
            self.tags.insert(tag.clone());
        }
        if let Some(id) = key.operation_id {
            self.operations.insert(id.to_owned());
        }
        for pattern in &selection.paths {
            if crate::config::path_matches(pattern, key.path) {
                self.paths.insert(pattern.clone());
            }
        }
    }

    fn unused(&self, selection: &Selection, label: &str) -> Vec<Diagnostic> {
        let unused = |what: &str, entry: &str| {
            Diagnostic::warning(
                Kind::Schema,
                label,
                format!("the selection's {what} `{entry}` matches no operation of the spec"),
            )
        };
        let mut warnings = Vec::new();
        for tag in selection.tags.iter().chain(&selection.exclude_tags) {
            if !self.tags.contains(tag) {
                warnings.push(unused("tag", tag));
            }
        }
        let operations = selection.operations.iter();
        for id in operations.chain(&selection.exclude_operations) {
            if !self.operations.contains(id) {
                warnings.push(unused("operationId", id));
            }
        }
        for pattern in &selection.paths {
            if self.paths.contains(pattern) {
                continue;
            }
            let warning = unused("path", pattern);
            warnings.push(if pattern.starts_with('/') {
                warning
            } else {
                // Most likely a tag or an operationId in the wrong list.
                warning.hint(
                    "paths start with `/`; an entry without one matches a 3.1 webhook by its name",
                )
            });
        }
        warnings
    }
}

/// Takes out the components that nothing left reaches. Security schemes stay: an operation
/// names them by name, not by reference.
fn prune_components(spec: &mut OpenAPI, deep_references: &mut Vec<String>) {
    let Some(components) = &spec.components else {
        return;
    };
    let sections = match serde_json::to_value(components) {
        Ok(Value::Object(sections)) => sections,
        _ => return,
    };
    let entry = |(section, name): &(String, String)| sections.get(section)?.get(name);
    let mut reached: IndexSet<(String, String)> = IndexSet::new();
    let mut pending: Vec<(String, String)> = Vec::new();
    let reach = |value: &Value, pending: &mut Vec<(String, String)>| {
        references(value, &mut |reference| {
            if let Some(component) = component_of(reference) {
                pending.push(component);
            }
        })
    };
    if let Ok(paths) = serde_json::to_value(&spec.paths) {
        reach(&paths, &mut pending);
    }
    loop {
        while let Some(component) = pending.pop() {
            if reached.contains(&component) {
                continue;
            }
            if let Some(value) = entry(&component) {
                reach(value, &mut pending);
            }
            reached.insert(component);
        }
        // Components that extend a reached one with a discriminator are its values.
        if let Some(Value::Object(schemas)) = sections.get("schemas") {
            for (name, schema) in schemas {
                let key = ("schemas".to_owned(), name.clone());
                if !reached.contains(&key) && extends_polymorphic(schema, &sections, &reached) {
                    pending.push(key);
                }
            }
        }
        if pending.is_empty() {
            break;
        }
    }
    let components = spec.components.as_mut().expect("read above");
    let reached = &reached;
    let keep = |section: &'static str| {
        move |name: &String| reached.contains(&(section.to_owned(), name.clone()))
    };
    retain(&mut components.schemas, keep("schemas"));
    retain(&mut components.responses, keep("responses"));
    retain(&mut components.parameters, keep("parameters"));
    retain(&mut components.examples, keep("examples"));
    retain(&mut components.request_bodies, keep("requestBodies"));
    retain(&mut components.headers, keep("headers"));
    retain(&mut components.links, keep("links"));
    retain(&mut components.callbacks, keep("callbacks"));
    deep_references.retain(|reference| {
        component_of(reference).is_some_and(|component| reached.contains(&component))
    });
}

fn retain<V>(map: &mut IndexMap<String, V>, keep: impl Fn(&String) -> bool) {
    map.retain(|name, _| keep(name));
}

/// Whether `schema` lists in its `allOf` a reached schema that has a discriminator.
fn extends_polymorphic(
    schema: &Value,
    sections: &serde_json::Map<String, Value>,
    reached: &IndexSet<(String, String)>,
) -> bool {
    let Some(Value::Array(parts)) = schema.get("allOf") else {
        return false;
    };
    parts.iter().any(|part| {
        let Some(Value::String(reference)) = part.get("$ref") else {
            return false;
        };
        let Some(component) = component_of(reference) else {
            return false;
        };
        let base = sections
            .get(&component.0)
            .and_then(|section| section.get(&component.1));
        reached.contains(&component) && base.is_some_and(|base| base.get("discriminator").is_some())
    })
}

/// The component (section and name) a local reference points into, whole or deeper.
fn component_of(reference: &str) -> Option<(String, String)> {
    let segments = pointer::segments(reference)?;
    match segments.as_slice() {
        [components, section, name, ..] if components == "components" => {
            Some((section.clone(), name.clone()))
        }
        _ => None,
    }
}

/// Calls `found` with every `$ref` and every discriminator mapping's value under `value`.
fn references(value: &Value, found: &mut impl FnMut(&str)) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(reference)) => found(reference),
                    ("discriminator", Value::Object(discriminator)) => {
                        if let Some(Value::Object(mapping)) = discriminator.get("mapping") {
                            for target in mapping.values().filter_map(Value::as_str) {
                                // A mapping's value is a reference or a schema's name.
                                if target.starts_with('#') {
                                    found(target);
                                } else {
                                    found(&pointer::pointer(&["components", "schemas", target]));
                                }
                            }
                        }
                    }
                    _ => references(child, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| references(item, found)),
        _ => {}
    }
}
