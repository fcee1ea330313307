//! The shared-errors pass: an error body that several operations document identically (after
//! dedup, the same type) becomes one type named by its status, `BadRequestError`,
//! `UnauthorizedError`, ..., and each operation's own name for it an alias, so that code
//! written against either name compiles.
//!
//! The rule: for each error status (4xx, 5xx, a range of them, `default`) in the order the
//! responses were lowered, the bodies of that status are grouped by the type they stand for in
//! the end. A group from two operations or more, whose type is an operation type used by no
//! success response, is shared under the status's name if no earlier group of that name was:
//! the first such group takes the definition over, and a later status whose bodies are that
//! same type becomes an alias of it. Component types keep their spec names and are left alone.
//!
//! The pass runs before the types are named: what it decides is a relation between types (the
//! bodies and the one they now stand for), and the shared types it adds are handed to the
//! type-name pass, which gives them their status names before any other operation type is
//! named.

use crate::ir::{
    MemberNames, Module, NameHint, ResponseBody, StatusKey, TypeDef, TypeId, TypeKind, TypeRef,
    TypeSpace,
};
use indexmap::IndexSet;
use std::collections::BTreeMap;

/// Shares the error bodies by the rule above; returns the shared types it added, in order.
pub fn share_error_bodies(space: &mut TypeSpace) -> Vec<TypeId> {
    let mut success = IndexSet::new();
    // (status, the type it stands for) → the group of bodies documenting it.
    let mut groups: BTreeMap<(usize, TypeId), Group> = BTreeMap::new();
    let mut order: Vec<StatusKey> = Vec::new();
    for def in &space.types {
        let TypeKind::Response(r) = &def.kind else {
            continue;
        };
        for case in &r.cases {
            let ResponseBody::Json(TypeRef::Named(body)) = &case.body else {
                continue;
            };
            let target = space.resolve_alias(*body);
            if !is_error(case.status) {
                success.insert(target);
                continue;
            }
            let rank = match order.iter().position(|s| *s == case.status) {
                Some(rank) => rank,
                None => {
                    order.push(case.status);
                    order.len() - 1
                }
            };
            let group = groups.entry((rank, target)).or_insert_with(|| Group {
                status: case.status,
                operations: IndexSet::new(),
                bodies: Vec::new(),
            });
            group.operations.insert(def.pointer.clone());
            group.bodies.push(*body);
        }
    }
    // The shared names given so far: one group per name.
    let mut taken: IndexSet<String> = IndexSet::new();
    let mut added: Vec<TypeId> = Vec::new();
    let mut created: IndexSet<TypeId> = IndexSet::new();
    for ((_, target), group) in groups {
        let status = group.status;
        if group.operations.len() < 2 || success.contains(&target) {
            continue;
        }
        let target = space.resolve_alias(target);
        if space.get(target).module == Module::Components {
            continue;
        }
        let name = shared_name(status);
        if !taken.insert(name.to_ascii_lowercase()) {
            continue;
        }
        let original = space.get(target);
        // The shared type is documented as its first body: that body's place and words.
        let first = space.get(group.bodies[0]);
        let (docs, pointer) = (
            first.docs.clone().or_else(|| original.docs.clone()),
            first.pointer.clone(),
        );
        // A type already shared under another status's name is aliased, not copied.
        let already_shared = created.contains(&target);
        let kind = if already_shared {
            TypeKind::Alias(TypeRef::Named(target))
        } else {
            original.kind.clone()
        };
        let shared = TypeDef {
            hint: NameHint {
                scope: String::new(),
                base: name,
                parent: None,
                preferred: None,
                after_parent: false,
                position: None,
            },
            module: Module::Operations,
            docs,
            pointer,
            kind,
        };
        let id = space.add(shared);
        added.push(id);
        // The shared type takes the original's members and their names with its kind; the
        // original, now an alias, has none.
        assert_eq!(
            space.member_names.len(),
            id.0,
            "every earlier type has its members' names"
        );
        let members = if already_shared {
            MemberNames::default()
        } else {
            std::mem::take(&mut space.member_names[target.0])
        };
        space.member_names.push(members);
        if !already_shared {
            space.get_mut(target).kind = TypeKind::Alias(TypeRef::Named(id));
            created.insert(id);
        }
        // Each operation's name for the body says what it is now: an alias of the shared one.
        for body in group.bodies {
            if matches!(space.get(body).kind, TypeKind::Alias(TypeRef::Named(_))) {
                space.get_mut(body).kind = TypeKind::Alias(TypeRef::Named(id));
            }
        }
    }
    added
}

struct Group {
    status: StatusKey,
    /// The operations documenting it, by the pointer of their responses.
    operations: IndexSet<String>,
    /// The body types, one per documenting case, in order.
    bodies: Vec<TypeId>,
}

fn is_error(status: StatusKey) -> bool {
    match status {
        StatusKey::Code(code) => code >= 400,
        StatusKey::Range(digit) => digit >= 4,
        StatusKey::Default => true,
    }
}

/// The name of a status's shared error body: its reason phrase and `Error`, unless the phrase
/// already says it (`InternalServerError`).
pub fn shared_name(status: StatusKey) -> String {
    let phrase = crate::naming::status_variant(status);
    if phrase.ends_with("Error") {
        phrase
    } else {
        format!("{phrase}Error")
    }
}
