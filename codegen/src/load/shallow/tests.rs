//! The shortcut against the plain conversion: on a document with a schema in every place, and
//! the hand reader schema by schema.

use super::*;
use serde_json::json;

fn whole(value: &Value) -> Option<OpenAPI> {
    OpenAPI::deserialize(value).ok()
}

/// The shortcut: the schemas taken out, the rest converted, the schemas converted and put back.
fn fast(value: &Value) -> Option<OpenAPI> {
    let mut value = value.clone();
    let taken = take(&mut value);
    let spec = OpenAPI::deserialize(value).ok()?;
    put_back(spec, convert(taken)?)
}

/// A schema holding one nested schema at every key `openapiv3` reads them from, the
/// nested ones holding more; a reference and a boolean where schemas may be.
fn deep() -> Value {
    json!({
        "type": "object",
        "properties": {
            "list": {"type": "array", "items": {"type": "string", "enum": ["a"]}},
            "map": {"type": "object", "additionalProperties": {"type": "integer"}},
            "open": {"type": "object", "additionalProperties": true},
            "either": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Pet"}]},
            "both": {"allOf": [{"type": "object", "properties": {"x": {}}}]},
            "any": {"anyOf": [{"type": "number"}, {"not": {"type": "string"}}]},
            "loose": {"items": {"type": "boolean"}, "properties": {"y": {"nullable": true}}}
        },
        "x-note": {"properties": {"not": "a schema"}}
    })
}

fn document() -> Value {
    let media = json!({
        "schema": deep(),
        "encoding": {"file": {"headers": {"X-Part": {"schema": deep()}}}}
    });
    let operation = json!({
        "parameters": [
            {"name": "q", "in": "query", "schema": deep()},
            {"name": "c", "in": "query", "content": {"application/json": media}},
            {"name": "both", "in": "header", "content": {"text/plain": {"schema": deep()}}, "schema": deep()},
            {"$ref": "#/components/parameters/P"}
        ],
        "requestBody": {"content": {"application/json": media}},
        "responses": {
            "200": {"description": "", "headers": {"X-Rate": {"schema": deep()}}, "content": {"application/json": media}},
            "4XX": {"description": "", "content": {"application/json": {"schema": deep()}}},
            "default": {"description": "", "content": {"application/json": {"schema": deep()}}},
            "x-ignored": {"content": {"application/json": {"schema": deep()}}}
        },
        "callbacks": {"done": {"{$request.body#/url}": {"post": {"requestBody": {"content": {"application/json": {"schema": deep()}}}, "responses": {}}}}}
    });
    json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/pets": {"parameters": [{"name": "p", "in": "path", "required": true, "schema": deep()}], "get": operation, "post": operation},
            "/alias": {"$ref": "#/paths/~1pets"},
            "x-paths-note": {"get": {"responses": {"200": {"description": "", "content": {"a/b": {"schema": deep()}}}}}}
        },
        "components": {
            "schemas": {"Pet": deep(), "Ref": {"$ref": "#/components/schemas/Pet"}},
            "parameters": {"P": {"name": "p", "in": "cookie", "schema": deep()}},
            "headers": {"H": {"schema": deep()}},
            "requestBodies": {"B": {"content": {"application/json": media}}},
            "responses": {"R": {"description": "", "content": {"application/json": media}}},
            "callbacks": {"C": {"{$url}": {"put": {"parameters": [{"name": "z", "in": "query", "schema": deep()}], "responses": {}}}}}
        }
    })
}

#[test]
fn every_place_of_a_schema_converts_as_the_whole_document_does() {
    let doc = document();
    let mut taken_from = doc.clone();
    let taken = take(&mut taken_from);
    // `deep()` stands in 12 places of each of the two operations (parameters `q` and `both`,
    // 2 each in the media types of `c` and of the body, 3 in the `200` response, 1 in `4XX`,
    // `default` and the callback), once in the path's parameter and 8 times in the
    // components: 33 places. The schema of `both` that its parameter does not read, and those
    // under keys `openapiv3` passes over, are not taken.
    assert_eq!(taken.0.len(), 33);
    assert!(taken.0.iter().all(super::read::known));
    let converted = fast(&doc);
    assert!(converted.is_some());
    assert!(
        converted == whole(&doc),
        "differs from the whole conversion"
    );
}

#[test]
fn a_nested_schema_that_does_not_convert_fails_the_whole() {
    let mut doc = document();
    doc["components"]["schemas"]["Pet"]["properties"]["list"]["items"] = json!({"type": 5});
    assert!(whole(&doc).is_none());
    assert!(fast(&doc).is_none());
}

#[test]
fn a_stub_written_in_the_document_is_not_mistaken_for_one() {
    let mut doc = document();
    doc["components"]["schemas"]["Fake"] = json!({"$ref": format!("{STUB}0")});
    doc["components"]["schemas"]["Far"] = json!({"$ref": format!("{STUB}99999")});
    // Declined (a stub found twice), and then the whole document decides.
    assert!(fast(&doc).is_none());
    let text = serde_json::to_vec(&doc).unwrap();
    let reparse = || super::super::parse(&text, "spec");
    let loaded = super::super::convert(reparse().unwrap(), "spec", reparse).unwrap();
    let (prepared, _) = super::super::prepared_again(reparse().unwrap().value, "spec").unwrap();
    assert!(
        Some(loaded.spec) == whole(&prepared),
        "differs from the whole conversion"
    );
}

