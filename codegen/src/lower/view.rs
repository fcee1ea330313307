//! One flat view of a schema, whichever way `openapiv3` classified it.
//!
//! `openapiv3` sorts a schema into `Type(String | Integer | …)`, `OneOf`, `AllOf`, `AnyOf`, `Not`,
//! or, when keywords of several kinds mix, `Any` with every keyword. Lowering wants the same
//! questions answered for all of them (which type? which properties? which enum values?), so
//! this module answers them once.

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

/// The JSON type a schema declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
}

#[derive(Clone)]
pub struct View<'a> {
    pub schema: &'a Schema,
    pub ty: Option<JsonType>,
    /// An unrecognised `type` value, reported by the caller.
    pub unknown_type: Option<&'a str>,
    pub format: Option<String>,
    /// Enum values, `null` included.
    pub enumeration: Vec<Value>,
    pub properties: Option<&'a IndexMap<String, ReferenceOr<Box<Schema>>>>,
    pub required: &'a [String],
    pub additional: Option<&'a AdditionalProperties>,
    pub items: Option<&'a ReferenceOr<Box<Schema>>>,
    pub all_of: &'a [ReferenceOr<Schema>],
    pub one_of: &'a [ReferenceOr<Schema>],
    pub any_of: &'a [ReferenceOr<Schema>],
    pub has_not: bool,
    /// The schema of `not`, where there is one.
    pub not: Option<&'a ReferenceOr<Schema>>,
    /// A 3.1 tuple (`prefixItems`), which normalisation marks with [`TUPLE_MARK`] and whose
    /// positional schemas it keeps as `properties` named by position: those schemas, in order.
    pub prefix: Option<Vec<&'a ReferenceOr<Box<Schema>>>>,
    /// `minItems`.
    pub min_items: Option<usize>,
}

pub use crate::load::normalize::TUPLE_MARK;

impl<'a> View<'a> {
    pub fn of(schema: &'a Schema) -> Self {
        let mut view = View {
            schema,
            ty: None,
            unknown_type: None,
            format: None,
            enumeration: Vec::new(),
            properties: None,
            required: &[],
            additional: None,
            items: None,
            all_of: &[],
            one_of: &[],
            any_of: &[],
            has_not: false,
            not: None,
            prefix: None,
            min_items: None,
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => {
                view.ty = Some(JsonType::String);
                view.format = format_name(&s.format, |f| match f {
                    StringFormat::Date => "date",
                    StringFormat::DateTime => "date-time",
                    StringFormat::Password => "password",
                    StringFormat::Byte => "byte",
                    StringFormat::Binary => "binary",
                });
                view.enumeration = values(&s.enumeration);
            }
            SchemaKind::Type(Type::Integer(i)) => {
                view.ty = Some(JsonType::Integer);
                view.format = format_name(&i.format, |f| match f {
                    IntegerFormat::Int32 => "int32",
                    IntegerFormat::Int64 => "int64",
                });
                view.enumeration = values(&i.enumeration);
            }
            SchemaKind::Type(Type::Number(n)) => {
                view.ty = Some(JsonType::Number);
                view.format = format_name(&n.format, |f| match f {
                    NumberFormat::Float => "float",
                    NumberFormat::Double => "double",
                });
                view.enumeration = values(&n.enumeration);
            }
            SchemaKind::Type(Type::Boolean(b)) => {
                view.ty = Some(JsonType::Boolean);
                view.enumeration = values(&b.enumeration);
            }
            SchemaKind::Type(Type::Object(o)) => {
                view.ty = Some(JsonType::Object);
                view.properties = Some(&o.properties);
                view.required = &o.required;
                view.additional = o.additional_properties.as_ref();
            }
            SchemaKind::Type(Type::Array(a)) => {
                view.ty = Some(JsonType::Array);
                view.items = a.items.as_ref();
                view.min_items = a.min_items;
            }
            SchemaKind::OneOf { one_of } => view.one_of = one_of,
            SchemaKind::AllOf { all_of } => view.all_of = all_of,
            SchemaKind::AnyOf { any_of } => view.any_of = any_of,
            SchemaKind::Not { not } => {
                view.has_not = true;
                view.not = Some(not);
            }
            SchemaKind::Any(any) => {
                view.ty = match any.typ.as_deref() {
                    None => None,
                    Some("string") => Some(JsonType::String),
                    Some("integer") => Some(JsonType::Integer),
                    Some("number") => Some(JsonType::Number),
                    Some("boolean") => Some(JsonType::Boolean),
                    Some("object") => Some(JsonType::Object),
                    Some("array") => Some(JsonType::Array),
                    Some(other) => {
                        view.unknown_type = Some(other);
                        None
                    }
                };
                view.format = any.format.clone();
                view.enumeration = any.enumeration.clone();
                if !any.properties.is_empty() || view.ty == Some(JsonType::Object) {
                    view.properties = Some(&any.properties);
                }
                view.required = &any.required;
                view.additional = any.additional_properties.as_ref();
                view.items = any.items.as_ref();
                view.all_of = &any.all_of;
                view.one_of = &any.one_of;
                view.any_of = &any.any_of;
                view.has_not = any.not.is_some();
                view.not = any.not.as_deref();
                view.min_items = any.min_items;
            }
        }
        if schema.schema_data.extensions.contains_key(TUPLE_MARK) {
            view.prefix = Some(
                view.properties
                    .map_or_else(Vec::new, |p| p.values().collect()),
            );
            view.properties = None;
            view.ty = Some(JsonType::Array);
        }
        view
    }

    /// Whether no value is valid: `not` of a schema that says nothing (how normalisation
    /// writes 3.1's `false`).
    pub fn is_never(&self) -> bool {
        match self.not {
            Some(ReferenceOr::Item(inner)) => {
                let inner = View::of(inner);
                inner.is_annotation_only() && !inner.nullable()
            }
            _ => false,
        }
    }

    pub fn nullable(&self) -> bool {
        self.schema.schema_data.nullable || self.enumeration.iter().any(Value::is_null)
    }

    /// Whether the schema only annotates (description, title, nullable, example, …) and says
    /// nothing about the shape of the value: the second half of `allOf: [{$ref}, {description}]`.
    pub fn is_annotation_only(&self) -> bool {
        self.ty.is_none()
            && self.unknown_type.is_none()
            && self.enumeration.is_empty()
            && self.properties.is_none_or(IndexMap::is_empty)
            && self.required.is_empty()
            && self.additional.is_none()
            && self.items.is_none()
            && self.all_of.is_empty()
            && self.one_of.is_empty()
            && self.any_of.is_empty()
            && !self.has_not
            && self.schema.schema_data.discriminator.is_none()
    }
}

fn format_name<F>(
    format: &VariantOrUnknownOrEmpty<F>,
    name: impl Fn(&F) -> &'static str,
) -> Option<String> {
    match format {
        VariantOrUnknownOrEmpty::Item(f) => Some(name(f).to_owned()),
        VariantOrUnknownOrEmpty::Unknown(s) => Some(s.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

fn values<T: Clone + Into<Value>>(values: &[Option<T>]) -> Vec<Value> {
    values
        .iter()
        .map(|v| v.clone().map_or(Value::Null, Into::into))
        .collect()
}
