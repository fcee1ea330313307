//! `allOf`: the parts of a schema merged into one struct, or the one part that shapes the
//! value when the others only annotate it.

use super::object::ObjectPart;
use super::schema::Ctx;
use super::view::{JsonType, View};
use super::Lowerer;
use crate::error::Kind;
use crate::ir::{StructDef, TypeId, TypeKind, TypeRef};
use crate::pointer::pointer_join;
use indexmap::IndexSet;
use openapiv3::{ReferenceOr, Schema};

/// The state of one `allOf` merge: the components being expanded, innermost last, and those
/// merged so far.
struct AllOfWalk {
    expanding: Vec<TypeId>,
    merged: IndexSet<TypeId>,
    /// Set when a part names a component that an enclosing merge is expanding: merging it
    /// again would inline the same properties without end.
    recursive: bool,
}

impl<'a> Lowerer<'a> {
    /// `allOf`: one struct with the properties of every part, or, when every part but one only
    /// annotates, that one part itself.
    pub(super) fn lower_all_of(&mut self, view: &View<'a>, mut ctx: Ctx, at: &str) -> TypeRef {
        let all_of_at = pointer_join(at, "allOf");
        let never = view.all_of.iter().position(|part| match part {
            ReferenceOr::Item(part) => super::schema::is_never(part),
            ReferenceOr::Reference { .. } => false,
        });
        if let Some(i) = never {
            self.warn(
                Kind::Schema,
                &pointer_join(&all_of_at, &i.to_string()),
                "this `allOf` part admits no value (`false`), so no value can be valid; typed as `serde_json::Value`, which keeps whatever arrives".to_owned(),
            );
            return TypeRef::Json;
        }
        let shaped: Vec<(usize, &'a ReferenceOr<Schema>)> = view
            .all_of
            .iter()
            .enumerate()
            .filter(|(_, part)| match part {
                ReferenceOr::Item(part) => !View::of(part).is_annotation_only(),
                ReferenceOr::Reference { .. } => true,
            })
            .collect();
        let own_properties = view.properties.is_some_and(|p| !p.is_empty());
        let nullable_part = view.all_of.iter().any(|part| match part {
            ReferenceOr::Item(part) => View::of(part).nullable(),
            ReferenceOr::Reference { .. } => false,
        });
        // Every part only annotates: the schema is what it says besides them (any value
        // where it says nothing), not an object.
        if shaped.is_empty() && !own_properties {
            let mut plain = view.clone();
            plain.all_of = &[];
            return self.lower_view(&plain, ctx, at);
        }
        // One part that shapes the value: the schema is that part. Not where the part is
        // the base of a family this schema belongs to: the family's union stands for the base,
        // and this schema is one of the union's alternatives, so it is a struct of the base's
        // fields (merged below), as an extension with fields of its own is.
        let single = match shaped.as_slice() {
            [(i, only)] if !own_properties && !self.extends_own_family(only, ctx.slot) => {
                Some((*i, *only))
            }
            _ => None,
        };
        if let Some((i, only)) = single {
            let ty = self.lower_schema_ref(only, ctx, &pointer_join(&all_of_at, &i.to_string()));
            return match ty {
                TypeRef::Named(_) if nullable_part => TypeRef::Nullable(Box::new(ty)),
                ty => ty,
            };
        }
        let mut parts = Vec::new();
        let mut walk = AllOfWalk {
            expanding: ctx.slot.into_iter().collect(),
            merged: IndexSet::new(),
            recursive: false,
        };
        for (i, part) in &shaped {
            let part_at = pointer_join(&all_of_at, &i.to_string());
            let object = self.collect_object_parts(part, &part_at, &mut walk, &mut parts);
            if walk.recursive {
                self.warn(
                    Kind::Unsupported,
                    &part_at,
                    "this `allOf` merges a schema that an enclosing `allOf` is already merging, which would repeat without end; typed as `serde_json::Value`".to_owned(),
                );
                return TypeRef::Json;
            }
            if !object {
                self.warn(
                    Kind::Unsupported,
                    &part_at,
                    "an `allOf` part that is not an object cannot be merged; the whole `allOf` is typed as `serde_json::Value`".to_owned(),
                );
                return TypeRef::Json;
            }
        }
        if own_properties {
            parts.push(ObjectPart {
                properties: view.properties.into_iter().flatten().collect(),
                required: view.required.to_vec(),
                additional: view.additional,
                at: at.to_owned(),
            });
        }
        let id = self.new_type(
            &mut ctx,
            Some(view),
            at,
            TypeKind::Struct(StructDef::default()),
        );
        // The merged components stay marked while their properties are lowered, so that a
        // property merging one of them again is caught rather than expanded forever.
        let marked = self.merging.len();
        self.merging.extend(walk.merged.iter().copied());
        self.fill_struct(id, &ctx, parts);
        self.merging.truncate(marked);
        TypeRef::Named(id)
    }

    /// Whether `part` names a component whose family's union has the type `slot` fills as an
    /// alternative (see [`inheritance`](super::inheritance)).
    fn extends_own_family(&self, part: &ReferenceOr<Schema>, slot: Option<TypeId>) -> bool {
        let (ReferenceOr::Reference { reference }, Some(slot)) = (part, slot) else {
            return false;
        };
        let Ok(target) = self.locate(reference) else {
            return false;
        };
        let Some(family) = self.families.get(&target.id) else {
            return false;
        };
        let own = TypeRef::Named(slot);
        matches!(&self.space.get(family.union).kind, TypeKind::Union(u) if u.variants.iter().any(|v| v.ty == own))
    }

    /// Gathers the object parts of an `allOf` part, following references (to a component or to
    /// any schema inside the document) and nested `allOf`s. Returns false when a part is not an
    /// object. `walk` holds the places being expanded (a reference back to one of them is a
    /// cycle, reported) and those already merged (merged once: their properties are in
    /// already), which keeps the walk linear in the spec's size.
    fn collect_object_parts(
        &mut self,
        part: &'a ReferenceOr<Schema>,
        at: &str,
        walk: &mut AllOfWalk,
        parts: &mut Vec<ObjectPart<'a>>,
    ) -> bool {
        let reference = match part {
            ReferenceOr::Item(schema) => return self.collect_schema_parts(schema, at, walk, parts),
            ReferenceOr::Reference { reference } => reference,
        };
        let Some((passed, schema, target_at)) = self.follow(reference, at) else {
            return true;
        };
        if passed.iter().any(|id| self.merging.contains(id)) {
            walk.recursive = true;
            return true;
        }
        if passed.iter().any(|id| walk.expanding.contains(id)) {
            self.error(
                Kind::Schema,
                at,
                format!("`allOf` refers back to `{reference}`, which contains it"),
                "an `allOf` cannot include the schema that contains it",
            );
            return true;
        }
        let Some(&place) = passed.last() else {
            return true;
        };
        if !walk.merged.insert(place) {
            return true;
        }
        let expanding = walk.expanding.len();
        walk.expanding.extend(passed);
        let object = self.collect_schema_parts(schema, &target_at, walk, parts);
        walk.expanding.truncate(expanding);
        object
    }

    fn collect_schema_parts(
        &mut self,
        schema: &'a Schema,
        at: &str,
        walk: &mut AllOfWalk,
        parts: &mut Vec<ObjectPart<'a>>,
    ) -> bool {
        let view = View::of(schema);
        if view.is_annotation_only() {
            return true;
        }
        for (i, inner) in view.all_of.iter().enumerate() {
            let inner_at = pointer_join(&pointer_join(at, "allOf"), &i.to_string());
            if !self.collect_object_parts(inner, &inner_at, walk, parts) {
                return false;
            }
        }
        let is_object = view.ty == Some(JsonType::Object)
            || view.properties.is_some()
            || view.additional.is_some();
        if !is_object {
            return !view.all_of.is_empty() && view.one_of.is_empty() && view.any_of.is_empty();
        }
        parts.push(ObjectPart {
            properties: view.properties.into_iter().flatten().collect(),
            required: view.required.to_vec(),
            additional: view.additional,
            at: at.to_owned(),
        });
        true
    }
}
