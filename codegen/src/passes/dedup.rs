//! The dedup pass: specs written without references repeat the same object under every
//! operation that returns it (the inline Authlete spec has one `Client` per operation), and an
//! operation with several request content types gets its types once per variant. Every
//! operation type found structurally identical to an earlier type becomes a `pub type` alias of
//! it: every name still resolves, code written against either name compiles, and the crate
//! compiles one struct instead of many.
//!
//! Identical means: same kind, same fields (JSON and Rust names, required, read-only, docs, and
//! field types identical in turn), same enum values, same union alternatives; for the types of
//! response headers, the same headers. A type's own doc comment is not compared, since the
//! alias carries it. Component types are never turned into aliases (they are the spec's own
//! names), but an operation type may become an alias of one.

use crate::ir::{EnumValue, Field, MemberNames, Module, TypeId, TypeKind, TypeRef, TypeSpace};
use indexmap::{IndexMap, IndexSet};
use std::fmt::Write;

/// Makes every operation type identical to an earlier one an alias of it.
pub fn alias_identical_types(space: &mut TypeSpace) {
    let canonical = canonical_ids(space);
    alias_to_canonical(space, &canonical);
}

/// For each type, the type it is identical to (itself for the first of its shape, and for
/// every component).
fn canonical_ids(space: &TypeSpace) -> Vec<TypeId> {
    let mut dedup = Dedup {
        space,
        canonical: vec![State::Unvisited; space.types.len()],
        first_of_shape: IndexMap::new(),
        requests: space
            .requests_that_are_bodies()
            .map(|(_, body)| body)
            .collect(),
    };
    // Components first, so that an operation type identical to a component aliases the
    // component; then operation types in lowering order, so that the first variant and the
    // first operation keep the struct.
    let (components, operations): (Vec<TypeId>, Vec<TypeId>) = space
        .ids()
        .partition(|id| space.get(*id).module == Module::Components);
    for id in components {
        let shape = dedup.shape(id);
        dedup.first_of_shape.entry(shape).or_insert(id);
    }
    for id in operations {
        dedup.canonical_of(id);
    }
    dedup
        .canonical
        .iter()
        .enumerate()
        .map(|(index, state)| match state {
            State::Done(canonical) => *canonical,
            _ => TypeId(index),
        })
        .collect()
}

/// Makes every type that [`canonical_ids`] found identical to an earlier one an alias of it.
fn alias_to_canonical(space: &mut TypeSpace, canonical: &[TypeId]) {
    let aliases: Vec<(TypeId, TypeId)> = canonical
        .iter()
        .enumerate()
        .filter(|(index, canonical)| canonical.0 != *index)
        .map(|(index, canonical)| (TypeId(index), *canonical))
        .collect();
    for (id, canonical) in aliases {
        let def = space.get_mut(id);
        // An alias of a named type stays as written (`= components::Problem` reads better than
        // an alias of an alias); it still counts as identical to its twins for the types that
        // hold it.
        if !matches!(def.kind, TypeKind::Alias(TypeRef::Named(_))) {
            def.kind = TypeKind::Alias(TypeRef::Named(canonical));
        }
        // An alias has no members of its own.
        space.member_names[id.0] = MemberNames::default();
    }
}

#[derive(Clone, Copy)]
enum State {
    Unvisited,
    InProgress,
    Done(TypeId),
}

struct Dedup<'s> {
    space: &'s TypeSpace,
    /// For each operation type, the type it is identical to (itself if it is the first).
    canonical: Vec<State>,
    /// The first type seen with each shape.
    first_of_shape: IndexMap<String, TypeId>,
    /// Bodies that are their variant's request: each implements its own operation, so none
    /// is an alias of another, nor another of it.
    requests: IndexSet<TypeId>,
}

