//! Values a schema accepts, for requests built from a spec alone: the schema's own `example`,
//! `default` or first `enum` value where it gives one, else a value made from its type and its
//! bounds (a format's typical text, the minimum of a range, the required properties of an
//! object).

use serde_json::{json, Map, Value};

/// How deep references and nesting are followed before a value stops growing.
const MAX_DEPTH: usize = 12;

/// Makes values from the schemas of one document (in the OpenAPI 3.0 form).
pub struct Sampler<'d> {
    doc: &'d Value,
}

impl<'d> Sampler<'d> {
    pub fn new(doc: &'d Value) -> Self {
        Sampler { doc }
    }

    /// The value at a local reference, followed through references.
    pub fn resolve<'v>(&'v self, value: &'v Value) -> &'v Value {
        let mut current = value;
        for _ in 0..MAX_DEPTH {
            let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
                return current;
            };
            let Some(segments) = codegen::pointer::segments(reference) else {
                return current;
            };
            let mut target = self.doc;
            for segment in &segments {
                target = match target {
                    Value::Object(map) => match map.get(segment) {
                        Some(next) => next,
                        None => return current,
                    },
                    Value::Array(items) => {
                        match segment.parse::<usize>().ok().and_then(|i| items.get(i)) {
                            Some(next) => next,
                            None => return current,
                        }
                    }
                    _ => return current,
                };
            }
            current = target;
        }
        current
    }

    /// A value `schema` accepts.
    pub fn sample(&self, schema: &Value) -> Value {
        self.sample_at(schema, 0)
    }

    fn sample_at(&self, schema: &Value, depth: usize) -> Value {
        let schema = self.resolve(schema);
        if depth > MAX_DEPTH {
            return Value::Null;
        }
        let Some(map) = schema.as_object() else {
            return json!("value");
        };
        // The schema's own example or default, where it is of the schema's type (specs
        // write JSON text for objects, or numbers as strings).
        for key in ["example", "default"] {
            if let Some(value) = map.get(key).filter(|value| of_type(map, value)) {
                return value.clone();
            }
        }
        if let Some(Value::Array(values)) = map.get("enum") {
            if let Some(first) = values.iter().find(|v| !v.is_null()) {
                return first.clone();
            }
        }
        if let Some(Value::Array(parts)) = map.get("allOf") {
            let mut merged = Map::new();
            // The names whose value came from a part that declares them.
            let mut declared = Vec::new();
            for part in parts {
                match self.sample_at(part, depth + 1) {
                    Value::Object(values) => {
                        let (mut own, mut properties) = (Vec::new(), Map::new());
                        self.members(part, depth + 1, &mut own, &mut properties);
                        declared.extend(
                            values
                                .keys()
                                .filter(|k| properties.contains_key(*k))
                                .cloned(),
                        );
                        merged.extend(values);
                    }
                    other if parts.len() == 1 => return other,
                    _ => {}
                }
            }
            if let Value::Object(own) = self.object(map, depth) {
                merged.extend(own);
            }
            // A property one part requires and another declares: the declaration's value.
            let (mut required, mut properties) = (Vec::new(), Map::new());
            self.members(schema, depth, &mut required, &mut properties);
            for name in required {
                let Some(property) = properties.get(&name) else {
                    continue;
                };
                let read_only = self.resolve(property).get("readOnly") == Some(&json!(true));
                if !read_only && !declared.contains(&name) {
                    merged.insert(name, self.sample_at(property, depth + 1));
                }
            }
            return Value::Object(merged);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(alternatives)) = map.get(key) {
                return self.alternative(map, alternatives, depth);
            }
        }
        let kind = map.get("type").and_then(Value::as_str).unwrap_or_else(|| {
            if map.contains_key("properties") || map.contains_key("additionalProperties") {
                "object"
            } else if map.contains_key("items") {
                "array"
            } else {
                ""
            }
        });
        match kind {
            "object" => self.object(map, depth),
            "array" => {
                let item = map
                    .get("items")
                    .map_or(json!("value"), |items| self.sample_at(items, depth + 1));
                // Two items where the schema allows (one is, in a form body, the same text
                // as a value that is no list), one where they must differ.
                let fewest = if map.get("uniqueItems") == Some(&json!(true)) {
                    1
                } else {
                    2
                };
                let min = map
                    .get("minItems")
                    .and_then(Value::as_u64)
                    .unwrap_or(fewest)
                    .max(1);
                let max = map
                    .get("maxItems")
                    .and_then(Value::as_u64)
                    .unwrap_or(u64::MAX);
                Value::Array(vec![item; min.min(max) as usize])
            }
            "string" => string(map),
            "integer" => json!(number(map, true) as i64),
            "number" => json!(number(map, false)),
            "boolean" => json!(true),
            _ if map.get("nullable") == Some(&json!(true)) => Value::Null,
            _ => json!("value"),
        }
    }

    /// The required names and the declared properties of a schema and of its `allOf` parts,
    /// through references.
    fn members(
        &self,
        schema: &Value,
        depth: usize,
        required: &mut Vec<String>,
        properties: &mut Map<String, Value>,
    ) {
        let schema = self.resolve(schema);
        if depth > MAX_DEPTH {
            return;
        }
        if let Some(names) = schema.get("required").and_then(Value::as_array) {
            required.extend(names.iter().filter_map(Value::as_str).map(str::to_owned));
        }
        if let Some(own) = schema.get("properties").and_then(Value::as_object) {
            for (name, property) in own {
                properties
                    .entry(name.clone())
                    .or_insert_with(|| property.clone());
            }
        }
        for part in schema
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.members(part, depth + 1, required, properties);
        }
    }

    /// An object with its required properties (and its discriminator's tag).
    fn object(&self, map: &Map<String, Value>, depth: usize) -> Value {
        let mut out = Map::new();
        let required: Vec<&str> = map
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let properties = map.get("properties").and_then(Value::as_object);
        for (name, property) in properties.into_iter().flatten() {
            let read_only = self.resolve(property).get("readOnly") == Some(&json!(true));
            if required.contains(&name.as_str()) && !read_only {
                out.insert(name.clone(), self.sample_at(property, depth + 1));
            }
        }
        // A required property the schema does not declare: any value will do.
        for name in required {
            if !properties.is_some_and(|p| p.contains_key(name)) {
                out.insert(name.to_owned(), json!("value"));
            }
        }
        Value::Object(out)
    }

    /// The first alternative of a union, with the tag that picks it where a discriminator
    /// maps one.
    fn alternative(&self, map: &Map<String, Value>, alternatives: &[Value], depth: usize) -> Value {
        let discriminator = map.get("discriminator");
        let property = discriminator
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str);
        let mapped = discriminator
            .and_then(|d| d.get("mapping"))
            .and_then(Value::as_object)
            .and_then(|m| m.iter().next());
        if let (Some(property), Some((tag, target))) = (property, mapped) {
            let target = target
                .as_str()
                .map(|t| json!({ "$ref": t }))
                .unwrap_or(Value::Null);
            let mut value = self.sample_at(&target, depth + 1);
            if let Value::Object(object) = &mut value {
                object.insert(property.to_owned(), json!(tag));
            }
            return value;
        }
        let first = alternatives
            .iter()
            .find(|a| self.resolve(a).get("type") != Some(&json!("null")));
        let mut value = first.map_or(Value::Null, |a| self.sample_at(a, depth + 1));
        // Without a mapping, a discriminated alternative's tag is its schema's name.
        if let (Some(property), Some(Value::String(reference))) =
            (property, first.and_then(|a| a.get("$ref")))
        {
            if let (Value::Object(object), Some(name)) = (
                &mut value,
                codegen::pointer::component(reference, "schemas"),
            ) {
                object.insert(property.to_owned(), json!(name));
            }
        }
        value
    }
}

