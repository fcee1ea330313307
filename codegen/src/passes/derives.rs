//! Derive inference: which structs and requests can derive `Default`.

use crate::ir::{Field, TypeKind, TypeRef, TypeSpace};

/// A struct derives `Default` when each field is optional or of a type with a default. Computed
/// as a least fixpoint: no struct can until shown otherwise, then structs whose required fields
/// all have defaults are added until nothing changes. A struct that requires itself (through a
/// box) never qualifies, since its default would never end.
pub fn infer_default(space: &mut TypeSpace) {
    loop {
        let mut changed = false;
        for id in space.ids() {
            let TypeKind::Struct(s) = &space.get(id).kind else {
                continue;
            };
            if s.derive_default {
                continue;
            }
            if fields_have_defaults(space, &s.fields) {
                if let TypeKind::Struct(s) = &mut space.get_mut(id).kind {
                    s.derive_default = true;
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Requests by the same rule, once the structs they hold are settled.
    for id in space.ids() {
        let TypeKind::Request(r) = &space.get(id).kind else {
            continue;
        };
        let can = r.fields().all(|f| !f.required || has_default(space, &f.ty));
        if let TypeKind::Request(r) = &mut space.get_mut(id).kind {
            r.derive_default = can;
        }
    }
}

/// Whether each field is optional or of a type with a default.
fn fields_have_defaults(space: &TypeSpace, fields: &[Field]) -> bool {
    fields
        .iter()
        .all(|f| !f.required || has_default(space, &f.ty))
}

fn has_default(space: &TypeSpace, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(id) => match &space.get(*id).kind {
            TypeKind::Struct(s) => s.derive_default,
            TypeKind::Enum(_)
            | TypeKind::Union(_)
            | TypeKind::Newtype(_)
            | TypeKind::Tuple(_)
            | TypeKind::Headers(_)
            | TypeKind::FilePart
            | TypeKind::Request(_)
            | TypeKind::Response(_) => false,
            TypeKind::Alias(target) => has_default(space, target),
        },
        TypeRef::Boxed(inner) => has_default(space, inner),
        TypeRef::Strict(strict) => strict.has_default(),
        _ => true,
    }
}