impl Dedup<'_> {
    /// The type `id` is identical to, computed children first.
    fn canonical_of(&mut self, id: TypeId) -> TypeId {
        if self.space.get(id).module == Module::Components || self.requests.contains(&id) {
            return id;
        }
        match self.canonical[id.0] {
            State::Done(canonical) => return canonical,
            // A reference back to a type being keyed: compare by identity, which is exact.
            State::InProgress => return id,
            State::Unvisited => {}
        }
        self.canonical[id.0] = State::InProgress;
        let shape = self.shape(id);
        let canonical = *self.first_of_shape.entry(shape).or_insert(id);
        self.canonical[id.0] = State::Done(canonical);
        canonical
    }

    /// A string that two types share exactly when they are identical. Every string in it is
    /// written with its length first, so no two shapes run together.
    fn shape(&mut self, id: TypeId) -> String {
        let mut out = String::new();
        let space = self.space;
        let names = space.members(id);
        match &space.get(id).kind {
            TypeKind::Struct(s) => {
                out.push('S');
                self.write_fields(&s.fields, names, &mut out);
                if let Some(extra) = &s.extra {
                    out.push('+');
                    text(&mut out, &names.other);
                    self.write_ref(&extra.ty, &mut out);
                }
            }
            TypeKind::Enum(e) => {
                let _ = write!(out, "E{:?}", e.repr);
                text(&mut out, &names.other);
                for (variant, rust) in e.variants.iter().zip(names.iter()) {
                    match &variant.value {
                        EnumValue::String(s) => text(&mut out, s),
                        EnumValue::Integer(n) => {
                            let _ = write!(out, "{n}");
                        }
                    }
                    text(&mut out, rust);
                }
            }
            TypeKind::Union(u) => {
                out.push('U');
                opt_text(&mut out, u.discriminator.as_deref());
                out.push(if u.inferred { 'i' } else { 'w' });
                text(&mut out, &names.other);
                for (variant, rust) in u.variants.iter().zip(names.iter()) {
                    out.push('(');
                    text(&mut out, &variant.name_hint);
                    text(&mut out, rust);
                    for tag in &variant.tags {
                        text(&mut out, tag);
                    }
                    out.push(';');
                    self.write_ref(&variant.ty, &mut out);
                    out.push(')');
                }
            }
            TypeKind::Alias(target) => {
                out.push('A');
                self.write_ref(target, &mut out);
            }
            // Each variant's request and response carry its own method, path and media type
            // in the impls they get: never one type for two variants.
            TypeKind::Request(_) | TypeKind::Response(_) => {
                let _ = write!(out, "O{}", id.0);
            }
            TypeKind::Newtype(target) => {
                out.push('N');
                self.write_ref(target, &mut out);
            }
            // The same headers documented on many responses (a rate limit, a request id)
            // are one struct: its `from_headers` names the type and takes the status, so
            // nothing in it belongs to one response.
            TypeKind::Headers(fields) => {
                out.push('H');
                self.write_fields(fields, names, &mut out);
            }
            // A file part is named after its parent: never shared.
            TypeKind::FilePart => {
                let _ = write!(out, "F{}", id.0);
            }
            TypeKind::Tuple(t) => {
                let _ = write!(out, "T{}", t.required);
                for item in &t.items {
                    out.push('(');
                    self.write_ref(item, &mut out);
                    out.push(')');
                }
                match &t.rest {
                    Some(rest) => {
                        out.push('+');
                        self.write_ref(rest, &mut out);
                    }
                    None => out.push('-'),
                }
            }
        }
        out
    }

    fn write_fields(&mut self, fields: &[Field], names: &MemberNames, out: &mut String) {
        for (field, rust) in fields.iter().zip(names.iter()) {
            out.push('(');
            text(out, &field.json_name);
            text(out, rust);
            opt_text(out, field.docs.as_deref());
            out.push(if field.required { '!' } else { '?' });
            // A `readOnly` property is left out of request bodies: not the same field.
            out.push(if field.read_only { 'r' } else { 'w' });
            self.write_ref(&field.ty, out);
            out.push(')');
        }
    }

    fn write_ref(&mut self, ty: &TypeRef, out: &mut String) {
        let (tag, inner) = match ty {
            TypeRef::Named(id) => {
                let _ = write!(out, "#{}", self.canonical_of(*id).0);
                return;
            }
            TypeRef::Vec(inner) => ("V", inner),
            TypeRef::Map(inner) => ("M", inner),
            TypeRef::Nullable(inner) => ("?", inner),
            TypeRef::Boxed(inner) => ("B", inner),
            scalar => {
                let _ = write!(out, "{scalar:?}");
                return;
            }
        };
        out.push_str(tag);
        out.push('<');
        self.write_ref(inner, out);
        out.push('>');
    }
}

/// Appends `s` with its length in front, so that where it ends is never in doubt.
fn text(out: &mut String, s: &str) {
    let _ = write!(out, "{}:", s.len());
    out.push_str(s);
}

/// Like [`text`], with `-` (which no length starts with) for none.
fn opt_text(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => text(out, s),
        None => out.push('-'),
    }
}
