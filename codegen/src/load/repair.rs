//! Repairs of common, unambiguous defects in real specs, each with a warning that names the
//! place, so that such specs load instead of failing on a technicality. Anything ambiguous is
//! left alone for the strict conversion to reject with its own message.

use super::walk;
use crate::error::{Diagnostic, Kind};
use crate::pointer::pointer_join;
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

/// Repairs every schema and response of the document, wherever it stands (the one walk of
/// [`walk::document`]: operations, webhooks, callbacks, headers, parameter content, every
/// section of `components`, and schemas inside schemas).
pub fn repair(mut value: Value, label: &str, warnings: &mut Vec<Diagnostic>) -> Value {
    let mut r = Repairer { label, warnings };
    if let Some(root) = value.as_object_mut() {
        walk::document(root, &mut r);
    }
    value
}

impl walk::Visitor for Repairer<'_> {
    /// OpenAPI requires a `description` on every response; many specs leave it out. An empty
    /// one means the same to a model generator.
    fn response(&mut self, response: &mut Map<String, Value>, at: &str) {
        if !response.contains_key("description") {
            response.insert("description".to_owned(), Value::String(String::new()));
            self.warn(
                at,
                "response has no `description`; using an empty one".to_owned(),
            );
        }
    }

    fn schema(&mut self, schema: &mut Map<String, Value>, at: &str) {
        if schema.contains_key("$ref") {
            nullable_reference(self, schema, at);
        } else {
            repair_schema(self, schema, at);
        }
    }
}

/// `{$ref: X, nullable: true}`: OpenAPI 3.0 reads no keyword beside `$ref`, but a spec that
/// writes `nullable` there means the reference may be `null`, and reading it so refuses no
/// value. It becomes `{allOf: [{$ref: X}], nullable: true}`, which says exactly that, with a
/// warning.
fn nullable_reference(r: &mut Repairer, schema: &mut Map<String, Value>, at: &str) {
    if schema.get("nullable") != Some(&Value::Bool(true)) {
        return;
    }
    let Some(reference) = schema.remove("$ref") else {
        return;
    };
    schema.insert(
        "allOf".to_owned(),
        Value::Array(vec![Value::Object(Map::from_iter([(
            "$ref".to_owned(),
            reference,
        )]))]),
    );
    r.warn(
        &pointer_join(at, "nullable"),
        "OpenAPI 3.0 reads no keyword beside `$ref`; `nullable: true` here is read as making the reference nullable".to_owned(),
    );
}

/// Keywords whose value must be a boolean.
const BOOLEAN_KEYWORDS: &[&str] = &[
    "nullable",
    "additionalProperties",
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

/// Whether [`repair_schema`] could change anything in `map`: a keyword of the lists above with
/// a value of the wrong kind, a boolean `required` or a list `type`. Most schemas have none,
/// and one pass over their few keys costs less than looking each keyword up.
fn needs_repair(map: &Map<String, Value>) -> bool {
    map.iter().any(|(key, value)| {
        let key = key.as_str();
        let wrong_text = TEXT_KEYWORDS.contains(&key) && !value.is_string();
        let spelled = value.is_string()
            && (BOOLEAN_KEYWORDS.contains(&key)
                || NUMBER_KEYWORDS.contains(&key)
                || COUNT_KEYWORDS.contains(&key));
        let moved =
            (key == "required" && value.is_boolean()) || (key == "type" && value.is_array());
        wrong_text || spelled || moved
    })
}

fn repair_schema(r: &mut Repairer, map: &mut Map<String, Value>, at: &str) {
    if !needs_repair(map) {
        // The check is exact: with nothing to repair, every step below leaves the map as it
        // is. Debug builds (every test) hold it to that.
        #[cfg(debug_assertions)]
        {
            let (mut copy, mut warnings) = (map.clone(), Vec::new());
            let mut plain = Repairer {
                label: r.label,
                warnings: &mut warnings,
            };
            repair_every_keyword(&mut plain, &mut copy, at);
            assert!(
                copy == *map && warnings.is_empty(),
                "needs_repair missed {at}"
            );
        }
        return;
    }
    repair_every_keyword(r, map, at);
}

fn repair_every_keyword(r: &mut Repairer, map: &mut Map<String, Value>, at: &str) {
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
}
