//! Schemas → type references, creating a named type for every inline object and enum.

use super::Lowerer;
use crate::error::{pointer_join, Diagnostic, Kind};
use crate::ir::{
    EnumDef, EnumVariant, Field, Module, NameHint, StructDef, TypeDef, TypeKind, TypeRef,
};
use crate::naming;
use openapiv3::{
    IntegerFormat, ObjectType, ReferenceOr, Schema, SchemaKind, StringType, Type,
    VariantOrUnknownOrEmpty,
};
use std::borrow::Borrow;

impl<'a> Lowerer<'a> {
    /// Lowers a schema or a reference to one. `hint` names the type the schema would create if
    /// it is an inline object or enum.
    pub(super) fn lower_schema_ref<S: Borrow<Schema>>(
        &mut self,
        schema: &'a ReferenceOr<S>,
        hint: NameHint,
        at: &str,
    ) -> TypeRef {
        match schema {
            ReferenceOr::Item(schema) => self.lower_schema(schema.borrow(), hint, at),
            ReferenceOr::Reference { reference } => {
                self.diagnostics.push(
                    Diagnostic::error(
                        Kind::Unsupported,
                        self.label,
                        format!("schema references (`$ref: {reference}`) are not supported yet"),
                    )
                    .at(at)
                    .hint("inline the referenced schema"),
                );
                TypeRef::Json
            }
        }
    }

    fn lower_schema(&mut self, schema: &'a Schema, hint: NameHint, at: &str) -> TypeRef {
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => self.lower_string(schema, string, hint, at),
            SchemaKind::Type(Type::Integer(integer)) => match integer.format {
                VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
                _ => TypeRef::I64,
            },
            SchemaKind::Type(Type::Number(_)) => TypeRef::F64,
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Bool,
            SchemaKind::Type(Type::Object(object)) => self.lower_object(schema, object, hint, at),
            SchemaKind::Type(Type::Array(array)) => {
                let item_hint = NameHint {
                    base: item_base(&hint.base),
                    ..hint
                };
                let items_at = pointer_join(at, "items");
                let item = match &array.items {
                    Some(items) => self.lower_schema_ref(items, item_hint, &items_at),
                    None => TypeRef::Json,
                };
                TypeRef::Vec(Box::new(item))
            }
            SchemaKind::Any(any) if any == &Default::default() => TypeRef::Json,
            other => {
                let construct = match other {
                    SchemaKind::OneOf { .. } => "oneOf",
                    SchemaKind::AllOf { .. } => "allOf",
                    SchemaKind::AnyOf { .. } => "anyOf",
                    SchemaKind::Not { .. } => "not",
                    _ => "a schema that mixes keywords of several types",
                };
                self.diagnostics.push(
                    Diagnostic::warning(
                        Kind::Unsupported,
                        self.label,
                        format!("{construct} is not supported yet; typed as `serde_json::Value`, which keeps the data as it is"),
                    )
                    .at(at),
                );
                TypeRef::Json
            }
        }
    }

    fn lower_string(
        &mut self,
        schema: &Schema,
        string: &StringType,
        hint: NameHint,
        at: &str,
    ) -> TypeRef {
        // A `null` entry in an enum says the value may be null; it is not a variant.
        let values: Vec<&String> = string.enumeration.iter().flatten().collect();
        if values.is_empty() {
            return TypeRef::String;
        }
        let variants = values
            .into_iter()
            .map(|value| EnumVariant {
                value: value.clone(),
                rust_name: String::new(),
            })
            .collect();
        let id = self.space.add(TypeDef {
            name: String::new(),
            hint,
            module: Module::Operations,
            docs: docs_of(schema),
            pointer: at.to_owned(),
            kind: TypeKind::Enum(EnumDef {
                variants,
                other_name: String::new(),
            }),
        });
        TypeRef::Named(id)
    }

    fn lower_object(
        &mut self,
        schema: &'a Schema,
        object: &'a ObjectType,
        hint: NameHint,
        at: &str,
    ) -> TypeRef {
        if object.properties.is_empty() {
            // No declared shape: a JSON value keeps whatever the server sends.
            return TypeRef::Json;
        }
        let scope = hint.scope.clone();
        // The type is registered before its properties are lowered, so nested types come after
        // their parent in the arena and can name it as their parent.
        let id = self.space.add(TypeDef {
            name: String::new(),
            hint,
            module: Module::Operations,
            docs: docs_of(schema),
            pointer: at.to_owned(),
            kind: TypeKind::Struct(StructDef::default()),
        });
        let properties_at = pointer_join(at, "properties");
        let mut fields = Vec::with_capacity(object.properties.len());
        for (name, property) in &object.properties {
            let property_hint = NameHint {
                scope: scope.clone(),
                base: naming::pascal_case(name),
                parent: Some(id),
            };
            let ty =
                self.lower_schema_ref(property, property_hint, &pointer_join(&properties_at, name));
            let docs = match property {
                ReferenceOr::Item(schema) => docs_of(schema),
                ReferenceOr::Reference { .. } => None,
            };
            fields.push(Field {
                json_name: name.clone(),
                rust_name: String::new(),
                ty,
                required: object.required.contains(name),
                docs,
            });
        }
        self.space.get_mut(id).kind = TypeKind::Struct(StructDef {
            fields,
            derive_default: false,
        });
        TypeRef::Named(id)
    }
}

/// The name base of array items: the singular of the array's name, or the name with `Item`
/// added where it has no distinct singular (`data` → `DataItem`).
fn item_base(base: &str) -> String {
    let single = naming::singular(base);
    if single == base {
        format!("{base}Item")
    } else {
        single
    }
}

fn docs_of(schema: &Schema) -> Option<String> {
    let data = &schema.schema_data;
    data.description
        .as_ref()
        .or(data.title.as_ref())
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}
