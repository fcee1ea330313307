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
            json!({"type": "integer", "example": 1, "x-examples": [1, 2]}),
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
            json!({"type": "array", "properties": {"0": {"type": "string"}, "1": {"type": "integer"}}, "items": {"not": {}}, "x-codegen-tuple": true}),
            "",
        ),
        (
            json!({"prefixItems": [{"type": "string"}, true], "items": {"type": "boolean"}, "minItems": 1}),
            json!({"type": "array", "properties": {"0": {"type": "string"}, "1": {}}, "items": {"type": "boolean"}, "minItems": 1, "x-codegen-tuple": true}),
            "",
        ),
        (
            json!({"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "string"}}),
            json!({"type": "array", "items": {"type": "string"}}),
            "",
        ),
        (
            json!({"type": "array", "items": false}),
            json!({"type": "array", "items": {"not": {}}}),
            "",
        ),
        (
            json!({"type": "object", "properties": {"any": true, "never": false}, "additionalProperties": false}),
            json!({"type": "object", "properties": {"any": {}, "never": {"not": {}}}, "additionalProperties": false}),
            "",
        ),
        (
            json!({"allOf": [true, {"type": "object"}], "anyOf": [false, {"type": "string"}], "not": false}),
            json!({"allOf": [{}, {"type": "object"}], "anyOf": [{"not": {}}, {"type": "string"}], "not": {"not": {}}}),
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
    assert_eq!(rows, 28);
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

/// A whole Swagger 2.0 document through its pass, with the provenance of what moved.
fn from_20(doc: serde_json::Value) -> (serde_json::Value, super::Provenance, Vec<String>) {
    let mut value = doc;
    let mut warnings = Vec::new();
    let provenance = super::from_20(&mut value, "t", &mut warnings).expect("normalises");
    (
        value,
        provenance,
        warnings.into_iter().map(|d| d.message).collect(),
    )
}

#[test]
fn each_20_rule_rewrites_its_fragment() {
    let (doc, provenance, warnings) = from_20(json!({
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "host": "example.com",
        "produces": ["application/json", "application/xml"],
        "parameters": {"limit": {"name": "limit", "in": "query", "type": "integer"}},
        "paths": {"/a": {"post": {
            "consumes": ["application/x-www-form-urlencoded"],
            "parameters": [
                {"$ref": "#/parameters/limit"},
                {"name": "ids", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "csv"},
                {"name": "note", "in": "formData", "type": "string", "required": true},
                {"name": "doc", "in": "formData", "type": "file"}
            ],
            "responses": {"200": {
                "description": "ok",
                "schema": {"$ref": "#/definitions/A"},
                "examples": {"application/json": {"a": null}},
                "headers": {"X-Rate": {"type": "integer"}}
            }}
        }}},
        "definitions": {"A": {"type": "object", "discriminator": "kind", "properties": {
            "a": {"type": "string", "x-nullable": true},
            "b": {"type": "string", "x-isnullable": false}
        }}}
    }));
    let op = &doc["paths"]["/a"]["post"];
    assert_eq!(doc["openapi"], "3.0.3");
    assert!(doc.get("swagger").is_none() && doc.get("host").is_none());
    assert_eq!(
        op["parameters"][0],
        json!({"name": "limit", "in": "query", "schema": {"type": "integer"}})
    );
    assert_eq!(op["parameters"][1]["explode"], false);
    assert_eq!(
        op["parameters"][1]["schema"],
        json!({"type": "array", "items": {"type": "string"}})
    );
    let form = &op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"];
    assert_eq!(form["required"], json!(["note"]));
    assert_eq!(
        form["properties"]["doc"],
        json!({"type": "string", "format": "binary"})
    );
    let response = &op["responses"]["200"];
    let json_media = &response["content"]["application/json"];
    assert_eq!(
        json_media["schema"],
        json!({"$ref": "#/components/schemas/A"})
    );
    assert_eq!(json_media["example"], json!({"a": null}));
    assert!(response["content"]["application/xml"]["example"].is_null());
    assert_eq!(
        response["headers"]["X-Rate"]["schema"],
        json!({"type": "integer"})
    );
    let a = &doc["components"]["schemas"]["A"];
    assert_eq!(a["discriminator"], json!({"propertyName": "kind"}));
    assert_eq!(
        a["properties"]["a"],
        json!({"type": "string", "nullable": true})
    );
    assert_eq!(a["properties"]["b"], json!({"type": "string"}));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("`discriminator`"));
    // Every moved place maps back to where it was written.
    for (output, input) in [
        ("#/components/schemas/A/properties/a", "#/definitions/A/properties/a"),
        ("#/paths/~1a/post/responses/200/content/application~1json/schema", "#/paths/~1a/post/responses/200/schema"),
        ("#/paths/~1a/post/responses/200/content/application~1json/example", "#/paths/~1a/post/responses/200/examples/application~1json"),
        ("#/paths/~1a/post/parameters/1/schema", "#/paths/~1a/post/parameters/1"),
        ("#/paths/~1a/post/parameters/0", "#/parameters/limit"),
        (
            "#/paths/~1a/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/doc",
            "#/paths/~1a/post/parameters/3",
        ),
    ] {
        assert_eq!(provenance.to_input(output), input, "{output}");
    }
}

#[test]
fn x_ms_discriminator_values_map_tags_to_subtypes() {
    let (doc, _, _) = from_20(json!({
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "definitions": {
            "Pet": {"type": "object", "discriminator": "kind", "properties": {"kind": {"type": "string"}}},
            "Cat": {"x-ms-discriminator-value": "cat", "allOf": [{"$ref": "#/definitions/Pet"}]},
            "Dog": {"allOf": [{"$ref": "#/definitions/Pet"}]},
            "a/b": {"x-ms-discriminator-value": "ab", "allOf": [{"$ref": "#/definitions/Pet"}]}
        }
    }));
    assert_eq!(
        doc["components"]["schemas"]["Pet"]["discriminator"],
        json!({"propertyName": "kind", "mapping": {
            "cat": "#/components/schemas/Cat",
            "ab": "#/components/schemas/a~1b"
        }})
    );
}

#[test]
fn a_20_body_parameter_is_the_request_body_in_each_consumed_media_type() {
    let (doc, provenance, _) = from_20(json!({
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {
            "parameters": [{"name": "b", "in": "body", "required": true, "schema": {"type": "object"}}],
            "put": {
                "consumes": ["application/json", "application/x-www-form-urlencoded"],
                "responses": {"204": {"description": "done"}}
            }
        }}
    }));
    let body = &doc["paths"]["/a"]["put"]["requestBody"];
    assert_eq!(body["required"], true);
    assert_eq!(
        body["content"]["application/json"]["schema"],
        json!({"type": "object"})
    );
    assert_eq!(
        body["content"]["application/x-www-form-urlencoded"]["schema"],
        json!({"type": "object"})
    );
    assert!(doc["paths"]["/a"].get("parameters").is_none());
    assert_eq!(
        provenance.to_input("#/paths/~1a/put/requestBody/content/application~1json/schema/type"),
        "#/paths/~1a/parameters/0/schema/type"
    );
}

#[test]
fn defs_become_components_and_references_follow_them() {
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/A/$defs/Item"}}
        }}}}}},
        "components": {"schemas": {
            "A": {
                "type": "object",
                "properties": {
                    "item": {"$ref": "#/components/schemas/A/$defs/Item"},
                    "deep": {"$ref": "#/components/schemas/A/$defs/A/$defs/Deep"}
                },
                "$defs": {
                    "Item": {"type": ["string", "null"]},
                    "A": {"type": "object", "$defs": {"Deep": {"const": 1}}}
                }
            },
            "Item": {"type": "integer"}
        }}
    });
    let mut warnings = Vec::new();
    let provenance = super::from_31(&mut doc, "t", &mut warnings).expect("normalises");
    let schemas = &doc["components"]["schemas"];
    // `Item` is taken, so the definition is named after the schema that held it.
    assert_eq!(
        schemas["AItem"],
        json!({"type": "string", "nullable": true})
    );
    assert_eq!(
        schemas["A"]["properties"]["item"],
        json!({"$ref": "#/components/schemas/AItem"})
    );
    assert_eq!(
        schemas["A"]["properties"]["deep"],
        json!({"$ref": "#/components/schemas/Deep"})
    );
    assert!(schemas["A"].get("$defs").is_none());
    // `A` is taken too, and so is named after its holder as well.
    assert_eq!(schemas["AA"], json!({"type": "object"}));
    assert_eq!(schemas["Deep"], json!({"enum": [1]}));
    assert_eq!(
        doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
        json!({"$ref": "#/components/schemas/AItem"})
    );
    assert_eq!(
        provenance.to_input("#/components/schemas/AItem/type"),
        "#/components/schemas/A/$defs/Item/type"
    );
    assert_eq!(
        provenance.to_input("#/components/schemas/Deep"),
        "#/components/schemas/A/$defs/A/$defs/Deep"
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn parameters_renumbered_after_a_body_map_back_to_their_own_places() {
    let (_, provenance, _) = from_20(json!({
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"post": {
            "parameters": [
                {"name": "b", "in": "body", "schema": {"type": "object"}},
                {"name": "q1", "in": "query", "type": "string"},
                {"name": "q2", "in": "query", "type": "string"}
            ],
            "responses": {"204": {"description": "done"}}
        }}}
    }));
    assert_eq!(
        provenance.to_input("#/paths/~1a/post/parameters/0"),
        "#/paths/~1a/post/parameters/1"
    );
    assert_eq!(
        provenance.to_input("#/paths/~1a/post/parameters/1/schema"),
        "#/paths/~1a/post/parameters/2"
    );
}

