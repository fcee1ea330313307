//! The one walk of a document: every place that holds a schema, a response, a request body, a
//! parameter or a header, wherever it stands (under `paths`, `webhooks`, operation callbacks
//! and each section of `components`, and schemas inside schemas), in document order. The
//! normalisation passes, the repairs and the reading of references all go through it, so a
//! rule reaches every place that can hold what it rewrites.

use crate::pointer::pointer_join;
use serde_json::{Map, Value};

/// How deep schemas may nest before the walk stops descending (the strict conversion still
/// sees everything; this only bounds the walk on hostile input).
const MAX_DEPTH: usize = 256;

/// What a place of the document holds, for a `$ref` standing there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    Response,
    RequestBody,
    Parameter,
    Header,
    Example,
    PathItem,
}

/// The callbacks of a walk. Each is called on a place before the places inside it, which are
/// then taken from the object as the callback left it. All default to doing nothing.
pub trait Visitor {
    /// A schema object (`$ref` ones included).
    fn schema(&mut self, _schema: &mut Map<String, Value>, _at: &str) {}
    /// A schema that is not an object (3.1's `true` and `false`): the callback may replace it,
    /// and the walk then goes on into what it became.
    fn other_schema(&mut self, _schema: &mut Value, _at: &str) {}
    /// A response object that is not a `$ref`, before its content and headers.
    fn response(&mut self, _response: &mut Map<String, Value>, _at: &str) {}
    /// A `$ref` object standing where `holds` is expected (schemas excepted: they go to
    /// [`Visitor::schema`]). The callback may replace it.
    fn reference(&mut self, _holder: &mut Value, _holds: Holds, _at: &str) {}
}

/// A visitor of schema objects only, from a closure.
struct Schemas<'v>(&'v mut dyn FnMut(&mut Map<String, Value>, &str));

impl Visitor for Schemas<'_> {
    fn schema(&mut self, schema: &mut Map<String, Value>, at: &str) {
        (self.0)(schema, at)
    }
}

/// Calls `visit` on every schema object of the document, each before the schemas inside it.
pub fn schemas(
    root: &mut Map<String, Value>,
    visit: &mut dyn FnMut(&mut Map<String, Value>, &str),
) {
    document(root, &mut Schemas(visit));
}

/// Walks one schema at `at` and every schema inside it.
pub fn one_schema(value: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    schema(value, at, 0, visitor);
}

/// Walks a whole document.
pub fn document(root: &mut Map<String, Value>, visitor: &mut dyn Visitor) {
    for (key, value) in root.iter_mut() {
        let at = pointer_join("#", key);
        match key.as_str() {
            "paths" | "webhooks" => {
                if let Value::Object(items) = value {
                    for (name, item) in items.iter_mut() {
                        path_item(item, &pointer_join(&at, name), visitor);
                    }
                }
            }
            "components" => {
                if let Value::Object(components) = value {
                    components_section(components, &at, visitor);
                }
            }
            _ => {}
        }
    }
}

fn components_section(components: &mut Map<String, Value>, at: &str, visitor: &mut dyn Visitor) {
    for (section, entries) in components.iter_mut() {
        let Value::Object(entries) = entries else {
            continue;
        };
        let section_at = pointer_join(at, section);
        for (name, entry) in entries.iter_mut() {
            let entry_at = pointer_join(&section_at, name);
            match section.as_str() {
                "schemas" => schema(entry, &entry_at, 0, visitor),
                "parameters" => parameter(entry, &entry_at, Holds::Parameter, visitor),
                "headers" => parameter(entry, &entry_at, Holds::Header, visitor),
                "responses" => response(entry, &entry_at, visitor),
                "requestBodies" => request_body(entry, &entry_at, visitor),
                "pathItems" => path_item(entry, &entry_at, visitor),
                "callbacks" => callback(entry, &entry_at, visitor),
                "examples" if is_reference(entry) => {
                    visitor.reference(entry, Holds::Example, &entry_at);
                }
                _ => {}
            }
        }
    }
}

const METHODS: [&str; 9] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace", "query",
];

