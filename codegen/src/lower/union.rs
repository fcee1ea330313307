//! `oneOf` / `anyOf` → a union type (or the one alternative, when only one has a shape).

use super::schema::Ctx;
use super::view::{JsonType, View};
use super::Lowerer;
use crate::error::Kind;
use crate::ir::{Strict, TypeKind, TypeRef, UnionDef, UnionVariant};
use crate::load::normalize::INFERRED_DISCRIMINATOR;
use crate::naming;
use crate::pointer::pointer_join;
use openapiv3::ReferenceOr;

impl<'a> Lowerer<'a> {
    pub(super) fn lower_union(&mut self, view: &View<'a>, mut ctx: Ctx, at: &str) -> TypeRef {
        let (keyword, alternatives) = if view.one_of.is_empty() {
            ("anyOf", view.any_of)
        } else {
            ("oneOf", view.one_of)
        };
        let list_at = pointer_join(at, keyword);
        if !view.properties.is_none_or(|p| p.is_empty()) {
            self.warn(
                Kind::Unsupported,
                at,
                format!("properties beside `{keyword}` are not merged into its alternatives; they are kept with the other undeclared properties"),
            );
        }
        // Alternatives that only annotate (`{nullable: true}`, `{description: …}`) carry no
        // shape of their own.
        let mut nullable = false;
        let shaped: Vec<(usize, &'a ReferenceOr<openapiv3::Schema>)> = alternatives
            .iter()
            .enumerate()
            .filter(|(_, alt)| match alt {
                // An alternative that admits no value is never the one.
                ReferenceOr::Item(schema) if super::schema::is_never(schema) => false,
                ReferenceOr::Item(schema) => {
                    let alt_view = View::of(schema);
                    if alt_view.is_annotation_only() || alt_view.unknown_type == Some("null") {
                        nullable |= alt_view.nullable() || alt_view.unknown_type == Some("null");
                        false
                    } else {
                        true
                    }
                }
                ReferenceOr::Reference { .. } => true,
            })
            .collect();
        let wrap = |ty: TypeRef| match ty {
            TypeRef::Nullable(_) | TypeRef::Json => ty,
            ty if nullable => TypeRef::Nullable(Box::new(ty)),
            ty => ty,
        };
        if let [(i, only)] = shaped.as_slice() {
            let ty = self.lower_schema_ref(only, ctx, &pointer_join(&list_at, &i.to_string()));
            return wrap(ty);
        }
        if shaped.is_empty() {
            return TypeRef::Json;
        }
        let discriminator = view.schema.schema_data.discriminator.as_ref();
        // The union is registered first so that its alternatives, lowered next, can name it as
        // their parent.
        let id = self.new_type(
            &mut ctx,
            Some(view),
            at,
            TypeKind::Union(UnionDef {
                variants: Vec::new(),
                discriminator: discriminator.map(|d| d.property_name.clone()),
                inferred: discriminator
                    .is_some_and(|d| d.extensions.contains_key(INFERRED_DISCRIMINATOR)),
            }),
        );
        let mapping = match discriminator {
            Some(d) => self.discriminator_mapping(d, at),
            None => Vec::new(),
        };
        let mut variants = Vec::with_capacity(shaped.len());
        // For each alternative whose tag would be its schema's name, the values it declares for
        // the discriminator's property instead, where it declares any.
        let mut declared: Vec<Vec<String>> = Vec::with_capacity(shaped.len());
        for (n, (i, alt)) in shaped.iter().enumerate() {
            let alt_at = pointer_join(&list_at, &i.to_string());
            let mut alt_ctx =
                ctx.nested(Some(id), naming::bases::positional(&ctx.hint.base, n + 1));
            alt_ctx.hint.position = Some(n + 1);
            let ty = self.lower_schema_ref(alt, alt_ctx, &alt_at);
            let (name_hint, tags) = match alt {
                ReferenceOr::Reference { reference } => {
                    let name = crate::pointer::segments(reference)
                        .and_then(|s| s.last().cloned())
                        .unwrap_or_else(|| reference.clone());
                    let tags = match discriminator {
                        Some(_) => self.tags_of(reference, &name, &mapping),
                        None => Vec::new(),
                    };
                    declared.push(match (discriminator, tags.as_slice()) {
                        (Some(d), [only]) if *only == name && !mapping_names(&mapping, only) => {
                            self.declared_tags(reference, &d.property_name)
                        }
                        _ => Vec::new(),
                    });
                    (naming::component_name(&name), tags)
                }
                ReferenceOr::Item(schema) => {
                    declared.push(Vec::new());
                    (type_word(&View::of(schema), &ty), Vec::new())
                }
            };
            variants.push(UnionVariant {
                name_hint,
                ty,
                tags,
            });
        }
        use_declared_tags(&mut variants, declared);
        if discriminator.is_some() && variants.iter().any(|v| v.tags.is_empty()) {
            self.warn(
                Kind::Schema,
                at,
                "a discriminated alternative has no discriminator value of its own (inline, missing from the mapping, or declaring a value another alternative declares too); it is matched by shape instead".to_owned(),
            );
        }
        if let TypeKind::Union(union) = &mut self.space.get_mut(id).kind {
            union.variants = variants;
        }
        wrap(TypeRef::Named(id))
    }
}

/// Whether the discriminator's mapping has an entry for `value`.
fn mapping_names(mapping: &[(String, Vec<crate::ir::TypeId>)], value: &str) -> bool {
    mapping.iter().any(|(key, _)| key == value)
}

/// OpenAPI's implicit tag of an alternative is its schema's name; but where the alternative
/// itself allows only some values for the discriminator's property (`type: {enum:
/// [file_citation]}`), its name is a value it refuses, and real servers send the declared one.
/// So an alternative's declared values are its tags, where no other alternative can claim them.
/// A value two alternatives declare picks neither: an alternative whose name is not among its
/// declared values then has no tag, and the value's shape picks it.
fn use_declared_tags(variants: &mut [UnionVariant], declared: Vec<Vec<String>>) {
    let mut claims: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (variant, declared) in variants.iter().zip(&declared) {
        let tags = if declared.is_empty() {
            &variant.tags
        } else {
            declared
        };
        let unique: std::collections::BTreeSet<&str> = tags.iter().map(String::as_str).collect();
        for tag in unique {
            *claims.entry(tag).or_default() += 1;
        }
    }
    let free: Vec<bool> = declared
        .iter()
        .map(|tags| !tags.is_empty() && tags.iter().all(|tag| claims[tag.as_str()] == 1))
        .collect();
    for ((variant, tags), free) in variants.iter_mut().zip(declared).zip(free) {
        if free {
            variant.tags = tags;
        } else if !tags.is_empty() && !tags.iter().any(|tag| variant.tags.contains(tag)) {
            variant.tags.clear();
        }
    }
}

/// A variant name for an inline alternative, from what it is.
fn type_word(view: &View, ty: &TypeRef) -> String {
    let word = match (ty, view.ty) {
        (TypeRef::String, _) => "String",
        // Named by the format, whichever type the configuration gives it.
        (TypeRef::Text(format), _) | (TypeRef::Strict(Strict { format, .. }), _) => {
            format.type_name()
        }
        (TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64, _) => "Integer",
        (TypeRef::F64, _) => "Number",
        (TypeRef::Bool, _) => "Boolean",
        (TypeRef::Vec(_), _) | (_, Some(JsonType::Array)) => "Array",
        (TypeRef::Map(_), _) => "Map",
        _ => "Object",
    };
    word.to_owned()
}

impl<'a> Lowerer<'a> {
    /// Each value of a discriminator's `mapping` with the places its target leads through (a
    /// `$ref`, or a bare component name). A target that names no schema of this document is an
    /// error that names the mapping entry and the place it points to.
    pub(super) fn discriminator_mapping(
        &mut self,
        discriminator: &openapiv3::Discriminator,
        at: &str,
    ) -> Vec<(String, Vec<crate::ir::TypeId>)> {
        let mapping_at = pointer_join(&pointer_join(at, "discriminator"), "mapping");
        let mut out = Vec::new();
        for (value, target) in &discriminator.mapping {
            let reference = if target.contains('#') || target.contains('/') {
                target.clone()
            } else {
                crate::pointer::pointer(&["components", "schemas", target])
            };
            let entry_at = pointer_join(&mapping_at, value);
            match self.locate(&reference) {
                Ok(_) => {
                    if let Some((passed, _, _)) = self.follow(&reference, &entry_at) {
                        out.push((value.clone(), passed));
                    }
                }
                Err(missing) => {
                    let why = missing.reason();
                    self.error(
                        Kind::Schema,
                        &entry_at,
                        format!("the discriminator maps `{value}` to `{target}`, which {why}"),
                        "map the value to a schema of this document, or remove the entry",
                    );
                }
            }
        }
        out
    }

