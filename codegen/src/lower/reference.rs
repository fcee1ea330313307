//! Schema `$ref`s. Every reference is read by [`crate::pointer::parse`] and names a place with
//! a type slot: a component schema (registered up front) or a place inside the document that
//! some reference points into (see [`super::places`]). The place and all its references are one
//! Rust type. Anything else is an error that names the reference and the place.

use super::places::{find, Miss, Place};
use super::schema::docs_of;
use super::Lowerer;
use crate::error::Kind;
use crate::ir::{TypeId, TypeKind, TypeRef};
use crate::pointer::{canonical, Reference};
use openapiv3::{ReferenceOr, Schema};

/// What a schema reference names: the type slot of the place, the place's pointer, and what
/// stands there.
pub(super) struct Target<'a> {
    pub id: TypeId,
    pub at: String,
    pub standing: Standing<'a>,
}

/// Why a reference names no schema of this document.
pub(super) enum Missing {
    /// Not a pointer into this document, and why.
    Outside(&'static str),
    /// `#/components/schemas/X` with no such component.
    Component,
    /// Nothing, or something that is not a schema, at the pointer (canonical).
    Place(Miss, String),
}

impl Missing {
    /// Why, as the end of a sentence whose subject is the reference.
    pub fn reason(&self) -> String {
        match self {
            Missing::Outside(why) => format!("cannot be followed: {why}"),
            Missing::Component => "names no component schema".to_owned(),
            Missing::Place(Miss::NotASchema, key) => {
                format!("points to {key}, which is not a schema")
            }
            Missing::Place(Miss::Nowhere, key) => {
                format!("points to {key}, where nothing in this document is")
            }
        }
    }