fn is_reference(value: &Value) -> bool {
    value.get("$ref").is_some_and(Value::is_string)
}

fn path_item(item: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    if is_reference(item) {
        visitor.reference(item, Holds::PathItem, at);
    }
    let Some(item) = item.as_object_mut() else {
        return;
    };
    for (key, child) in item.iter_mut() {
        let child_at = pointer_join(at, key);
        if key == "parameters" {
            parameters(child, &child_at, visitor);
        } else if METHODS.contains(&key.as_str()) {
            operation(child, &child_at, visitor);
        }
    }
}

fn callback(callback: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    if let Value::Object(expressions) = callback {
        for (expression, item) in expressions.iter_mut() {
            path_item(item, &pointer_join(at, expression), visitor);
        }
    }
}

fn operation(op: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    let Some(op) = op.as_object_mut() else {
        return;
    };
    for (key, child) in op.iter_mut() {
        let child_at = pointer_join(at, key);
        match key.as_str() {
            "parameters" => parameters(child, &child_at, visitor),
            "requestBody" => request_body(child, &child_at, visitor),
            "responses" => {
                if let Value::Object(responses) = child {
                    for (status, r) in responses.iter_mut() {
                        response(r, &pointer_join(&child_at, status), visitor);
                    }
                }
            }
            "callbacks" => {
                if let Value::Object(callbacks) = child {
                    for (name, c) in callbacks.iter_mut() {
                        callback(c, &pointer_join(&child_at, name), visitor);
                    }
                }
            }
            _ => {}
        }
    }
}

fn parameters(list: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    if let Value::Array(list) = list {
        for (i, p) in list.iter_mut().enumerate() {
            parameter(
                p,
                &pointer_join(at, &i.to_string()),
                Holds::Parameter,
                visitor,
            );
        }
    }
}

/// A parameter or a header: a `schema`, or a `content` map.
fn parameter(p: &mut Value, at: &str, holds: Holds, visitor: &mut dyn Visitor) {
    if is_reference(p) {
        visitor.reference(p, holds, at);
    }
    if let Some(s) = p.as_object_mut().and_then(|p| p.get_mut("schema")) {
        schema(s, &pointer_join(at, "schema"), 0, visitor);
    }
    content(p, at, visitor);
}

fn request_body(body: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    if is_reference(body) {
        visitor.reference(body, Holds::RequestBody, at);
    }
    content(body, at, visitor);
}

fn response(r: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    if is_reference(r) {
        visitor.reference(r, Holds::Response, at);
        if is_reference(r) {
            return;
        }
    }
    let Some(map) = r.as_object_mut() else {
        return;
    };
    visitor.response(map, at);
    content(r, at, visitor);
    if let Some(Value::Object(headers)) = r.as_object_mut().and_then(|r| r.get_mut("headers")) {
        let headers_at = pointer_join(at, "headers");
        for (name, h) in headers.iter_mut() {
            parameter(h, &pointer_join(&headers_at, name), Holds::Header, visitor);
        }
    }
}

/// The schemas of the `content` map of a request body, a response or a parameter, and the
/// `$ref`s among their examples.
fn content(holder: &mut Value, at: &str, visitor: &mut dyn Visitor) {
    let Some(Value::Object(content)) = holder.as_object_mut().and_then(|h| h.get_mut("content"))
    else {
        return;
    };
    let content_at = pointer_join(at, "content");
    for (media, m) in content.iter_mut() {
        let media_at = pointer_join(&content_at, media);
        let Some(m) = m.as_object_mut() else {
            continue;
        };
        if let Some(s) = m.get_mut("schema") {
            schema(s, &pointer_join(&media_at, "schema"), 0, visitor);
        }
        if let Some(Value::Object(examples)) = m.get_mut("examples") {
            let examples_at = pointer_join(&media_at, "examples");
            for (name, example) in examples.iter_mut() {
                if is_reference(example) {
                    visitor.reference(example, Holds::Example, &pointer_join(&examples_at, name));
                }
            }
        }
    }
}

