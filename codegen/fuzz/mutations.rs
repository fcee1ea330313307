//! Specs made by changing real ones: a few edits to the parsed document of a fixture (a node
//! replaced by a scalar or a schema, a key removed, renamed or added, a keyword set, a subtree
//! copied elsewhere, an array item repeated), driven by a source of bytes. Edits to documents
//! that already generate reach corners a grammar of whole specs does not: a discriminated base
//! extended by a schema with nothing of its own, a union that is one of its own alternatives,
//! a `$ref` to a node inside a schema. Shared by the `spec_mutations` fuzz target and its
//! deterministic twin in the tests (`tests/tests/mutated_specs.rs`).

use serde_json::{json, Map, Value};

/// Names that are awkward in Rust or in a spec: keywords, reserved names, the generator's own
/// names, names that differ only in case or punctuation, non-ASCII, escapes of a pointer.
const NAMES: &[&str] = &[
    "",
    "self",
    "Self",
    "type",
    "r#type",
    "super",
    "crate",
    "123",
    "1a",
    "a-b",
    "a b",
    "_",
    "__",
    "ÄÖü",
    "日本",
    "Option",
    "Result",
    "String",
    "Vec",
    "Box",
    "serde",
    "support",
    "std",
    "mod",
    "Request",
    "Response",
    "Default",
    "Some",
    "None",
    "Ok",
    "Err",
    "Unknown",
    "Other",
    "additional_properties",
    "$ref",
    "~1",
    "/",
    "a/b",
    "{x}",
    "a.b",
    "A",
    "a",
    "AB",
    "aB",
    "ab_",
    "x\ny",
    "\"q\"",
    "status",
    "body",
    "path",
    "query",
    "headers",
    "Undocumented",
    "true",
    "null",
    "async",
    "dyn",
    "union",
    "macro_rules",
];

const KEYWORDS: &[&str] = &[
    "type",
    "enum",
    "required",
    "properties",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "$ref",
    "nullable",
    "format",
    "default",
    "discriminator",
    "additionalProperties",
    "in",
    "style",
    "explode",
    "schema",
    "content",
    "parameters",
    "requestBody",
    "responses",
    "operationId",
    "security",
    "const",
    "example",
];

/// The documents of the `.yaml` specs in `dir`, in file-name order.
pub fn documents_in(dir: &std::path::Path) -> Vec<Value> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            codegen::load::parse(&bytes, "fixture").unwrap().value
        })
        .collect()
}

/// A source of choices: each call takes the next byte (or bytes) of the input.
pub struct Choices<'a>(pub &'a mut dyn FnMut() -> u8);

impl Choices<'_> {
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        let wide = (usize::from((self.0)()) << 8) | usize::from((self.0)());
        if n == 0 {
            0
        } else {
            wide % n
        }
    }

    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.below(items.len())]
    }

    fn name(&mut self) -> String {
        (*self.pick(NAMES)).to_owned()
    }
}

/// `document` after one to four edits.
pub fn mutate(document: &mut Value, choices: &mut Choices<'_>) {
    for _ in 0..=choices.below(4) {
        edit(document, choices);
    }
}

