//! Schemas converted by hand, each on its own.
//!
//! `openapiv3` reads a schema through two flattened serde types, and serde buffers a flattened
//! struct's whole map before reading it: every schema copies its whole subtree once more, on
//! top of serde's cost per keyword. Here every schema of the document (a body's, a parameter's,
//! a component) is first taken out of it into a table, leaving in its place a reference that
//! points into the table (a *stub*). What is left converts as before; each schema taken is
//! read by hand where [`read::known`] is sure of reading it as `openapiv3` does, else by
//! `openapiv3`, on whichever core is free; and each is put back where its stub is.
//!
//! Every stub must be found again in the converted document, exactly once: where one is not (a
//! place this module's two walks disagree on with `openapiv3`), [`put_back`] says so. A schema
//! that does not convert fails the shortcut as it fails the whole document. Where the shortcut
//! fails, the caller converts the document whole, which decides.

mod back;
mod read;

use back::Back;
use openapiv3::{OpenAPI, ReferenceOr, Schema, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The beginning of a stub's `$ref`: the rest is the schema's index in the table. A document
/// that writes such a reference itself is still read right: a stub found twice (or one past
/// the table) sends it to the plain conversion.
const STUB: &str = "\u{0}schema/";

/// The schemas taken out of a document, in the order they were taken.
pub struct Taken(Vec<Value>);

/// Takes every schema out of `doc` (an OpenAPI 3.0 document as `openapiv3` reads it), leaving
/// stubs.
pub fn take(doc: &mut Value) -> Taken {
    let mut table = Table(Vec::new());
    if let Some(doc) = doc.as_object_mut() {
        if let Some(Value::Object(paths)) = doc.get_mut("paths") {
            for (key, item) in paths.iter_mut() {
                if key.starts_with('/') {
                    table.referable(item, Table::path_item);
                }
            }
        }
        if let Some(Value::Object(components)) = doc.get_mut("components") {
            table.components(components);
        }
    }
    Taken(table.0)
}

/// Converts every schema taken, spread over the cores; `None` if one does not convert.
pub fn convert(taken: Taken) -> Option<Vec<Schema>> {
    crate::parallel::map_owned(taken.0, |_, schema| {
        if read::known(&schema) {
            Some(read::read(schema))
        } else {
            Schema::deserialize(schema).ok()
        }
    })
    .into_iter()
    .collect()
}

/// Puts the converted schemas back in place of their stubs in `spec`; `None` unless every
/// stub was found exactly once.
pub fn put_back(mut spec: OpenAPI, schemas: Vec<Schema>) -> Option<OpenAPI> {
    let mut back = Back {
        schemas: schemas.into_iter().map(Some).collect(),
        found: 0,
        wrong: false,
    };
    for item in spec.paths.paths.values_mut() {
        if let ReferenceOr::Item(item) = item {
            back.path_item(item);
        }
    }
    if let Some(components) = &mut spec.components {
        back.components(components);
    }
    (!back.wrong && back.found == back.schemas.len()).then_some(spec)
}

/// The schemas taken so far.
struct Table(Vec<Value>);

/// Whether `value` is what `openapiv3` reads as a reference: a map with a `$ref` string.
fn is_reference(value: &Value) -> bool {
    value.get("$ref").is_some_and(Value::is_string)
}

impl Table {
    /// Reads `value`, at a place that holds an object or a reference to one, with `read`
    /// unless it is a reference.
    fn referable(&mut self, value: &mut Value, read: fn(&mut Self, &mut Map<String, Value>)) {
        if is_reference(value) {
            return;
        }
        if let Value::Object(map) = value {
            read(self, map);
        }
    }

    /// Takes the schema at `value` (a place that holds a schema or a reference to one) into
    /// the table, leaving a stub.
    fn schema(&mut self, value: &mut Value) {
        if !value.is_object() || is_reference(value) {
            return;
        }
        let stub = Value::Object(Map::from_iter([(
            "$ref".to_owned(),
            Value::String(format!("{STUB}{}", self.0.len())),
        )]));
        self.0.push(std::mem::replace(value, stub));
    }

    fn components(&mut self, components: &mut Map<String, Value>) {
        let each =
            |components: &mut Map<String, Value>, key: &str, f: &mut dyn FnMut(&mut Value)| {
                if let Some(Value::Object(section)) = components.get_mut(key) {
                    section.values_mut().for_each(f);
                }
            };
        each(components, "schemas", &mut |v| self.schema(v));
        each(components, "responses", &mut |v| {
            self.referable(v, Self::response)
        });
        each(components, "parameters", &mut |v| {
            self.referable(v, Self::parameter)
        });
        each(components, "requestBodies", &mut |v| {
            self.referable(v, Self::request_body)
        });
        each(components, "headers", &mut |v| {
            self.referable(v, Self::parameter)
        });
        each(components, "callbacks", &mut |v| {
            self.referable(v, Self::callback)
        });
    }

    fn path_item(&mut self, item: &mut Map<String, Value>) {
        for (key, value) in item.iter_mut() {
            match key.as_str() {
                "parameters" => self.parameters(value),
                "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace" => {
                    if let Value::Object(operation) = value {
                        self.operation(operation);
                    }
                }
                _ => {}
            }
        }
    }

    fn parameters(&mut self, parameters: &mut Value) {
        if let Value::Array(parameters) = parameters {
            for parameter in parameters {
                self.referable(parameter, Self::parameter);
            }
        }
    }

    fn operation(&mut self, operation: &mut Map<String, Value>) {
        for (key, value) in operation.iter_mut() {
            match key.as_str() {
                "parameters" => self.parameters(value),
                "requestBody" => self.referable(value, Self::request_body),
                "responses" => {
                    if let Value::Object(responses) = value {
                        for (code, response) in responses.iter_mut() {
                            if code == "default" || is_status(code) {
                                self.referable(response, Self::response);
                            }
                        }
                    }
                }
                "callbacks" => {
                    if let Value::Object(callbacks) = value {
                        for callback in callbacks.values_mut() {
                            if let Value::Object(callback) = callback {
                                self.callback(callback);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A callback: path items by expression (never references themselves).
    fn callback(&mut self, callback: &mut Map<String, Value>) {
        for item in callback.values_mut() {
            if let Value::Object(item) = item {
                self.path_item(item);
            }
        }
    }

    /// A parameter or a header: its schema or its content, whichever of the two keys comes
    /// first, as `openapiv3` reads the one of them it holds.
    fn parameter(&mut self, parameter: &mut Map<String, Value>) {
        let first = parameter
            .iter_mut()
            .find(|(key, _)| *key == "schema" || *key == "content");
        match first {
            Some((key, value)) if key == "schema" => self.schema(value),
            Some((_, content)) => self.content(content),
            None => {}
        }
    }

    fn request_body(&mut self, body: &mut Map<String, Value>) {
        if let Some(content) = body.get_mut("content") {
            self.content(content);
        }
    }

    fn response(&mut self, response: &mut Map<String, Value>) {
        if let Some(Value::Object(headers)) = response.get_mut("headers") {
            for header in headers.values_mut() {
                self.referable(header, Self::parameter);
            }
        }
        if let Some(content) = response.get_mut("content") {
            self.content(content);
        }
    }

    /// Media types by name: each one's schema and the headers of its encodings.
    fn content(&mut self, content: &mut Value) {
        let Value::Object(content) = content else {
            return;
        };
        for media_type in content.values_mut() {
            let Value::Object(media_type) = media_type else {
                continue;
            };
            if let Some(schema) = media_type.get_mut("schema") {
                self.schema(schema);
            }
            if let Some(Value::Object(encodings)) = media_type.get_mut("encoding") {
                for encoding in encodings.values_mut() {
                    if let Some(Value::Object(headers)) = encoding.get_mut("headers") {
                        for header in headers.values_mut() {
                            self.referable(header, Self::parameter);
                        }
                    }
                }
            }
        }
    }
}

/// Whether `openapiv3` reads `key` of a `responses` map as a status (it passes over the others).
fn is_status(key: &str) -> bool {
    StatusCode::deserialize(Value::String(key.to_owned())).is_ok()
}

#[cfg(test)]
mod tests;
