//! References of the wrong kind whose target has the shape the place needs: a response whose
//! `$ref` names a request body (both hold a `description` and `content`), a request body that
//! names a response, a header that names a header parameter. Real specs do this, and the meaning
//! is plain; each is read as the object the place needs, with one warning that names both
//! places. Anything else of the wrong kind is left for lowering to reject.

use super::normalize::Provenance;
use super::walk::{self, Holds};
use crate::error::{Diagnostic, Kind};
use indexmap::IndexMap;
use serde_json::{Map, Value};

/// Replaces every reference of a wrong but compatible kind by the object it stands for.
pub fn read_compatible_kinds(
    root: &mut Map<String, Value>,
    label: &str,
    warnings: &mut Vec<Diagnostic>,
    provenance: &mut Provenance,
) {
    let mut found = Found::default();
    walk::document(root, &mut found);
    if found.0.is_empty() {
        return;
    }
    let mut replacements = IndexMap::new();
    for (at, holds, reference) in found.0 {
        let Some((section, name)) = crate::pointer::any_component(&reference) else {
            continue;
        };
        let target = root
            .get("components")
            .and_then(|c| c.get(&section))
            .and_then(|s| s.get(&name));
        let Some(Value::Object(target)) = target else {
            continue;
        };
        let Some(object) = as_kind(target, holds) else {
            continue;
        };
        let target_at = crate::pointer::pointer(&["components", &section, &name]);
        warnings.push(
            Diagnostic::warning(
                Kind::Schema,
                label,
                format!(
                    "this {} is a `$ref` to `{target_at}`, which is a {}; it is read as the {} it describes",
                    noun(holds),
                    section_noun(&section),
                    noun(holds)
                ),
            )
            // Where the user wrote the reference: the place is about to map to its target.
            .at(&provenance.to_input(&at)),
        );
        provenance.moved(&at, &target_at);
        replacements.insert(at, object);
    }
    walk::document(root, &mut Replace(replacements));
}

/// The places of a wrong-kind reference: where it stands, what the place holds, the reference.
#[derive(Default)]
struct Found(Vec<(String, Holds, String)>);

impl walk::Visitor for Found {
    fn reference(&mut self, holder: &mut Value, holds: Holds, at: &str) {
        let Some(reference) = holder.get("$ref").and_then(Value::as_str) else {
            return;
        };
        let Some((section, _)) = crate::pointer::any_component(reference) else {
            return;
        };
        let compatible = matches!(
            (holds, section.as_str()),
            (Holds::Response, "requestBodies")
                | (Holds::RequestBody, "responses")
                | (Holds::Header, "parameters")
        );
        if compatible {
            self.0.push((at.to_owned(), holds, reference.to_owned()));
        }
    }
}

struct Replace(IndexMap<String, Value>);

impl walk::Visitor for Replace {
    fn reference(&mut self, holder: &mut Value, _holds: Holds, at: &str) {
        if let Some(object) = self.0.get(at) {
            *holder = object.clone();
        }
    }
}

/// `target` read as the object `holds` asks for, where it has that shape.
fn as_kind(target: &Map<String, Value>, holds: Holds) -> Option<Value> {
    let mut out = Map::new();
    match holds {
        // A request body and a response share `description` and `content`; a response's
        // description is required.
        Holds::Response | Holds::RequestBody => {
            let content = target.get("content")?;
            let description = target.get("description").cloned();
            if holds == Holds::Response {
                out.insert(
                    "description".to_owned(),
                    description.unwrap_or_else(|| Value::String(String::new())),
                );
            } else if let Some(description) = description {
                out.insert("description".to_owned(), description);
            }
            out.insert("content".to_owned(), content.clone());
        }
        // A header is a parameter without `name` and `in`, found in a header.
        Holds::Header => {
            if target.get("in").and_then(Value::as_str) != Some("header") {
                return None;
            }
            for (key, value) in target {
                if key != "name" && key != "in" {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        _ => return None,
    }
    Some(Value::Object(out))
}

fn noun(holds: Holds) -> &'static str {
    match holds {
        Holds::Response => "response",
        Holds::RequestBody => "request body",
        Holds::Parameter => "parameter",
        Holds::Header => "header",
        Holds::Example => "example",
        Holds::PathItem => "path item",
    }
}

fn section_noun(section: &str) -> &'static str {
    match section {
        "requestBodies" => "request body",
        "responses" => "response",
        "parameters" => "parameter",
        "headers" => "header",
        _ => "component of another kind",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_response_may_name_a_request_body_and_a_header_a_header_parameter() {
        let mut doc = json!({
            "paths": {"/a": {"post": {
                "requestBody": {"$ref": "#/components/responses/Reply"},
                "responses": {
                    "200": {"$ref": "#/components/requestBodies/Note"},
                    "201": {"description": "", "headers": {
                        "X-Id": {"$ref": "#/components/parameters/Id"},
                        "X-Q": {"$ref": "#/components/parameters/Q"}
                    }},
                    "400": {"$ref": "#/components/schemas/NotAResponse"}
                }
            }}},
            "components": {
                "requestBodies": {"Note": {"content": {"text/plain": {"schema": {"type": "string"}}}}},
                "responses": {"Reply": {"description": "a reply", "content": {"application/json": {}}}},
                "parameters": {
                    "Id": {"name": "X-Id", "in": "header", "schema": {"type": "integer"}},
                    "Q": {"name": "q", "in": "query", "schema": {"type": "integer"}}
                }
            }
        });
        let mut warnings = Vec::new();
        let mut provenance = Provenance::default();
        read_compatible_kinds(
            doc.as_object_mut().unwrap(),
            "t",
            &mut warnings,
            &mut provenance,
        );
        let op = &doc["paths"]["/a"]["post"];
        assert_eq!(
            op["requestBody"],
            json!({"description": "a reply", "content": {"application/json": {}}})
        );
        assert_eq!(
            op["responses"]["200"],
            json!({"description": "", "content": {"text/plain": {"schema": {"type": "string"}}}})
        );
        assert_eq!(
            op["responses"]["201"]["headers"]["X-Id"],
            json!({"schema": {"type": "integer"}})
        );
        // A query parameter is no header, and a schema no response: left for lowering.
        assert_eq!(
            op["responses"]["201"]["headers"]["X-Q"],
            json!({"$ref": "#/components/parameters/Q"})
        );
        assert_eq!(
            op["responses"]["400"],
            json!({"$ref": "#/components/schemas/NotAResponse"})
        );
        let messages: Vec<String> = warnings
            .iter()
            .map(|w| format!("{} {}", w.pointer.as_deref().unwrap_or(""), w.message))
            .collect();
        assert_eq!(messages, [
            "#/paths/~1a/post/requestBody this request body is a `$ref` to `#/components/responses/Reply`, which is a response; it is read as the request body it describes",
            "#/paths/~1a/post/responses/200 this response is a `$ref` to `#/components/requestBodies/Note`, which is a request body; it is read as the response it describes",
            "#/paths/~1a/post/responses/201/headers/X-Id this header is a `$ref` to `#/components/parameters/Id`, which is a parameter; it is read as the header it describes",
        ]);
        assert_eq!(
            provenance.to_input("#/paths/~1a/post/responses/200/content/text~1plain/schema"),
            "#/components/requestBodies/Note/content/text~1plain/schema"
        );
    }
}