// The hand reader against `openapiv3`'s own.

use super::read::{known, read};

/// Schemas the reader must know, each read as `openapiv3` reads it: every kind and the edges
/// of the rules that choose it.
fn known_cases() -> Vec<Value> {
    vec![
        json!({}),
        json!({"type": "string", "format": "date-time", "pattern": "^a", "minLength": 1, "maxLength": 9, "enum": ["a", null]}),
        json!({"type": "string", "format": "no-such-format"}),
        json!({"type": "string", "enum": ["a", 1]}),
        json!({"type": "string", "minimum": 1}),
        json!({"type": "number", "format": "float", "multipleOf": 0.5, "minimum": -1, "maximum": 2.5, "exclusiveMinimum": true, "enum": [1, 2.5, null]}),
        json!({"type": "number", "pattern": "x"}),
        json!({"type": "integer", "format": "int64", "minimum": 0, "maximum": 10, "multipleOf": 2, "enum": [1, null]}),
        json!({"type": "integer", "minimum": 0.5}),
        json!({"type": "integer", "enum": [18446744073709551615u64]}),
        json!({"type": "integer", "exclusiveMaximum": null, "minimum": null}),
        json!({"type": "boolean", "enum": [true, null]}),
        json!({"type": "boolean", "format": "x"}),
        json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {"$ref": "#/x", "description": "passed over"}}, "required": ["a"], "additionalProperties": false, "minProperties": 1, "maxProperties": 3}),
        json!({"type": "object", "additionalProperties": {"type": "integer"}}),
        json!({"type": "object", "additionalProperties": {"$ref": "#/y"}, "items": {"type": "string"}}),
        json!({"type": "array", "items": {"type": "array", "items": {}}, "minItems": 0, "maxItems": 4, "uniqueItems": true}),
        json!({"type": "array"}),
        json!({"oneOf": [{"type": "string"}, {"$ref": "#/z"}]}),
        json!({"oneOf": [{"type": "string"}], "type": "object"}),
        json!({"allOf": [{"type": "object"}], "nullable": true, "description": "d"}),
        json!({"anyOf": [{}], "anyOf-like": 1}),
        json!({"not": {"type": "string"}}),
        json!({"not": {"type": "string"}, "oneOf": []}),
        json!({"type": "weird", "items": {}, "properties": {}, "enum": [1, "a"]}),
        json!({"nullable": true, "readOnly": true, "writeOnly": false, "deprecated": true, "title": "T", "description": null, "example": {"a": [1]}, "default": null, "x-b": null, "x-a": {"c": 1}, "X-not": 1, "unknown": [1]}),
        json!({"discriminator": {"propertyName": "kind", "mapping": {"a": "#/A"}, "x-d": 1, "other": 2}, "oneOf": [{"$ref": "#/A"}]}),
        json!({"discriminator": {"propertyName": "kind"}}),
        json!({"externalDocs": {"url": "https://example.com", "description": null, "x-e": true}}),
        json!({"type": null, "format": null, "properties": null, "items": null, "oneOf": null, "discriminator": null, "externalDocs": null}),
        json!({"properties": {"deep": {"properties": {"deeper": {"items": {"enum": [null]}}}}}}),
    ]
}

#[test]
fn known_schemas_are_read_as_openapiv3_reads_them() {
    let cases = known_cases();
    assert_eq!(cases.len(), 31);
    for case in cases {
        assert!(known(&case), "not known: {case}");
        let expected = Schema::deserialize(&case).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(read(case.clone()), expected, "{case}");
    }
}

/// Schemas the reader leaves to `openapiv3`: a value of a type it does not read without error
/// (or reads by rules this reader does not copy), anywhere in the schema.
#[test]
fn other_schemas_are_left_to_openapiv3() {
    let cases = [
        json!("a string"),
        json!({"nullable": null}),
        json!({"nullable": "true"}),
        json!({"type": 1}),
        json!({"minLength": -1}),
        json!({"minLength": 1.5}),
        json!({"minimum": "1"}),
        json!({"required": ["a", 1]}),
        json!({"enum": "a"}),
        json!({"properties": {"a": "string"}}),
        json!({"properties": {"a": {"$ref": 1}}}),
        json!({"items": [{}]}),
        json!({"additionalProperties": "yes"}),
        json!({"oneOf": {"a": {}}}),
        json!({"$ref": 5, "type": "string"}),
        json!({"discriminator": {"mapping": {}}}),
        json!({"discriminator": {"propertyName": "k", "mapping": null}}),
        json!({"externalDocs": {"description": "no url"}}),
        json!({"properties": {"a": {"properties": {"b": {"type": []}}}}}),
    ];
    for case in cases {
        assert!(!known(&case), "known: {case}");
    }
}