/// Whether `value` is of the schema's `type` (any value where it names none).
fn of_type(map: &Map<String, Value>, value: &Value) -> bool {
    let nullable = map.get("nullable") == Some(&json!(true));
    match (map.get("type").and_then(Value::as_str), value) {
        (_, Value::Null) => nullable,
        (None, _) => true,
        (Some("object"), Value::Object(_))
        | (Some("array"), Value::Array(_))
        | (Some("string"), Value::String(_))
        | (Some("number"), Value::Number(_))
        | (Some("boolean"), Value::Bool(_)) => true,
        (Some("integer"), Value::Number(n)) => n.is_i64() || n.is_u64(),
        _ => false,
    }
}

/// A string of the schema's pattern, else of its format and length.
fn string(map: &Map<String, Value>) -> Value {
    if let Some(text) = map
        .get("pattern")
        .and_then(Value::as_str)
        .and_then(super::pattern::sample)
    {
        return Value::String(text);
    }
    let text = match map
        .get("format")
        .and_then(Value::as_str)
        .unwrap_or_default()
    {
        "date" => "2020-01-02",
        "date-time" => "2020-01-02T03:04:05Z",
        "time" => "03:04:05",
        "uuid" => "123e4567-e89b-12d3-a456-426614174000",
        "email" => "someone@example.com",
        "uri" | "url" => "https://example.com/a",
        "hostname" => "example.com",
        "ipv4" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "byte" => "YWJj",
        "duration" => "P1D",
        _ => "value",
    };
    let min = map.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    let max = map
        .get("maxLength")
        .and_then(Value::as_u64)
        .map_or(usize::MAX, |m| m as usize);
    let mut text = text.to_owned();
    while text.chars().count() < min {
        text.push('a');
    }
    let text: String = text.chars().take(max.max(min)).collect();
    Value::String(text)
}

