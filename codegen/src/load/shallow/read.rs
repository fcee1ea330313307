//! A schema read by hand into `openapiv3`'s types, by `openapiv3`'s own rules, for the shapes
//! this reader is sure of; every other schema is left to `openapiv3`.
//!
//! `openapiv3` reads a schema's keys into two parts (`SchemaData`, and a raw record of every
//! other keyword that it then sorts into a `SchemaKind`), both flattened, which has serde
//! buffer and copy the schema's whole subtree at every level. [`known`] accepts a schema only
//! where every keyword it holds has the JSON type `openapiv3` reads without error (a `null`
//! where the field is optional, as serde reads `null` into an `Option`), and [`read`] then
//! builds what `openapiv3` builds: the same fields, the same choice of kind (the first of its
//! arms, in its order, whose keywords are all present), the same conversions.

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, AnySchema, ArrayType, BooleanType, Discriminator, ExternalDocumentation,
    IntegerType, NumberType, ObjectType, ReferenceOr, Schema, SchemaData, SchemaKind, StringType,
    Type, VariantOrUnknownOrEmpty,
};
use serde_json::{Map, Number, Value};

/// Whether `value` is a schema map that [`read`] reads as `openapiv3` does, and every schema
/// nested in it too (or a reference).
pub fn known(value: &Value) -> bool {
    let Value::Object(map) = value else {
        return false;
    };
    map.iter().all(|(key, value)| known_keyword(key, value))
}

fn known_keyword(key: &str, value: &Value) -> bool {
    let or_null = |ok: bool| ok || value.is_null();
    match key {
        // Plain `bool`s with a default: `null` is an error there.
        "nullable" | "readOnly" | "writeOnly" | "deprecated" => value.is_boolean(),
        "exclusiveMinimum" | "exclusiveMaximum" | "uniqueItems" => or_null(value.is_boolean()),
        "type" | "pattern" | "format" | "title" | "description" => or_null(value.is_string()),
        "multipleOf" | "minimum" | "maximum" => or_null(value.is_number()),
        "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties" | "maxProperties" => {
            or_null(size(value).is_some())
        }
        "required" => or_null(
            value
                .as_array()
                .is_some_and(|a| a.iter().all(Value::is_string)),
        ),
        "enum" => or_null(value.is_array()),
        "properties" => or_null(value.as_object().is_some_and(|p| p.values().all(nested))),
        "additionalProperties" => or_null(value.is_boolean() || nested(value)),
        "items" | "not" => or_null(nested(value)),
        "oneOf" | "allOf" | "anyOf" => {
            or_null(value.as_array().is_some_and(|a| a.iter().all(nested)))
        }
        "discriminator" => or_null(known_discriminator(value)),
        "externalDocs" => or_null(known_external_docs(value)),
        // A reference beside other keywords is read as a reference where a schema is nested
        // (see `nested`); here it would not be a string.
        "$ref" => false,
        // `example`, `default`, the extensions (`x-`) and keywords `openapiv3` passes over.
        _ => true,
    }
}

/// A nested schema: a reference (a map with a `$ref` string, its other keys passed over), or
/// a known schema.
fn nested(value: &Value) -> bool {
    match value.get("$ref") {
        Some(reference) => reference.is_string(),
        None => known(value),
    }
}

/// A `usize` as serde reads one from JSON: an unsigned integer that fits.
fn size(value: &Value) -> Option<usize> {
    value.as_u64().and_then(|n| usize::try_from(n).ok())
}

fn known_discriminator(value: &Value) -> bool {
    let Value::Object(map) = value else {
        return false;
    };
    let name = map.get("propertyName").is_some_and(Value::is_string);
    let mapping = map.get("mapping").is_none_or(|m| {
        m.as_object()
            .is_some_and(|m| m.values().all(Value::is_string))
    });
    name && mapping
}

fn known_external_docs(value: &Value) -> bool {
    let Value::Object(map) = value else {
        return false;
    };
    let url = map.get("url").is_some_and(Value::is_string);
    let description = map
        .get("description")
        .is_none_or(|d| d.is_string() || d.is_null());
    url && description
}