    /// The string values the component schema that `reference` names allows for `property`,
    /// where it lists them (`enum`, or a 3.1 `const`, which the loader makes a one-value `enum`):
    /// in its own properties or in those of its `allOf` members, each written inline or as a
    /// component, the property's schema itself inline or a component. Empty where it lists none.
    fn declared_tags(&self, reference: &str, property: &str) -> Vec<String> {
        let Some(components) = &self.spec.components else {
            return Vec::new();
        };
        let component = |reference: &str| {
            let name = crate::pointer::component(reference, "schemas")?;
            match components.schemas.get(name.as_str())? {
                ReferenceOr::Item(schema) => Some(schema),
                ReferenceOr::Reference { .. } => None,
            }
        };
        let Some(schema) = component(reference) else {
            return Vec::new();
        };
        let members = View::of(schema)
            .all_of
            .iter()
            .filter_map(|member| match member {
                ReferenceOr::Item(schema) => Some(schema),
                ReferenceOr::Reference { reference } => component(reference),
            });
        for holder in std::iter::once(schema).chain(members) {
            let declared = View::of(holder).properties.and_then(|p| p.get(property));
            let declared = match declared {
                Some(ReferenceOr::Item(schema)) => Some(&**schema),
                Some(ReferenceOr::Reference { reference }) => component(reference),
                None => None,
            };
            let values: Vec<String> = declared
                .map(|schema| View::of(schema).enumeration)
                .unwrap_or_default()
                .iter()
                .filter_map(|value| value.as_str().map(str::to_owned))
                .collect();
            if !values.is_empty() {
                return values;
            }
        }
        Vec::new()
    }

    /// The discriminator values that select the alternative `reference` (whose place is named
    /// `name`): the mapping's values that lead to the same place, and the name itself where no
    /// mapping entry claims that value (OpenAPI's implicit mapping by schema name).
    fn tags_of(
        &mut self,
        reference: &str,
        name: &str,
        mapping: &[(String, Vec<crate::ir::TypeId>)],
    ) -> Vec<String> {
        let Ok(target) = self.locate(reference) else {
            return Vec::new();
        };
        let passed = match target.standing {
            super::reference::Standing::Schema(_) => vec![target.id],
            super::reference::Standing::Reference(_) => self
                .follow(reference, &target.at)
                .map(|(passed, _, _)| passed)
                .unwrap_or_default(),
        };
        let mut tags: Vec<String> = mapping
            .iter()
            .filter(|(_, places)| places.iter().any(|p| passed.contains(p)))
            .map(|(value, _)| value.clone())
            .collect();
        let implicit = crate::pointer::component(reference, "schemas").is_some()
            && !mapping.iter().any(|(value, _)| value == name);
        if tags.is_empty() && implicit {
            tags.push(name.to_owned());
        }
        tags
    }
}