#[test]
fn alternatives_tagged_by_constants_are_discriminated_by_them() {
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {
            "Shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}]},
            "Either": {"oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Circle2"}]},
            "Circle": {"type": "object", "properties": {"kind": {"const": "circle"}}},
            "Circle2": {"type": "object", "properties": {"kind": {"const": "circle"}}},
            "Square": {"type": "object", "properties": {"kind": {"const": "square"}, "side": {"type": "number"}}}
        }}
    });
    super::from_31(&mut doc, "t", &mut Vec::new()).expect("normalises");
    // A rule of every version, run after the version's own.
    super::constant_tags::tags_from_constants(doc.as_object_mut().unwrap());
    let schemas = &doc["components"]["schemas"];
    let inferred = json!({"propertyName": "kind", "mapping": {
        "circle": "#/components/schemas/Circle",
        "square": "#/components/schemas/Square"
    }, "x-codegen-inferred": true});
    assert_eq!(schemas["Shape"]["discriminator"], inferred);
    // Two alternatives with the same constant cannot be told apart by it.
    assert!(schemas["Either"].get("discriminator").is_none());

    // In 3.0 a constant is a one-value `enum`.
    let mut doc = json!({"components": {"schemas": {
        "Shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}]},
        "Circle": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["circle"]}}},
        "Square": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["square"]}}}
    }}});
    super::constant_tags::tags_from_constants(doc.as_object_mut().unwrap());
    assert_eq!(
        doc["components"]["schemas"]["Shape"]["discriminator"],
        inferred
    );
}

#[test]
fn path_items_in_components_stand_where_they_are_referenced() {
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/x": {"$ref": "#/components/pathItems/Shared"}},
        "components": {"pathItems": {"Shared": {"get": {
            "operationId": "getX",
            "responses": {"200": {"description": "ok", "content": {
                "application/json": {"schema": {"type": ["string", "null"]}}
            }}}
        }}}}
    });
    let provenance = super::from_31(&mut doc, "t", &mut Vec::new()).expect("normalises");
    assert_eq!(doc["paths"]["/x"]["get"]["operationId"], "getX");
    let schema =
        &doc["paths"]["/x"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    assert_eq!(schema, &json!({"type": "string", "nullable": true}));
    assert!(doc["components"].get("pathItems").is_none());
    assert_eq!(
        provenance.to_input("#/paths/~1x/get/responses/200"),
        "#/components/pathItems/Shared/get/responses/200"
    );
}