/// The keywords of a schema that choose its kind, as `openapiv3` gathers them (absent and
/// `null` alike being `None`).
#[derive(Default)]
struct Raw {
    typ: Option<String>,
    pattern: Option<String>,
    multiple_of: Option<Number>,
    exclusive_minimum: Option<bool>,
    exclusive_maximum: Option<bool>,
    minimum: Option<Number>,
    maximum: Option<Number>,
    properties: Option<IndexMap<String, ReferenceOr<Box<Schema>>>>,
    required: Option<Vec<String>>,
    additional_properties: Option<AdditionalProperties>,
    min_properties: Option<usize>,
    max_properties: Option<usize>,
    items: Option<ReferenceOr<Box<Schema>>>,
    min_items: Option<usize>,
    max_items: Option<usize>,
    unique_items: Option<bool>,
    enumeration: Option<Vec<Value>>,
    format: Option<String>,
    min_length: Option<usize>,
    max_length: Option<usize>,
    one_of: Option<Vec<ReferenceOr<Schema>>>,
    all_of: Option<Vec<ReferenceOr<Schema>>>,
    any_of: Option<Vec<ReferenceOr<Schema>>>,
    not: Option<Box<ReferenceOr<Schema>>>,
}

/// The schema map `value`, which [`known`] accepted, as `openapiv3` reads it.
pub fn read(value: Value) -> Schema {
    let Value::Object(map) = value else {
        unreachable!("`known` accepts maps only")
    };
    read_map(map)
}

fn read_map(map: Map<String, Value>) -> Schema {
    let mut data = SchemaData::default();
    let mut raw = Raw::default();
    for (key, value) in map {
        let flag = |value: &Value| value.as_bool().unwrap_or_default();
        match key.as_str() {
            "nullable" => data.nullable = flag(&value),
            "readOnly" => data.read_only = flag(&value),
            "writeOnly" => data.write_only = flag(&value),
            "deprecated" => data.deprecated = flag(&value),
            "externalDocs" => data.external_docs = present(value).map(external_docs),
            "example" => data.example = present(value),
            "title" => data.title = text(value),
            "description" => data.description = text(value),
            "discriminator" => data.discriminator = present(value).map(discriminator),
            "default" => data.default = present(value),
            "type" => raw.typ = text(value),
            "pattern" => raw.pattern = text(value),
            "format" => raw.format = text(value),
            "multipleOf" => raw.multiple_of = number(value),
            "minimum" => raw.minimum = number(value),
            "maximum" => raw.maximum = number(value),
            "exclusiveMinimum" => raw.exclusive_minimum = value.as_bool(),
            "exclusiveMaximum" => raw.exclusive_maximum = value.as_bool(),
            "uniqueItems" => raw.unique_items = value.as_bool(),
            "minLength" => raw.min_length = size(&value),
            "maxLength" => raw.max_length = size(&value),
            "minItems" => raw.min_items = size(&value),
            "maxItems" => raw.max_items = size(&value),
            "minProperties" => raw.min_properties = size(&value),
            "maxProperties" => raw.max_properties = size(&value),
            "required" => {
                raw.required = list(value).map(|l| l.into_iter().filter_map(text).collect())
            }
            "enum" => raw.enumeration = list(value),
            "properties" => {
                raw.properties = present(value).map(|properties| match properties {
                    Value::Object(properties) => properties
                        .into_iter()
                        .map(|(name, schema)| (name, boxed(schema)))
                        .collect(),
                    _ => IndexMap::new(),
                });
            }
            "additionalProperties" => {
                raw.additional_properties = present(value).map(|value| match value {
                    Value::Bool(any) => AdditionalProperties::Any(any),
                    schema => AdditionalProperties::Schema(Box::new(child(schema))),
                });
            }
            "items" => raw.items = present(value).map(boxed),
            "not" => raw.not = present(value).map(|schema| Box::new(child(schema))),
            "oneOf" => raw.one_of = children(value),
            "allOf" => raw.all_of = children(value),
            "anyOf" => raw.any_of = children(value),
            _ if key.starts_with("x-") => {
                data.extensions.insert(key, value);
            }
            _ => {}
        }
    }
    Schema {
        schema_data: data,
        schema_kind: kind(raw),
    }
}