fn edit(document: &mut Value, choices: &mut Choices<'_>) {
    let mut pointers = Vec::new();
    every_pointer(document, String::new(), &mut pointers);
    // References to components, to nodes inside them, and to places that are no schema.
    let references: Vec<String> = pointers
        .iter()
        .filter(|p| p.starts_with("/components/schemas/") || p.starts_with("/definitions/"))
        .map(|p| format!("#{p}"))
        .chain(["#/components/schemas/Nope", "#/paths", "#", "other.yaml#/x"].map(String::from))
        .collect();
    let at = choices.pick(&pointers).clone();
    let from = choices.pick(&pointers).clone();
    let Some(target) = document.pointer_mut(&at) else {
        return;
    };
    match choices.below(9) {
        0 => *target = scalar(choices),
        1 => *target = schema(choices, 0, &references),
        2 => {
            if let Value::Object(map) = target {
                let key = map.keys().nth(choices.below(map.len())).cloned();
                if let Some(key) = key {
                    map.shift_remove(&key);
                }
            }
        }
        3 => {
            if let Value::Object(map) = target {
                let key = map.keys().nth(choices.below(map.len())).cloned();
                if let Some(value) = key.and_then(|key| map.shift_remove(&key)) {
                    map.insert(choices.name(), value);
                }
            }
        }
        4 => {
            if let Value::Object(map) = target {
                map.insert(choices.name(), schema(choices, 0, &references));
            }
        }
        5 => {
            if let Value::Object(map) = target {
                let keyword = *choices.pick(KEYWORDS);
                let value = if choices.below(2) == 0 {
                    scalar(choices)
                } else {
                    schema(choices, 1, &references)
                };
                map.insert(keyword.to_owned(), value);
            }
        }
        6 => {
            if let Value::Array(items) = target {
                if !items.is_empty() {
                    let item = items[choices.below(items.len())].clone();
                    items.push(item);
                }
            }
        }
        7 => {
            if let Value::Object(map) = target {
                map.insert("operationId".to_owned(), Value::String(choices.name()));
            }
        }
        _ => {
            // A copy of another subtree, not one that holds this place.
            if !from.starts_with(&at) {
                let copy = document.pointer(&from).cloned();
                if let (Some(copy), Some(target)) = (copy, document.pointer_mut(&at)) {
                    *target = copy;
                }
            }
        }
    }
}

fn every_pointer(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let segment = key.replace('~', "~0").replace('/', "~1");
                every_pointer(child, format!("{at}/{segment}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                every_pointer(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn scalar(choices: &mut Choices<'_>) -> Value {
    match choices.below(9) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(choices.below(1000) as i64 - 500),
        3 => json!(1.5),
        4 => Value::String(choices.name()),
        5 => json!([]),
        6 => json!({}),
        7 => json!(u64::MAX),
        _ => json!(i64::MIN),
    }
}

fn schema(choices: &mut Choices<'_>, depth: usize, references: &[String]) -> Value {
    if depth > 3 {
        return json!({"type": "string"});
    }
    let nested = |choices: &mut Choices<'_>| schema(choices, depth + 1, references);
    match choices.below(15) {
        0 => {
            let ty = *choices.pick(&[
                "string", "integer", "number", "boolean", "object", "array", "null", "file", "x",
            ]);
            json!({ "type": ty })
        }
        1 => json!({"$ref": choices.pick(references)}),
        2 => {
            let mut properties = Map::new();
            for _ in 0..2 {
                properties.insert(choices.name(), nested(choices));
            }
            json!({"type": "object", "properties": properties, "required": [choices.name()]})
        }
        3 => json!({"type": "array", "items": nested(choices)}),
        4 => json!({"oneOf": [nested(choices), nested(choices)]}),
        5 => json!({"anyOf": [nested(choices), nested(choices), {"type": "null"}]}),
        6 => json!({"allOf": [nested(choices), nested(choices)]}),
        7 => json!({"type": "string", "enum": [choices.name(), choices.name(), null]}),
        8 => json!({"type": "integer", "enum": [1, 1, -3, 0], "format": "int32"}),
        9 => json!({"type": ["string", "null", "integer"]}),
        10 => json!({"type": "object", "additionalProperties": nested(choices)}),
        11 => {
            let (a, b, c) = (
                choices.pick(references).clone(),
                choices.pick(references).clone(),
                choices.pick(references).clone(),
            );
            let mut mapping = Map::new();
            mapping.insert(choices.name(), Value::String(c));
            json!({"oneOf": [{"$ref": a}, {"$ref": b}], "discriminator": {"propertyName": choices.name(), "mapping": mapping}})
        }
        12 => {
            let format = *choices.pick(&[
                "date-time",
                "date",
                "uuid",
                "uri",
                "byte",
                "binary",
                "email",
                "decimal",
            ]);
            json!({"type": "string", "format": format, "default": scalar(choices)})
        }
        13 => json!({"not": nested(choices)}),
        _ => {
            json!({"type": "string", "nullable": true, "readOnly": true, "example": scalar(choices)})
        }
    }
}