/// Keywords whose value is one schema, a map of schemas, or a list of schemas.
const ONE: [&str; 12] = [
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "contentSchema",
    "additionalItems",
];
const MAPS: [&str; 5] = [
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];
const LISTS: [&str; 4] = ["allOf", "oneOf", "anyOf", "prefixItems"];

fn schema(value: &mut Value, at: &str, depth: usize, visitor: &mut dyn Visitor) {
    if depth > MAX_DEPTH {
        return;
    }
    if !value.is_object() {
        visitor.other_schema(value, at);
    }
    let Some(map) = value.as_object_mut() else {
        return;
    };
    visitor.schema(map, at);
    for (key, child) in map.iter_mut() {
        let key = key.as_str();
        if ONE.contains(&key) {
            // A boolean `additionalProperties` is 3.0 and 2.0 as much as 3.1: no schema.
            let switch = matches!(key, "additionalProperties" | "unevaluatedProperties");
            if switch && child.is_boolean() {
                continue;
            }
            schema(child, &pointer_join(at, key), depth + 1, visitor);
        } else if MAPS.contains(&key) {
            if let Value::Object(children) = child {
                let map_at = pointer_join(at, key);
                for (name, child) in children.iter_mut() {
                    schema(child, &pointer_join(&map_at, name), depth + 1, visitor);
                }
            }
        } else if LISTS.contains(&key) {
            if let Value::Array(children) = child {
                let list_at = pointer_join(at, key);
                for (i, child) in children.iter_mut().enumerate() {
                    schema(
                        child,
                        &pointer_join(&list_at, &i.to_string()),
                        depth + 1,
                        visitor,
                    );
                }
            }
        }
    }
}

/// Keys whose value is a map of named entries (schemas by property name, responses by status,
/// media types, components by name): the keys of such a map are names, never keywords, so a
/// property called `default` or a response for the status `default` is walked like any other.
const NAMED_ENTRIES: [&str; 20] = [
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "dependentSchemas",
    "paths",
    "webhooks",
    "responses",
    "schemas",
    "parameters",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
    "content",
    "encoding",
    "components",
    "mapping",
];

/// Calls `visit` on every `$ref` string of a document (or part of one), of any version. Values
/// that are data rather than structure are skipped (examples, enum values, constants, defaults,
/// extensions): a `$ref` key inside them is not a reference.
pub fn references(value: &mut Value, visit: &mut dyn FnMut(&mut String)) {
    references_in(value, false, visit);
}