fn present(value: Value) -> Option<Value> {
    (!value.is_null()).then_some(value)
}

fn text(value: Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text),
        _ => None,
    }
}

fn number(value: Value) -> Option<Number> {
    match value {
        Value::Number(number) => Some(number),
        _ => None,
    }
}

fn list(value: Value) -> Option<Vec<Value>> {
    match value {
        Value::Array(list) => Some(list),
        _ => None,
    }
}

fn children(value: Value) -> Option<Vec<ReferenceOr<Schema>>> {
    list(value).map(|list| list.into_iter().map(child).collect())
}

/// A nested schema, or the reference it is.
fn child(value: Value) -> ReferenceOr<Schema> {
    match value {
        Value::Object(mut map) => match map.remove("$ref") {
            Some(Value::String(reference)) => ReferenceOr::Reference { reference },
            _ => ReferenceOr::Item(read_map(map)),
        },
        _ => unreachable!("`known` accepts maps only as nested schemas"),
    }
}

fn boxed(value: Value) -> ReferenceOr<Box<Schema>> {
    match child(value) {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference },
        ReferenceOr::Item(schema) => ReferenceOr::Item(Box::new(schema)),
    }
}

fn extensions(map: &mut Map<String, Value>) -> IndexMap<String, Value> {
    let keys: Vec<String> = map
        .keys()
        .filter(|k| k.starts_with("x-"))
        .cloned()
        .collect();
    keys.into_iter()
        .filter_map(|key| map.remove(&key).map(|value| (key, value)))
        .collect()
}

fn discriminator(value: Value) -> Discriminator {
    let Value::Object(mut map) = value else {
        unreachable!("`known` accepts a map only")
    };
    let property_name = map
        .remove("propertyName")
        .and_then(text)
        .unwrap_or_default();
    let mapping = match map.remove("mapping") {
        Some(Value::Object(mapping)) => mapping
            .into_iter()
            .filter_map(|(value, target)| text(target).map(|target| (value, target)))
            .collect(),
        _ => IndexMap::new(),
    };
    Discriminator {
        property_name,
        mapping,
        extensions: extensions(&mut map),
    }
}

fn external_docs(value: Value) -> ExternalDocumentation {
    let Value::Object(mut map) = value else {
        unreachable!("`known` accepts a map only")
    };
    ExternalDocumentation {
        description: map.remove("description").and_then(text),
        url: map.remove("url").and_then(text).unwrap_or_default(),
        extensions: extensions(&mut map),
    }
}

/// Which keywords are present, one bit each, in the order of [`Raw`]'s fields.
fn present_keywords(raw: &Raw) -> u32 {
    let present = [
        raw.typ.is_some(),
        raw.pattern.is_some(),
        raw.multiple_of.is_some(),
        raw.exclusive_minimum.is_some(),
        raw.exclusive_maximum.is_some(),
        raw.minimum.is_some(),
        raw.maximum.is_some(),
        raw.properties.is_some(),
        raw.required.is_some(),
        raw.additional_properties.is_some(),
        raw.min_properties.is_some(),
        raw.max_properties.is_some(),
        raw.items.is_some(),
        raw.min_items.is_some(),
        raw.max_items.is_some(),
        raw.unique_items.is_some(),
        raw.enumeration.is_some(),
        raw.format.is_some(),
        raw.min_length.is_some(),
        raw.max_length.is_some(),
        raw.one_of.is_some(),
        raw.all_of.is_some(),
        raw.any_of.is_some(),
        raw.not.is_some(),
    ];
    present
        .iter()
        .enumerate()
        .fold(0, |bits, (i, &p)| bits | (u32::from(p) << i))
}

