//! The dedup pass: an operation with several request content types gets the same response
//! types once per variant. Where a variant's types are structurally identical to the primary
//! variant's, they become `pub type` aliases of them: every name still resolves, and the crate
//! compiles one struct instead of two.

use crate::ir::{TypeId, TypeKind, TypeRef, TypeSpace};

pub fn alias_variant_twins(space: &mut TypeSpace) {
    let mut pairs = Vec::new();
    for operation in &space.operations {
        let Some((primary, others)) = operation.variants.split_first() else {
            continue;
        };
        for other in others {
            for (&twin, &original) in other.roots.iter().zip(&primary.roots) {
                if same_type(space, twin, original) {
                    collect_pairs(space, twin, original, &mut pairs);
                }
            }
        }
    }
    for (twin, original) in pairs {
        space.get_mut(twin).kind = TypeKind::Alias(TypeRef::Named(original));
    }
}

/// Structural equality: same kind, same docs, same fields or values, and nested types equal in
/// turn. Names are not compared: twins differ exactly in their variant prefix.
fn same_type(space: &TypeSpace, a: TypeId, b: TypeId) -> bool {
    if a == b {
        return true;
    }
    let (da, db) = (space.get(a), space.get(b));
    if da.docs != db.docs || da.module != db.module {
        return false;
    }
    match (&da.kind, &db.kind) {
        (TypeKind::Struct(sa), TypeKind::Struct(sb)) => {
            sa.fields.len() == sb.fields.len()
                && sa.fields.iter().zip(&sb.fields).all(|(fa, fb)| {
                    fa.json_name == fb.json_name
                        && fa.required == fb.required
                        && fa.docs == fb.docs
                        && same_ref(space, &fa.ty, &fb.ty)
                })
        }
        (TypeKind::Enum(ea), TypeKind::Enum(eb)) => {
            ea.variants.len() == eb.variants.len()
                && ea
                    .variants
                    .iter()
                    .zip(&eb.variants)
                    .all(|(va, vb)| va.value == vb.value)
        }
        (TypeKind::Alias(ra), TypeKind::Alias(rb)) => same_ref(space, ra, rb),
        _ => false,
    }
}

fn same_ref(space: &TypeSpace, a: &TypeRef, b: &TypeRef) -> bool {
    match (a, b) {
        (TypeRef::Named(x), TypeRef::Named(y)) => same_type(space, *x, *y),
        (TypeRef::Vec(x), TypeRef::Vec(y)) => same_ref(space, x, y),
        _ => a == b,
    }
}

/// Pairs every named type reachable from `twin` with its counterpart under `original`.
fn collect_pairs(
    space: &TypeSpace,
    twin: TypeId,
    original: TypeId,
    pairs: &mut Vec<(TypeId, TypeId)>,
) {
    if twin == original {
        return;
    }
    pairs.push((twin, original));
    let refs = |id: TypeId| -> Vec<&TypeRef> {
        match &space.get(id).kind {
            TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
            TypeKind::Alias(r) => vec![r],
            TypeKind::Enum(_) => Vec::new(),
        }
    };
    for (ra, rb) in refs(twin).into_iter().zip(refs(original)) {
        if let (Some(a), Some(b)) = (named_in(ra), named_in(rb)) {
            collect_pairs(space, a, b, pairs);
        }
    }
}

fn named_in(r: &TypeRef) -> Option<TypeId> {
    match r {
        TypeRef::Named(id) => Some(*id),
        TypeRef::Vec(inner) => named_in(inner),
        _ => None,
    }
}
