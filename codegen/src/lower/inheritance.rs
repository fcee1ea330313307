//! Polymorphism by inheritance: a component schema with a `discriminator` (not a union) that
//! other components extend through `allOf` (Swagger 2.0's way, and many 3.0 specs'). Each such
//! component that has extensions gets a union type, `{Name}Any`, of itself and every component
//! that extends it (directly or not), picked by the discriminator's value; wherever the
//! component is referenced (a field, an item, a map value, a body), the union stands. The
//! component's own struct, and every extension's, stay as they are: the extensions hold the
//! base's fields, merged by `allOf`.

use super::view::View;
use super::Lowerer;
use crate::ir::{NameHint, TypeDef, TypeId, TypeKind, TypeRef, UnionDef, UnionVariant};
use crate::naming;
use indexmap::IndexMap;
use openapiv3::ReferenceOr;
use serde_json::Value;

/// A component that others extend, with a discriminator of its own or inherited.
pub(super) struct Family {
    /// The union that stands for the component wherever it is referenced.
    pub union: TypeId,
}

impl<'a> Lowerer<'a> {
    /// Finds the components that others extend and that a discriminator tells apart, and
    /// registers a union for each, before anything is lowered (references to them name the
    /// union).
    pub(super) fn register_families(&mut self) {
        let spec = self.spec;
        let Some(components) = &spec.components else {
            return;
        };
        let schemas = &components.schemas;
        // Each component's parents: the components its `allOf` names.
        let mut parents: IndexMap<&str, Vec<&str>> = IndexMap::new();
        for (name, schema) in schemas {
            let ReferenceOr::Item(schema) = schema else {
                continue;
            };
            for part in View::of(schema).all_of {
                if let ReferenceOr::Reference { reference } = part {
                    if let Some(parent) = crate::pointer::component(reference, "schemas") {
                        if let Some((key, _)) = schemas.get_key_value(parent.as_str()) {
                            parents.entry(name.as_str()).or_default().push(key.as_str());
                        }
                    }
                }
            }
        }
        for (name, schema) in schemas {
            let ReferenceOr::Item(schema) = schema else {
                continue;
            };
            let view = View::of(schema);
            if !view.one_of.is_empty() || !view.any_of.is_empty() {
                continue;
            }
            let Some(property) = discriminator_of(self, name, &parents) else {
                continue;
            };
            let members = descendants(name, &parents);
            if members.is_empty() {
                continue;
            }
            let Some(&slot) = self.components.get(name.as_str()) else {
                continue;
            };
            let union = self.space.add(TypeDef {
                hint: NameHint {
                    scope: naming::component_name(name),
                    base: naming::bases::ANY.to_owned(),
                    parent: None,
                    preferred: None,
                    after_parent: false,
                    position: None,
                },
                module: crate::ir::Module::Components,
                docs: Some(format!(
                    "A `{name}`, or any schema that extends it, picked by its `{property}`."
                )),
                pointer: crate::pointer::pointer(&["components", "schemas", name]),
                kind: TypeKind::Union(UnionDef {
                    variants: Vec::new(),
                    discriminator: Some(property.clone()),
                    inferred: false,
                }),
            });
            let mut variants = Vec::new();
            for member in std::iter::once(name.as_str()).chain(members.iter().copied()) {
                let id = self.components[member];
                variants.push(UnionVariant {
                    name_hint: naming::component_name(member),
                    ty: TypeRef::Named(id),
                    tags: self.tags(member, name, &property),
                });
            }
            if let TypeKind::Union(u) = &mut self.space.get_mut(union).kind {
                u.variants = variants;
            }
            self.families.insert(slot, Family { union });
        }
    }

    /// The discriminator values that pick `member` in the family of `root`: the mapping's
    /// entries that name it (the root's, then its own), else its `x-ms-discriminator-value`,
    /// else its name, as OpenAPI's implicit mapping says.
    fn tags(&self, member: &str, root: &str, _property: &str) -> Vec<String> {
        let spec = self.spec;
        let schemas = spec.components.as_ref().map(|c| &c.schemas);
        let schema = |name: &str| match schemas.and_then(|s| s.get(name)) {
            Some(ReferenceOr::Item(schema)) => Some(schema),
            _ => None,
        };
        let target = crate::pointer::pointer(&["components", "schemas", member]);
        let mut tags = Vec::new();
        for owner in [root, member] {
            let mapping = schema(owner)
                .and_then(|s| s.schema_data.discriminator.as_ref())
                .map(|d| &d.mapping);
            for (value, to) in mapping.into_iter().flatten() {
                let named = to == member
                    || crate::pointer::segments(to) == crate::pointer::segments(&target);
                if named && !tags.contains(value) {
                    tags.push(value.clone());
                }
            }
        }
        if tags.is_empty() {
            let extension = schema(member)
                .and_then(|s| s.schema_data.extensions.get("x-ms-discriminator-value"))
                .and_then(Value::as_str);
            tags.push(extension.unwrap_or(member).to_owned());
        }
        tags
    }
}

/// The discriminator property of a component: its own, else the nearest ancestor's.
fn discriminator_of(
    lowerer: &Lowerer<'_>,
    name: &str,
    parents: &IndexMap<&str, Vec<&str>>,
) -> Option<String> {
    let schemas = &lowerer.spec.components.as_ref()?.schemas;
    let mut pending = vec![name];
    let mut seen = Vec::new();
    while let Some(current) = pending.pop() {
        if seen.contains(&current) {
            continue;
        }
        seen.push(current);
        if let Some(ReferenceOr::Item(schema)) = schemas.get(current) {
            if let Some(d) = &schema.schema_data.discriminator {
                return Some(d.property_name.clone());
            }
        }
        pending.extend(parents.get(current).into_iter().flatten().rev());
    }
    None
}

/// Every component that extends `name`, directly or through others, in document order.
fn descendants<'n>(name: &str, parents: &IndexMap<&'n str, Vec<&'n str>>) -> Vec<&'n str> {
    let mut found: Vec<&str> = Vec::new();
    let mut grew = true;
    while grew {
        grew = false;
        for (child, its_parents) in parents {
            let extends = its_parents.iter().any(|p| *p == name || found.contains(p));
            if extends && !found.contains(child) && *child != name {
                found.push(child);
                grew = true;
            }
        }
    }
    // In document order, whatever order they were found in.
    let order: Vec<&str> = parents.keys().copied().collect();
    found.sort_by_key(|child| order.iter().position(|o| o == child));
    found
}