// The bits of `present_keywords`.
const TYPE: u32 = 1;
const PATTERN: u32 = 1 << 1;
const MULTIPLE_OF: u32 = 1 << 2;
const EXCLUSIVE_MINIMUM: u32 = 1 << 3;
const EXCLUSIVE_MAXIMUM: u32 = 1 << 4;
const MINIMUM: u32 = 1 << 5;
const MAXIMUM: u32 = 1 << 6;
const PROPERTIES: u32 = 1 << 7;
const REQUIRED: u32 = 1 << 8;
const ADDITIONAL_PROPERTIES: u32 = 1 << 9;
const MIN_PROPERTIES: u32 = 1 << 10;
const MAX_PROPERTIES: u32 = 1 << 11;
const ITEMS: u32 = 1 << 12;
const MIN_ITEMS: u32 = 1 << 13;
const MAX_ITEMS: u32 = 1 << 14;
const UNIQUE_ITEMS: u32 = 1 << 15;
const ENUM: u32 = 1 << 16;
const FORMAT: u32 = 1 << 17;
const MIN_LENGTH: u32 = 1 << 18;
const MAX_LENGTH: u32 = 1 << 19;
const ONE_OF: u32 = 1 << 20;
const ALL_OF: u32 = 1 << 21;
const ANY_OF: u32 = 1 << 22;
const NOT: u32 = 1 << 23;

/// The keywords each typed kind may hold besides `type` (any other one present makes the
/// schema an `Any`, or a composition).
const STRING: u32 = PATTERN | ENUM | FORMAT | MIN_LENGTH | MAX_LENGTH;
const NUMERIC: u32 =
    MULTIPLE_OF | EXCLUSIVE_MINIMUM | EXCLUSIVE_MAXIMUM | MINIMUM | MAXIMUM | ENUM | FORMAT;
const BOOLEAN: u32 = ENUM;
const OBJECT: u32 = PROPERTIES | REQUIRED | ADDITIONAL_PROPERTIES | MIN_PROPERTIES | MAX_PROPERTIES;
const ARRAY: u32 = ITEMS | MIN_ITEMS | MAX_ITEMS | UNIQUE_ITEMS;

/// Whether every listed value is `null` or passes `check`.
fn all_or_null(values: &Option<Vec<Value>>, check: fn(&Value) -> bool) -> bool {
    values
        .as_ref()
        .is_none_or(|values| values.iter().all(|v| v.is_null() || check(v)))
}

/// The listed values, each `None` for `null`, else converted.
fn values<T>(values: Option<Vec<Value>>, convert: fn(&Value) -> Option<T>) -> Vec<Option<T>> {
    values
        .unwrap_or_default()
        .iter()
        .map(|v| if v.is_null() { None } else { convert(v) })
        .collect()
}

fn is_integer(number: &Option<Number>) -> bool {
    number.as_ref().is_none_or(Number::is_i64)
}

