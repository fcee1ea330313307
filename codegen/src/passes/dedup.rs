//! The dedup pass: an operation with several request content types gets its response types
//! once per variant. Where a variant's types are structurally identical to the primary
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

/// Structural equality: same kind, same docs, same fields, values or alternatives, and nested
/// types equal in turn. Names are not compared: twins differ exactly in their variant prefix.
/// Types reached through component references compare by identity, so this never loops.
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
            let extra = |s: &crate::ir::StructDef| s.extra.as_ref().map(|e| e.ty.clone());
            same_option(space, extra(sa).as_ref(), extra(sb).as_ref())
                && sa.fields.len() == sb.fields.len()
                && sa.fields.iter().zip(&sb.fields).all(|(fa, fb)| {
                    fa.json_name == fb.json_name
                        && fa.required == fb.required
                        && fa.docs == fb.docs
                        && same_ref(space, &fa.ty, &fb.ty)
                })
        }
        (TypeKind::Enum(ea), TypeKind::Enum(eb)) => {
            ea.repr == eb.repr
                && ea.variants.len() == eb.variants.len()
                && ea
                    .variants
                    .iter()
                    .zip(&eb.variants)
                    .all(|(va, vb)| va.value == vb.value)
        }
        (TypeKind::Union(ua), TypeKind::Union(ub)) => {
            ua.discriminator == ub.discriminator
                && ua.variants.len() == ub.variants.len()
                && ua.variants.iter().zip(&ub.variants).all(|(va, vb)| {
                    va.name_hint == vb.name_hint
                        && va.tags == vb.tags
                        && same_ref(space, &va.ty, &vb.ty)
                })
        }
        (TypeKind::Alias(ra), TypeKind::Alias(rb))
        | (TypeKind::Newtype(ra), TypeKind::Newtype(rb)) => same_ref(space, ra, rb),
        _ => false,
    }
}

fn same_ref(space: &TypeSpace, a: &TypeRef, b: &TypeRef) -> bool {
    match (a, b) {
        (TypeRef::Named(x), TypeRef::Named(y)) => {
            // Component types are shared, never twins: only the very same one is equal.
            let shared = |id: &TypeId| space.get(*id).module == crate::ir::Module::Components;
            if shared(x) || shared(y) {
                x == y
            } else {
                same_type(space, *x, *y)
            }
        }
        (TypeRef::Vec(x), TypeRef::Vec(y))
        | (TypeRef::Map(x), TypeRef::Map(y))
        | (TypeRef::Nullable(x), TypeRef::Nullable(y))
        | (TypeRef::Boxed(x), TypeRef::Boxed(y)) => same_ref(space, x, y),
        _ => a == b,
    }
}

fn same_option(space: &TypeSpace, a: Option<&TypeRef>, b: Option<&TypeRef>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_ref(space, a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Pairs every named type reachable from `twin` with its counterpart under `original`.
fn collect_pairs(
    space: &TypeSpace,
    twin: TypeId,
    original: TypeId,
    pairs: &mut Vec<(TypeId, TypeId)>,
) {
    if twin == original || space.get(twin).module == crate::ir::Module::Components {
        return;
    }
    pairs.push((twin, original));
    let named = |id: TypeId| -> Vec<TypeId> {
        let mut out = Vec::new();
        space
            .get(id)
            .for_each_ref(|r| r.for_each_named(&mut |n| out.push(n)));
        out
    };
    // Twins have the same shape, so their references pair up in order.
    for (a, b) in named(twin).into_iter().zip(named(original)) {
        collect_pairs(space, a, b, pairs);
    }
}