/// A number in the schema's range: its minimum (just past it where exclusive), else a small
/// one below its maximum, else one; a multiple of `multipleOf` where it asks for one.
fn number(map: &Map<String, Value>, integer: bool) -> f64 {
    let step = if integer { 1.0 } else { 0.5 };
    let exclusive = |key: &str| map.get(key) == Some(&json!(true));
    let min = map.get("minimum").and_then(Value::as_f64);
    let max = map.get("maximum").and_then(Value::as_f64);
    let mut value = match (min, max) {
        (Some(min), _) if exclusive("exclusiveMinimum") => min + step,
        (Some(min), _) => min,
        (None, Some(max)) if exclusive("exclusiveMaximum") => (max - step).min(1.0),
        (None, Some(max)) => max.min(1.0),
        (None, None) => 1.0,
    };
    if let Some(multiple) = map
        .get("multipleOf")
        .and_then(Value::as_f64)
        .filter(|m| *m > 0.0)
    {
        value = (value / multiple).ceil() * multiple;
    }
    if integer {
        value.ceil()
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_fit_their_schemas() {
        let doc = json!({"components": {"schemas": {
            "Pet": {"type": "object", "required": ["name", "id"], "properties": {
                "id": {"type": "integer", "readOnly": true},
                "name": {"type": "string", "minLength": 7},
                "tag": {"type": "string"}
            }},
            "Cat": {"allOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "object", "required": ["purrs"], "properties": {"purrs": {"type": "boolean"}}}]}
        }}});
        let sampler = Sampler::new(&doc);
        let cases = [
            (
                json!({"$ref": "#/components/schemas/Pet"}),
                json!({"name": "valueaa"}),
            ),
            (
                json!({"$ref": "#/components/schemas/Cat"}),
                json!({"name": "valueaa", "purrs": true}),
            ),
            (
                json!({"type": "integer", "minimum": 3, "exclusiveMinimum": true}),
                json!(4),
            ),
            (json!({"type": "number", "maximum": 0.25}), json!(0.25)),
            (
                json!({"type": "integer", "multipleOf": 5, "minimum": 6}),
                json!(10),
            ),
            (
                json!({"type": "string", "format": "date"}),
                json!("2020-01-02"),
            ),
            (json!({"type": "string", "maxLength": 2}), json!("va")),
            (
                json!({"type": "array", "items": {"enum": ["a", "b"]}, "minItems": 2}),
                json!(["a", "a"]),
            ),
            (
                json!({"type": "string", "example": "given"}),
                json!("given"),
            ),
            (
                json!({"oneOf": [{"type": "null"}, {"type": "boolean"}]}),
                json!(true),
            ),
            (
                json!({"oneOf": [{"$ref": "#/components/schemas/Pet"}], "discriminator": {"propertyName": "kind"}}),
                json!({"name": "valueaa", "kind": "Pet"}),
            ),
        ];
        for (schema, expected) in cases {
            assert_eq!(sampler.sample(&schema), expected, "{schema}");
        }
    }
}
