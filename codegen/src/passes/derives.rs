//! Derive inference: which structs and requests can derive `Default`.

use crate::ir::{Field, TypeKind, TypeRef, TypeSpace};

/// A struct derives `Default` when each field is optional or of a type with a default. Computed
/// as a least fixpoint: no struct can until shown otherwise, then structs whose required fields
/// all have defaults are added until nothing changes. A struct that requires itself (through a
/// box) never qualifies, since its default would never end.
///
/// A request derives it by the same rule (so that a caller can write `..Default::default()`
/// for the parameters it leaves out), once the structs it holds are settled. The result is the
/// type space's `derives_default` table.
pub fn infer_default(space: &mut TypeSpace) {
    let mut derives = vec![false; space.types.len()];
    loop {
        let mut changed = false;
        for id in space.ids() {
            let TypeKind::Struct(s) = &space.get(id).kind else {
                continue;
            };
            if !derives[id.0] && fields_have_defaults(space, &derives, &s.fields) {
                derives[id.0] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for id in space.ids() {
        if let TypeKind::Request(r) = &space.get(id).kind {
            derives[id.0] = fields_have_defaults(space, &derives, r.fields());
        }
    }
    space.derives_default = derives;
}

/// Whether each field is optional or of a type with a default, `derives` saying which structs
/// derive it so far.
fn fields_have_defaults<'f>(
    space: &TypeSpace,
    derives: &[bool],
    fields: impl IntoIterator<Item = &'f Field>,
) -> bool {
    fields
        .into_iter()
        .all(|f| !f.required || has_default(space, derives, &f.ty))
}

fn has_default(space: &TypeSpace, derives: &[bool], ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(id) => match &space.get(*id).kind {
            TypeKind::Struct(_) => derives[id.0],
            TypeKind::Enum(_)
            | TypeKind::Union(_)
            | TypeKind::Newtype(_)
            | TypeKind::Tuple(_)
            | TypeKind::Headers(_)
            | TypeKind::FilePart
            | TypeKind::Request(_)
            | TypeKind::Response(_) => false,
            TypeKind::Alias(target) => has_default(space, derives, target),
        },
        TypeRef::Boxed(inner) => has_default(space, derives, inner),
        TypeRef::Strict(strict) => strict.has_default(),
        _ => true,
    }
}