/// The kind `openapiv3` sorts the keywords into: its first arm that fits.
fn kind(raw: Raw) -> SchemaKind {
    let bits = present_keywords(&raw);
    let only = |allowed: u32| bits & !(allowed | TYPE) == 0;
    let typ = raw.typ.as_deref();
    if typ == Some("string") && only(STRING) && all_or_null(&raw.enumeration, Value::is_string) {
        return SchemaKind::Type(Type::String(StringType {
            format: VariantOrUnknownOrEmpty::from(raw.format),
            pattern: raw.pattern,
            enumeration: values(raw.enumeration, |v| v.as_str().map(str::to_owned)),
            min_length: raw.min_length,
            max_length: raw.max_length,
        }));
    }
    if typ == Some("number") && only(NUMERIC) && all_or_null(&raw.enumeration, Value::is_number) {
        return SchemaKind::Type(Type::Number(NumberType {
            format: VariantOrUnknownOrEmpty::from(raw.format),
            multiple_of: raw.multiple_of.as_ref().and_then(Number::as_f64),
            exclusive_minimum: raw.exclusive_minimum.unwrap_or_default(),
            exclusive_maximum: raw.exclusive_maximum.unwrap_or_default(),
            minimum: raw.minimum.as_ref().and_then(Number::as_f64),
            maximum: raw.maximum.as_ref().and_then(Number::as_f64),
            enumeration: values(raw.enumeration, Value::as_f64),
        }));
    }
    if typ == Some("integer")
        && only(NUMERIC)
        && all_or_null(&raw.enumeration, Value::is_i64)
        && is_integer(&raw.multiple_of)
        && is_integer(&raw.minimum)
        && is_integer(&raw.maximum)
    {
        return SchemaKind::Type(Type::Integer(IntegerType {
            format: VariantOrUnknownOrEmpty::from(raw.format),
            multiple_of: raw.multiple_of.as_ref().and_then(Number::as_i64),
            exclusive_minimum: raw.exclusive_minimum.unwrap_or_default(),
            exclusive_maximum: raw.exclusive_maximum.unwrap_or_default(),
            minimum: raw.minimum.as_ref().and_then(Number::as_i64),
            maximum: raw.maximum.as_ref().and_then(Number::as_i64),
            enumeration: values(raw.enumeration, Value::as_i64),
        }));
    }
    if typ == Some("boolean") && only(BOOLEAN) && all_or_null(&raw.enumeration, Value::is_boolean) {
        return SchemaKind::Type(Type::Boolean(BooleanType {
            enumeration: values(raw.enumeration, Value::as_bool),
        }));
    }
    if typ == Some("object") && only(OBJECT) {
        return SchemaKind::Type(Type::Object(ObjectType {
            properties: raw.properties.unwrap_or_default(),
            required: raw.required.unwrap_or_default(),
            additional_properties: raw.additional_properties,
            min_properties: raw.min_properties,
            max_properties: raw.max_properties,
        }));
    }
    if typ == Some("array") && only(ARRAY) {
        return SchemaKind::Type(Type::Array(ArrayType {
            items: raw.items,
            min_items: raw.min_items,
            max_items: raw.max_items,
            unique_items: raw.unique_items.unwrap_or_default(),
        }));
    }
    // A composition holds its one keyword and nothing else, `type` included.
    let alone = |keyword: u32| bits == keyword;
    if alone(ONE_OF) {
        return SchemaKind::OneOf {
            one_of: raw.one_of.unwrap_or_default(),
        };
    }
    if alone(ALL_OF) {
        return SchemaKind::AllOf {
            all_of: raw.all_of.unwrap_or_default(),
        };
    }
    if alone(ANY_OF) {
        return SchemaKind::AnyOf {
            any_of: raw.any_of.unwrap_or_default(),
        };
    }
    if alone(NOT) {
        if let Some(not) = raw.not {
            return SchemaKind::Not { not };
        }
    }
    SchemaKind::Any(AnySchema {
        typ: raw.typ,
        pattern: raw.pattern,
        multiple_of: raw.multiple_of.as_ref().and_then(Number::as_f64),
        exclusive_minimum: raw.exclusive_minimum,
        exclusive_maximum: raw.exclusive_maximum,
        minimum: raw.minimum.as_ref().and_then(Number::as_f64),
        maximum: raw.maximum.as_ref().and_then(Number::as_f64),
        properties: raw.properties.unwrap_or_default(),
        required: raw.required.unwrap_or_default(),
        additional_properties: raw.additional_properties,
        min_properties: raw.min_properties,
        max_properties: raw.max_properties,
        items: raw.items,
        min_items: raw.min_items,
        max_items: raw.max_items,
        unique_items: raw.unique_items,
        enumeration: raw.enumeration.unwrap_or_default(),
        format: raw.format,
        min_length: raw.min_length,
        max_length: raw.max_length,
        one_of: raw.one_of.unwrap_or_default(),
        all_of: raw.all_of.unwrap_or_default(),
        any_of: raw.any_of.unwrap_or_default(),
        not: raw.not,
    })
}
