//! Objects: a struct per object schema, its fields from the properties of every part merged
//! into it (`allOf`), and what it does with properties it does not declare.

use super::schema::{docs_of, is_never, Ctx, Files};
use super::view::{JsonType, View};
use super::Lowerer;
use crate::error::Kind;
use crate::ir::{Extra, Field, StructDef, TypeId, TypeKind, TypeRef};
use crate::naming;
use crate::pointer::pointer_join;
use openapiv3::{AdditionalProperties, ReferenceOr, Schema};

/// One object's contribution to a struct: its properties, required list and extra properties.
pub(super) struct ObjectPart<'a> {
    pub properties: Vec<(&'a String, &'a ReferenceOr<Box<Schema>>)>,
    pub required: Vec<String>,
    pub additional: Option<&'a AdditionalProperties>,
    pub at: String,
}

impl<'a> Lowerer<'a> {
    pub(super) fn lower_object(&mut self, view: &View<'a>, mut ctx: Ctx, at: &str) -> TypeRef {
        let properties = view.properties.filter(|p| !p.is_empty());
        let Some(properties) = properties else {
            // No declared properties: a map of whatever the object holds.
            return match view.additional {
                Some(AdditionalProperties::Schema(schema)) => {
                    let value_ctx = ctx.nested(None, naming::bases::map_value(&ctx.hint.base));
                    let value = self.lower_schema_ref(
                        schema,
                        value_ctx,
                        &pointer_join(at, "additionalProperties"),
                    );
                    TypeRef::Map(Box::new(value))
                }
                // An empty object, `type: object` and nothing more, nested in a type: a type
                // of its own (an alias of the map), as the seed's generator gives it a model
                // of its own. A declared map (`additionalProperties`) stays a map, and so does
                // an alternative of a union, which its variant (`Map`) names already.
                None if view.ty == Some(JsonType::Object)
                    && ctx.slot.is_none()
                    && !self.is_union(ctx.hint.parent) =>
                {
                    let map = TypeRef::Map(Box::new(TypeRef::Json));
                    TypeRef::Named(self.new_type(&mut ctx, Some(view), at, TypeKind::Alias(map)))
                }
                _ if view.ty == Some(JsonType::Object) || view.additional.is_some() => {
                    TypeRef::Map(Box::new(TypeRef::Json))
                }
                _ => TypeRef::Json,
            };
        };
        // Registered before its properties are lowered, so nested types come after their
        // parent in the arena and can name it as their parent.
        let id = self.new_type(
            &mut ctx,
            Some(view),
            at,
            TypeKind::Struct(StructDef::default()),
        );
        let parts = vec![ObjectPart {
            properties: properties.iter().collect(),
            required: view.required.to_vec(),
            additional: view.additional,
            at: at.to_owned(),
        }];
        self.fill_struct(id, &ctx, parts);
        TypeRef::Named(id)
    }

    /// Lowers the properties of one or more object parts (several for `allOf`) into the struct
    /// `id`. A property declared by two parts takes the later declaration, with a warning
    /// unless the two are the same.
    pub(super) fn fill_struct(&mut self, id: TypeId, ctx: &Ctx, parts: Vec<ObjectPart<'a>>) {
        let mut merged: Vec<(&'a String, &'a ReferenceOr<Box<Schema>>, String)> = Vec::new();
        let mut required: Vec<String> = Vec::new();
        let mut extra = Some(TypeRef::Json);
        let mut extra_schema = None;
        for part in &parts {
            let properties_at = pointer_join(&part.at, "properties");
            for (name, schema) in &part.properties {
                let prop_at = pointer_join(&properties_at, name);
                if let Some(existing) = merged.iter_mut().find(|(n, _, _)| n == name) {
                    if existing.1 != *schema {
                        self.warn(
                            Kind::Schema,
                            &prop_at,
                            format!("`allOf` parts define property `{name}` differently; using this later definition"),
                        );
                    }
                    existing.1 = schema;
                    existing.2 = prop_at;
                } else {
                    merged.push((name, schema, prop_at));
                }
            }
            required.extend(part.required.iter().cloned());
            match part.additional {
                Some(AdditionalProperties::Any(false)) if parts.len() == 1 => extra = None,
                Some(AdditionalProperties::Schema(schema)) => {
                    extra_schema = Some((
                        schema.as_ref(),
                        pointer_join(&part.at, "additionalProperties"),
                    ))
                }
                _ => {}
            }
        }
        let mut fields = Vec::with_capacity(merged.len());
        for (name, schema, prop_at) in merged {
            // A property whose schema admits no value is never present: no field. (Were it
            // sent all the same, it would be kept with the undeclared properties.)
            if matches!(schema, ReferenceOr::Item(s) if is_never(s)) {
                if required.contains(name) {
                    self.warn(
                        Kind::Schema,
                        &prop_at,
                        format!("property `{name}` is required but admits no value (`false`): no value of this object can be valid; the property is left out"),
                    );
                }
                continue;
            }
            let mut prop_ctx = ctx.nested(Some(id), naming::pascal_case(name));
            if ctx.files == Files::Body {
                prop_ctx.files = Files::Part;
            }
            let ty = self.lower_schema_ref(schema, prop_ctx, &prop_at);
            let (read_only, write_only) = access_of(schema);
            fields.push(Field {
                json_name: name.clone(),
                ty,
                // A `writeOnly` property is never in a response, so a response that lacks it
                // must still read: it is optional whatever `required` says.
                required: required.contains(name) && !write_only,
                docs: self.docs_of_ref(schema),
                read_only,
            });
        }
        if let Some((schema, schema_at)) = extra_schema {
            let value_ctx = ctx.nested(Some(id), naming::bases::map_value(&ctx.hint.base));
            extra = Some(self.lower_schema_ref(schema, value_ctx, &schema_at));
        }
        self.space.get_mut(id).kind = TypeKind::Struct(StructDef {
            fields,
            extra: extra.map(|ty| Extra { ty }),
        });
    }

    /// Docs for a property: its own description, or, for the `allOf: [{$ref}, {description}]`
    /// pattern, the description of the annotation part.
    fn docs_of_ref(&self, schema: &ReferenceOr<Box<Schema>>) -> Option<String> {
        let ReferenceOr::Item(schema) = schema else {
            return None;
        };
        docs_of(schema).or_else(|| {
            View::of(schema).all_of.iter().find_map(|part| match part {
                ReferenceOr::Item(part) if View::of(part).is_annotation_only() => docs_of(part),
                _ => None,
            })
        })
    }
}

/// Whether a property is `readOnly` and whether it is `writeOnly`, on its schema or on an
/// annotating part of its `allOf` (`allOf: [{$ref: X}, {readOnly: true}]`).
fn access_of(schema: &ReferenceOr<Box<Schema>>) -> (bool, bool) {
    let ReferenceOr::Item(schema) = schema else {
        return (false, false);
    };
    let mut read_only = schema.schema_data.read_only;
    let mut write_only = schema.schema_data.write_only;
    for part in View::of(schema).all_of {
        if let ReferenceOr::Item(part) = part {
            if View::of(part).is_annotation_only() {
                read_only |= part.schema_data.read_only;
                write_only |= part.schema_data.write_only;
            }
        }
    }
    (read_only, write_only)
}
