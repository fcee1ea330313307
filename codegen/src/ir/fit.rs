//! The rule by which a union without a discriminator offers a value to its alternatives.

use super::{EnumDef, EnumRepr, EnumValue, StructDef, TypeId, TypeKind, TypeRef, TypeSpace};
use serde_json::Value;

/// How a union offers a value to one of its alternatives without a discriminator: the rule
/// scores how specifically the alternative fits the value (`None`: not at all), and the
/// alternatives are tried best score first. The generated `Deserialize` of a union and the
/// examples pass both apply it, so they agree on which alternative reads a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit<'s> {
    /// An object with every required property: one more than the number of the value's
    /// properties that the struct declares.
    Struct {
        required: Vec<&'s str>,
        known: Vec<&'s str>,
    },
    /// A value the enum (of this id) lists: 3.
    StringEnum(TypeId, &'s EnumDef),
    IntegerEnum(TypeId, &'s EnumDef),
    /// An integer: 2.
    Integer,
    /// Any number, a string, a boolean, an array: 1.
    Number,
    String,
    Boolean,
    Array,
    /// An object: 0.
    Object,
    /// Anything: 0.
    Any,
}

impl TypeSpace {
    /// The struct a type is, seen through aliases, boxes and `null`.
    pub fn struct_of(&self, ty: &TypeRef) -> Option<&StructDef> {
        match ty {
            TypeRef::Named(id) => match &self.get(*id).kind {
                TypeKind::Struct(s) => Some(s),
                TypeKind::Alias(target) => self.struct_of(target),
                _ => None,
            },
            TypeRef::Boxed(inner) | TypeRef::Nullable(inner) => self.struct_of(inner),
            _ => None,
        }
    }

    /// The rule by which a union alternative of type `ty` is scored.
    pub fn fit_of(&self, ty: &TypeRef) -> Fit<'_> {
        if let Some(s) = self.struct_of(ty) {
            let required = s.fields.iter().filter(|f| f.required);
            return Fit::Struct {
                required: required.map(|f| f.json_name.as_str()).collect(),
                known: s.fields.iter().map(|f| f.json_name.as_str()).collect(),
            };
        }
        match ty {
            TypeRef::Named(id) => match &self.get(*id).kind {
                TypeKind::Enum(e) if e.repr == EnumRepr::String => Fit::StringEnum(*id, e),
                TypeKind::Enum(e) => Fit::IntegerEnum(*id, e),
                TypeKind::Alias(target) => self.fit_of(target),
                TypeKind::Tuple(_) => Fit::Array,
                _ => Fit::Any,
            },
            TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64 => Fit::Integer,
            TypeRef::F64 => Fit::Number,
            // Text in a format accepts any string, as `String` does: it is kept as it came.
            // A strict type refuses some strings; the alternatives after it are tried then.
            TypeRef::String | TypeRef::Text(_) | TypeRef::Strict(_) => Fit::String,
            TypeRef::Bool => Fit::Boolean,
            TypeRef::Vec(_) => Fit::Array,
            TypeRef::Map(_) => Fit::Object,
            TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => self.fit_of(inner),
            TypeRef::Json | TypeRef::Bytes | TypeRef::External(_) => Fit::Any,
        }
    }
}

impl Fit<'_> {
    /// The score of `value`, as the generated code computes it.
    pub fn score(&self, value: &Value) -> Option<usize> {
        match self {
            Fit::Struct { required, known } => {
                let object = value.as_object()?;
                if !required.iter().all(|key| object.contains_key(*key)) {
                    return None;
                }
                Some(
                    1 + object
                        .keys()
                        .filter(|key| known.contains(&key.as_str()))
                        .count(),
                )
            }
            Fit::StringEnum(_, e) => {
                let text = value.as_str()?;
                e.variants
                    .iter()
                    .any(|v| v.value == EnumValue::String(text.to_owned()))
                    .then_some(3)
            }
            Fit::IntegerEnum(_, e) => {
                let n = value
                    .as_i64()
                    .map(i128::from)
                    .or_else(|| value.as_u64().map(i128::from))?;
                e.variants
                    .iter()
                    .any(|v| v.value == EnumValue::Integer(n))
                    .then_some(3)
            }
            Fit::Integer => (value.is_i64() || value.is_u64()).then_some(2),
            Fit::Number => value.is_number().then_some(1),
            Fit::String => value.is_string().then_some(1),
            Fit::Boolean => value.is_boolean().then_some(1),
            Fit::Array => value.is_array().then_some(1),
            Fit::Object => value.is_object().then_some(0),
            Fit::Any => Some(0),
        }
    }
}
