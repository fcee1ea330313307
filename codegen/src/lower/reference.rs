//! Schema `$ref`s: to a component, the component's type; to a place inside the document, that
//! place's slot (see [`super::pointer`]); anything else, an error that names the place.

use super::schema::docs_of;
use super::Lowerer;
use crate::error::Kind;
use crate::ir::{TypeId, TypeKind, TypeRef};
use openapiv3::Schema;

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

    /// A `$ref` to a component schema is that component's type, wherever it is used.
    pub(super) fn lower_reference(&mut self, reference: &str, at: &str) -> TypeRef {
        if let Some(segments) = super::pointer::segments(reference) {
            if !super::pointer::is_component_schema(&segments) {
                return self.lower_deep_reference(reference, &segments, at);
            }
        }
        match self.component_for(reference, at) {
            Some(id) if self.nullable_components.contains(&id) => {
                TypeRef::Nullable(Box::new(TypeRef::Named(id)))
            }
            Some(id) => TypeRef::Named(id),
            None => TypeRef::Json,
        }
    }

    /// A `$ref` to a place inside the document: the place's slot, or an error that names both
    /// the reference and the place it points to.
    fn lower_deep_reference(&mut self, reference: &str, segments: &[String], at: &str) -> TypeRef {
        let key = super::pointer::normalized(segments);
        if let Some(&id) = self.places.get(&key) {
            return if self.nullable_components.contains(&id) {
                TypeRef::Nullable(Box::new(TypeRef::Named(id)))
            } else {
                TypeRef::Named(id)
            };
        }
        let why = match super::pointer::find(self.spec, segments) {
            Err(super::pointer::Miss::NotASchema) => "the place it points to is not a schema",
            // Registered places are found above; this is a place that is not there.
            _ => "nothing in this document is at the place it points to",
        };
        self.error(
            Kind::Schema,
            at,
            format!("cannot use `$ref: {reference}`: {why} ({key})"),
            "point the `$ref` at a schema of this document: a component schema, or a schema inside one, a parameter, a response or an operation",
        );
        TypeRef::Json
    }

    /// The component a schema `$ref` names, reporting a reference that names none.
    pub(super) fn component_for(&mut self, reference: &str, at: &str) -> Option<TypeId> {
        let hint = "point the `$ref` at an entry of `#/components/schemas` in this document";
        let Some(name) = reference.strip_prefix("#/components/schemas/") else {
            let why = if reference.starts_with('#') {
                "the part after `#` is not a JSON pointer, which starts with `/`"
            } else {
                "references to other files are not supported"
            };
            self.error(
                Kind::Unsupported,
                at,
                format!("cannot use `$ref: {reference}`: {why}"),
                hint,
            );
            return None;
        };
        let name = crate::error::unescape_segment(name);
        let found = self.components.get(name.as_str()).copied();
        if found.is_none() {
            self.error(
                Kind::Schema,
                at,
                format!("`$ref: {reference}` names no component schema"),
                hint,
            );
        }
        found
    }
}
