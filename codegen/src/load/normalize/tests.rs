//! The 3.1 rules, one row each: the schema as written, the schema as 3.0 reads it, and the
//! warning it gives (empty: none).

use super::rewrite_31;
use serde_json::json;

#[test]
fn each_31_rule_rewrites_its_fragment() {
    let table = [
        (
            json!({"type": ["string", "null"]}),
            json!({"type": "string", "nullable": true}),
            "",
        ),
        (json!({"type": ["integer"]}), json!({"type": "integer"}), ""),
        (
            json!({"type": ["string", "integer"]}),
            json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}),
            "",
        ),
        (json!({"type": "null"}), json!({}), "only `null`"),
        (
            json!({"anyOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]}),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/A"}]}),
            "",
        ),
        (
            json!({"anyOf": [{"type": "string", "maxLength": 3}, {"type": "null"}], "title": "T"}),
            json!({"nullable": true, "type": "string", "maxLength": 3, "title": "T"}),
            "",
        ),
        (
            json!({"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}),
            json!({"nullable": true, "oneOf": [{"type": "string"}, {"type": "integer"}]}),
            "",
        ),
        (json!({"const": "on"}), json!({"enum": ["on"]}), ""),
        (
            json!({"examples": [1, 2], "type": "integer"}),
            json!({"type": "integer", "example": 1}),
            "",
        ),
        (
            json!({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 10}),
            json!({"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true}),
            "",
        ),
        (
            json!({"type": "number", "exclusiveMinimum": true, "minimum": 1}),
            json!({"type": "number", "exclusiveMinimum": true, "minimum": 1}),
            "boolean `exclusiveMinimum` is OpenAPI 3.0",
        ),
        (
            json!({"$ref": "#/components/schemas/A", "description": "Documents the field."}),
            json!({"allOf": [{"$ref": "#/components/schemas/A"}], "description": "Documents the field."}),
            "",
        ),
        (
            json!({"$ref": "#/components/schemas/A", "required": ["x"]}),
            json!({"allOf": [{"$ref": "#/components/schemas/A"}, {"required": ["x"]}]}),
            "",
        ),
        (
            json!({"type": "string", "contentEncoding": "base64"}),
            json!({"type": "string", "format": "byte"}),
            "",
        ),
        (
            json!({"type": "string", "contentMediaType": "image/png"}),
            json!({"type": "string"}),
            "",
        ),
        (
            json!({"type": "object", "unevaluatedProperties": false}),
            json!({"type": "object", "additionalProperties": false}),
            "",
        ),
        (
            json!({"patternProperties": {"^x-": {"type": "integer"}}}),
            json!({"additionalProperties": {"type": "integer"}, "type": "object"}),
            "",
        ),
        (
            json!({"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}),
            json!({"type": "array", "items": {}}),
            "`prefixItems` (a tuple) is read as an array of any values",
        ),
        (
            json!({"type": "array", "items": false}),
            json!({"type": "array"}),
            "",
        ),
        (
            json!({"type": "object", "propertyNames": {"pattern": "^a"}}),
            json!({"type": "object"}),
            "`propertyNames` cannot be expressed",
        ),
        (
            json!({"type": "object", "dependentRequired": {"a": ["b"]}}),
            json!({"type": "object"}),
            "`dependentRequired` cannot be expressed",
        ),
        (
            json!({"if": {"type": "string"}}),
            json!({}),
            "`if` cannot be expressed",
        ),
        (
            json!({"type": "string", "nullable": true}),
            json!({"type": "string", "nullable": true}),
            "`nullable` is OpenAPI 3.0",
        ),
        (
            json!({"$id": "x", "$comment": "c", "type": "string"}),
            json!({"type": "string"}),
            "",
        ),
    ];
    let rows = table.len();
    let mut checked = 0;
    for (input, expected, warning) in table {
        let (output, warnings) = rewrite_31(input.clone());
        assert_eq!(output, expected, "{input}");
        if warning.is_empty() {
            assert!(warnings.is_empty(), "{input}: {warnings:?}");
        } else {
            assert_eq!(warnings.len(), 1, "{input}: {warnings:?}");
            assert!(warnings[0].contains(warning), "{input}: {warnings:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, rows);
    assert_eq!(rows, 24);
}

#[test]
fn provenance_maps_moved_places_back_at_segment_boundaries() {
    let mut provenance = super::Provenance::default();
    provenance.moved("#/paths/~1{webhooks}~1newPet", "#/webhooks/newPet");
    assert_eq!(
        provenance.to_input("#/paths/~1{webhooks}~1newPet/post/requestBody"),
        "#/webhooks/newPet/post/requestBody"
    );
    assert_eq!(
        provenance.to_input("#/paths/~1{webhooks}~1newPet"),
        "#/webhooks/newPet"
    );
    assert_eq!(
        provenance.to_input("#/paths/~1{webhooks}~1newPets/post"),
        "#/paths/~1{webhooks}~1newPets/post"
    );
    assert_eq!(provenance.to_input("#/paths/~1a"), "#/paths/~1a");
}