    pub fn message(&self, reference: &str) -> String {
        match self {
            Missing::Outside(why) => format!("cannot use `$ref: {reference}`: {why}"),
            Missing::Component => format!("`$ref: {reference}` names no component schema"),
            Missing::Place(Miss::NotASchema, key) => {
                format!("cannot use `$ref: {reference}`: the place it points to is not a schema ({key})")
            }
            Missing::Place(Miss::Nowhere, key) => format!(
                "cannot use `$ref: {reference}`: nothing in this document is at the place it points to ({key})"
            ),
        }
    }
}

/// What stands at a referenced place.
#[derive(Clone, Copy)]
pub(super) enum Standing<'a> {
    Schema(&'a Schema),
    /// Another reference: the place is whatever that one names.
    Reference(&'a str),
}

impl<'a> Standing<'a> {
    fn of<S: std::borrow::Borrow<Schema>>(schema: &'a ReferenceOr<S>) -> Self {
        match schema {
            ReferenceOr::Item(schema) => Standing::Schema(schema.borrow()),
            ReferenceOr::Reference { reference } => Standing::Reference(reference),
        }
    }
}

impl<'a> Lowerer<'a> {
    /// Fills a pre-registered slot with what lowering its schema gave: a schema that made no
    /// type of its own (a scalar, an array, a reference) makes the slot an alias of it, and
    /// `nullable` is carried by the references instead. `documented` gives an alias its docs.
    pub(super) fn fill_slot(&mut self, id: TypeId, ty: TypeRef, documented: Option<&Schema>) {
        let filled = documented.is_some()
            && match &ty {
                TypeRef::Named(filled) => *filled == id,
                TypeRef::Nullable(inner) => **inner == TypeRef::Named(id),
                _ => false,
            };
        if filled {
            // A slot its own schema did not fill (still the placeholder of `Json`) is a
            // schema that is only itself (`anyOf: [{$ref: itself}]`): an alias of itself,
            // which the cycle pass reports as describing no value.
            let def = self.space.get_mut(id);
            if def.kind == TypeKind::Alias(TypeRef::Json) {
                def.kind = TypeKind::Alias(TypeRef::Named(id));
            }
            return;
        }
        let target = match ty {
            TypeRef::Nullable(inner) if self.nullable_components.contains(&id) => *inner,
            other => other,
        };
        let def = self.space.get_mut(id);
        def.kind = TypeKind::Alias(target);
        if let Some(schema) = documented {
            def.docs = docs_of(schema);
        }
    }

    /// The type of a schema `$ref`: the type of the place it names, wherever it is used.
    pub(super) fn lower_reference(&mut self, reference: &str, at: &str) -> TypeRef {
        let Some(target) = self.target(reference, at) else {
            return TypeRef::Json;
        };
        // A component that others extend is its family's union wherever it is used.
        match self.families.get(&target.id) {
            Some(family) if self.nullable_components.contains(&target.id) => {
                TypeRef::Nullable(Box::new(TypeRef::Named(family.union)))
            }
            Some(family) => TypeRef::Named(family.union),
            None => self.named(target.id),
        }
    }

    /// A reference to the type of slot `id`, which may be `null` where its schema says so.
    pub(super) fn named(&self, id: TypeId) -> TypeRef {
        if self.nullable_components.contains(&id) {
            TypeRef::Nullable(Box::new(TypeRef::Named(id)))
        } else {
            TypeRef::Named(id)
        }
    }

    /// The place a schema reference names, or `None` after reporting at `at` why it names no
    /// schema of this document.
    pub(super) fn target(&mut self, reference: &str, at: &str) -> Option<Target<'a>> {
        match self.locate(reference) {
            Ok(target) => Some(target),
            Err(missing) => {
                let (kind, hint) = match missing {
                    Missing::Outside(_) => (
                        Kind::Unsupported,
                        "point the `$ref` at a schema of this document",
                    ),
                    Missing::Component => (
                        Kind::Schema,
                        "point the `$ref` at an entry of `#/components/schemas` in this document",
                    ),
                    Missing::Place(..) => (
                        Kind::Schema,
                        "point the `$ref` at a schema of this document: a component schema, or a schema inside one, a parameter, a header, a response or an operation",
                    ),
                };
                let message = missing.message(reference);
                self.error(kind, at, message, hint);
                None
            }
        }
    }

    /// The place a schema reference names, or why it names none.
    pub(super) fn locate(&self, reference: &str) -> Result<Target<'a>, Missing> {
        let segments = match crate::pointer::parse(reference) {
            Reference::Local(segments) => segments,
            Reference::Other if reference.starts_with('#') => {
                return Err(Missing::Outside(
                    "the part after `#` is not a JSON pointer, which starts with `/`",
                ))
            }
            Reference::Other => {
                return Err(Missing::Outside(
                    "references to other files are not supported",
                ))
            }
        };
        let key = canonical(&segments);
        if super::places::is_component_schema(&segments) {
            let name = segments[2].as_str();
            let id = *self.components.get(name).ok_or(Missing::Component)?;
            let spec = self.spec;
            let schemas = spec.components.as_ref().map(|c| &c.schemas);
            let schema = schemas
                .and_then(|s| s.get(name))
                .ok_or(Missing::Component)?;
            return Ok(Target {
                id,
                at: key,
                standing: Standing::of(schema),
            });
        }
        let place = find(self.spec, &segments).map_err(|miss| Missing::Place(miss, key.clone()))?;
        let id = *self
            .places
            .get(&key)
            .ok_or_else(|| Missing::Place(Miss::Nowhere, key.clone()))?;
        Ok(Target {
            id,
            at: key,
            standing: match place {
                Place::Schema(schema) => Standing::Schema(schema),
                Place::Reference(reference) => Standing::Reference(reference),
            },
        })
    }

    /// Follows a chain of references from `reference` to the schema at its end, with the
    /// slot and pointer of each place on the way (the first first). `None` after an error, or
    /// for a chain that comes back to a place it passed (reported at `at`).
    pub(super) fn follow(
        &mut self,
        reference: &str,
        at: &str,
    ) -> Option<(Vec<TypeId>, &'a Schema, String)> {
        let mut passed = Vec::new();
        let mut current = reference.to_owned();
        let mut current_at = at.to_owned();
        loop {
            let target = self.target(&current, &current_at)?;
            if passed.contains(&target.id) {
                self.error(
                    Kind::Schema,
                    at,
                    format!("`$ref: {reference}` leads back to a place it passed, without reaching a schema"),
                    "point one of the references of the chain at a schema",
                );
                return None;
            }
            passed.push(target.id);
            match target.standing {
                Standing::Schema(schema) => return Some((passed, schema, target.at)),
                Standing::Reference(next) => {
                    current = next.to_owned();
                    current_at = target.at;
                }
            }
        }
    }
}