fn references_in(value: &mut Value, names: bool, visit: &mut dyn FnMut(&mut String)) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if names {
                    references_in(child, false, visit);
                    continue;
                }
                match (key.as_str(), child) {
                    ("$ref", Value::String(reference)) => visit(reference),
                    ("example" | "examples" | "enum" | "const" | "default", _) => {}
                    (key, _) if key.starts_with("x-") => {}
                    (key, child) => references_in(child, NAMED_ENTRIES.contains(&key), visit),
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| references_in(item, false, visit)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Records every place the walk reports, by kind.
    #[derive(Default)]
    struct Record(Vec<String>);

    impl Visitor for Record {
        fn schema(&mut self, schema: &mut Map<String, Value>, at: &str) {
            let what = if schema.contains_key("$ref") {
                "schema $ref"
            } else {
                "schema"
            };
            self.0.push(format!("{what} {at}"));
        }
        fn other_schema(&mut self, _: &mut Value, at: &str) {
            self.0.push(format!("other schema {at}"));
        }
        fn response(&mut self, _: &mut Map<String, Value>, at: &str) {
            self.0.push(format!("response {at}"));
        }
        fn reference(&mut self, _: &mut Value, holds: Holds, at: &str) {
            self.0.push(format!("{holds:?} $ref {at}"));
        }
    }

    #[test]
    fn every_place_that_holds_a_schema_is_walked() {
        let mut doc = json!({
            "paths": {
                "/a": {
                    "parameters": [{"name": "p", "in": "query", "schema": {"type": "string"}}],
                    "get": {
                        "parameters": [{"$ref": "#/components/parameters/P"}],
                        "requestBody": {"content": {"application/json": {"schema": {"items": true}}}},
                        "responses": {
                            "200": {
                                "description": "",
                                "headers": {"X-Rate": {"schema": {"type": "integer"}}},
                                "content": {"text/plain": {
                                    "schema": {"type": "string"},
                                    "examples": {"e": {"$ref": "#/components/examples/E"}}
                                }}
                            },
                            "400": {"$ref": "#/components/requestBodies/B"}
                        },
                        "callbacks": {"onEvent": {"{$request.body#/url}": {"post": {
                            "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}
                        }}}}
                    }
                }
            },
            "webhooks": {"w": {"post": {"requestBody": {"$ref": "#/components/requestBodies/B"}}}},
            "components": {
                "schemas": {"S": {
                    "properties": {"x": {"$ref": "#/components/schemas/S"}},
                    "$defs": {"D": {"not": false}},
                    "allOf": [{"prefixItems": [{"type": "string"}]}]
                }},
                "parameters": {"P": {"name": "q", "in": "query", "content": {"application/json": {"schema": {}}}}},
                "headers": {"H": {"schema": {"type": "string"}}},
                "requestBodies": {"B": {"content": {"application/json": {"schema": {}}}}},
                "responses": {"R": {"description": ""}},
                "pathItems": {"I": {"get": {"responses": {"204": {"description": ""}}}}}
            }
        });
        let mut record = Record::default();
        document(doc.as_object_mut().unwrap(), &mut record);
        let expected = [
            "schema #/paths/~1a/parameters/0/schema",
            "Parameter $ref #/paths/~1a/get/parameters/0",
            "schema #/paths/~1a/get/requestBody/content/application~1json/schema",
            "other schema #/paths/~1a/get/requestBody/content/application~1json/schema/items",
            "response #/paths/~1a/get/responses/200",
            "schema #/paths/~1a/get/responses/200/content/text~1plain/schema",
            "Example $ref #/paths/~1a/get/responses/200/content/text~1plain/examples/e",
            "schema #/paths/~1a/get/responses/200/headers/X-Rate/schema",
            "Response $ref #/paths/~1a/get/responses/400",
            "schema #/paths/~1a/get/callbacks/onEvent/{$request.body#~1url}/post/requestBody/content/application~1json/schema",
            "RequestBody $ref #/webhooks/w/post/requestBody",
            "schema #/components/schemas/S",
            "schema $ref #/components/schemas/S/properties/x",
            "schema #/components/schemas/S/$defs/D",
            "other schema #/components/schemas/S/$defs/D/not",
            "schema #/components/schemas/S/allOf/0",
            "schema #/components/schemas/S/allOf/0/prefixItems/0",
            "schema #/components/parameters/P/content/application~1json/schema",
            "schema #/components/headers/H/schema",
            "schema #/components/requestBodies/B/content/application~1json/schema",
            "response #/components/responses/R",
            "response #/components/pathItems/I/get/responses/204",
        ];
        assert_eq!(record.0, expected);
    }

    #[test]
    fn references_skip_data_but_not_names() {
        let mut doc = json!({
            "a": {"$ref": "#/x"},
            "example": {"$ref": "#/not-a-reference"},
            "enum": [{"$ref": "#/nor-this"}],
            "default": {"$ref": "#/nor-this"},
            "x-note": {"$ref": "#/nor-this"},
            "b": [{"$ref": "#/y"}],
            "responses": {"default": {"$ref": "#/responses/Problem"}},
            "properties": {
                "default": {"$ref": "#/definitions/D"},
                "example": {"$ref": "#/definitions/E"},
                "x-odd": {"$ref": "#/definitions/X"},
                "enum": {"items": {"$ref": "#/definitions/I"}, "default": {"$ref": "#/no"}}
            }
        });
        let mut found = Vec::new();
        references(&mut doc, &mut |r| found.push(r.clone()));
        let expected = [
            "#/x",
            "#/y",
            "#/responses/Problem",
            "#/definitions/D",
            "#/definitions/E",
            "#/definitions/X",
            "#/definitions/I",
        ];
        assert_eq!(found, expected);
    }
}
