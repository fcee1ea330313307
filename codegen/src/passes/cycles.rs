//! Cycle breaking: references between component schemas may loop (a tree node holding its
//! children, a person holding their manager). Rust needs a heap indirection wherever a type
//! would contain itself by value, and does not allow a type alias to refer to itself at all.

use crate::error::{Diagnostic, Kind};
use crate::ir::{TypeId, TypeKind, TypeRef, TypeSpace};

pub fn break_cycles(space: &mut TypeSpace, label: &str) -> Vec<Diagnostic> {
    let warnings = turn_self_referring_aliases_into_newtypes(space, label);
    box_by_value_cycles(space);
    box_union_structs(space);
    warnings
}

/// A union that is one of its own alternatives, directly or through other unions (`X: anyOf:
/// [$ref X, string]`), reads a value by trying that alternative, which reads the same value by
/// trying it again: without end, in the examples pass and in the generated crate. Each such
/// alternative is left out, with a warning; a union left with none describes no value and
/// becomes `serde_json::Value`. Runs before naming, which then names what is left.
pub fn drop_alternatives_that_are_their_union(
    space: &mut TypeSpace,
    label: &str,
) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for id in space.ids() {
        // Whether an alternative leads back does not depend on the union's other
        // alternatives (a way back ends where it reaches the union), so they are found at once.
        let looping = alternatives_leading_back(space, id);
        if looping.is_empty() {
            continue;
        }
        let def = space.get_mut(id);
        let TypeKind::Union(u) = &mut def.kind else {
            continue;
        };
        let hints: Vec<String> = looping
            .iter()
            .rev()
            .map(|&i| u.variants.remove(i).name_hint)
            .collect();
        let empty = u.variants.is_empty();
        for (&index, hint) in looping.iter().zip(hints.iter().rev()) {
            let message = format!(
                "alternative {} of this union (`{hint}`) leads back to the union without reading any deeper into the value, so reading would try it without end; left out{}",
                index + 1,
                if empty {
                    ", and with no other alternative the union describes no value: typed as `serde_json::Value`"
                } else {
                    ": the union reads what its other alternatives read"
                }
            );
            warnings.push(Diagnostic::warning(Kind::Schema, label, message).at(&def.pointer));
        }
        if empty {
            def.kind = TypeKind::Alias(TypeRef::Json);
        }
    }
    warnings
}

/// The alternatives of the union `id` that lead back to it, in order (none for another kind).
fn alternatives_leading_back(space: &TypeSpace, id: TypeId) -> Vec<usize> {
    let TypeKind::Union(u) = &space.get(id).kind else {
        return Vec::new();
    };
    let leads_back =
        |ty: &TypeRef| same_value_target(space, ty).is_some_and(|t| union_reaches(space, t, id));
    (0..u.variants.len())
        .filter(|&i| leads_back(&u.variants[i].ty))
        .collect()
}

/// The named type that reads the same value as `ty`: through `null`, boxes, aliases and
/// newtypes, none of which reads deeper into the value.
fn same_value_target(space: &TypeSpace, ty: &TypeRef) -> Option<TypeId> {
    let mut ty = ty;
    for _ in 0..=space.types.len() {
        match ty {
            TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => ty = inner,
            TypeRef::Named(id) => {
                let id = space.resolve_alias(*id);
                match &space.get(id).kind {
                    TypeKind::Newtype(inner) => ty = inner,
                    _ => return Some(id),
                }
            }
            _ => return None,
        }
    }
    None
}

/// Whether the union `goal` is reached from the type `from` through union alternatives that
/// read the same value.
fn union_reaches(space: &TypeSpace, from: TypeId, goal: TypeId) -> bool {
    let mut seen = vec![false; space.types.len()];
    let mut stack = vec![from];
    while let Some(at) = stack.pop() {
        if at == goal {
            return true;
        }
        if std::mem::replace(&mut seen[at.0], true) {
            continue;
        }
        if let TypeKind::Union(u) = &space.get(at).kind {
            stack.extend(
                u.variants
                    .iter()
                    .filter_map(|v| same_value_target(space, &v.ty)),
            );
        }
    }
    false
}

/// A union is as large as its largest alternative; struct alternatives are boxed so that a
/// union of large structs stays one pointer wide (and clippy's `large_enum_variant` holds).
fn box_union_structs(space: &mut TypeSpace) {
    for id in space.ids() {
        let TypeKind::Union(u) = &space.get(id).kind else {
            continue;
        };
        let aggregate: Vec<bool> = u
            .variants
            .iter()
            .map(|v| match &v.ty {
                TypeRef::Named(target) => is_aggregate(space, *target),
                TypeRef::Nullable(inner) => {
                    matches!(**inner, TypeRef::Named(target) if is_aggregate(space, target))
                }
                _ => false,
            })
            .collect();
        if let TypeKind::Union(u) = &mut space.get_mut(id).kind {
            for (variant, aggregate) in u.variants.iter_mut().zip(aggregate) {
                if aggregate {
                    box_in(&mut variant.ty, &|_| true);
                }
            }
        }
    }
}

/// Whether a type is (an alias of) a struct, union or newtype, rather than a small enum.
fn is_aggregate(space: &TypeSpace, id: TypeId) -> bool {
    matches!(
        space.get(space.resolve_alias(id)).kind,
        TypeKind::Struct(_) | TypeKind::Union(_) | TypeKind::Newtype(_) | TypeKind::Tuple(_)
    )
}

/// `pub type A = Vec<A>;` does not compile; `pub struct A(pub Vec<A>);` does, and serializes the
/// same with `#[serde(transparent)]`. An alias that is itself with nothing around it
/// (`A: {$ref: A}`, or `A` → `B` → `A`) describes no value at all: it becomes
/// `serde_json::Value`, with a warning, rather than a type whose reading never ends.
fn turn_self_referring_aliases_into_newtypes(
    space: &mut TypeSpace,
    label: &str,
) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for id in space.ids() {
        if !matches!(space.get(id).kind, TypeKind::Alias(_)) || !alias_reaches(space, id, id, false)
        {
            continue;
        }
        let degenerate = alias_reaches_by_value(space, id);
        let name = space.name(id).to_owned();
        let def = space.get_mut(id);
        if degenerate {
            def.kind = TypeKind::Alias(TypeRef::Json);
            warnings.push(
                Diagnostic::warning(
                    Kind::Schema,
                    label,
                    format!("`{name}` is defined as itself, which describes no value; typed as `serde_json::Value`"),
                )
                .at(&def.pointer),
            );
        } else if let TypeKind::Alias(target) = &def.kind {
            def.kind = TypeKind::Newtype(target.clone());
        }
    }
    warnings
}

/// Whether the alias `id` reaches itself through aliases and `null`able references alone, with
/// no array or map on the way: a definition with no base case.
fn alias_reaches_by_value(space: &TypeSpace, id: TypeId) -> bool {
    alias_reaches(space, id, id, true)
}

/// Whether `goal` is reachable from the alias `from` through aliases only; with `by_value`,
/// only through references held by value (directly or as `Option`).
fn alias_reaches(space: &TypeSpace, from: TypeId, goal: TypeId, by_value_only: bool) -> bool {
    // A set, not a flag per type: this runs for every alias, and alias chains are short, so a
    // per-call array the size of the whole type space made the pass quadratic.
    let mut seen = indexmap::IndexSet::new();
    let mut stack = vec![from];
    while let Some(id) = stack.pop() {
        let TypeKind::Alias(target) = &space.get(id).kind else {
            continue;
        };
        let mut next_ids = Vec::new();
        if by_value_only {
            by_value(target, &mut next_ids);
        } else {
            target.for_each_named(&mut |next| next_ids.push(next));
        }
        for next in next_ids {
            if next == goal {
                return true;
            }
            if seen.insert(next) {
                stack.push(next);
            }
        }
    }
    false
}

/// The types `ty` holds by value: through `Option`, but not through `Vec`, maps or `Box`,
/// which already live on the heap.
fn by_value(ty: &TypeRef, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(id) => out.push(*id),
        TypeRef::Nullable(inner) => by_value(inner, out),
        _ => {}
    }
}

/// Boxes every by-value reference from a struct, union or newtype to a type in its own strongly
/// connected component. Every cycle passes through at least one such reference, since aliases
/// alone cannot form one any more.
fn box_by_value_cycles(space: &mut TypeSpace) {
    let edges: Vec<Vec<TypeId>> = space
        .types
        .iter()
        .map(|def| {
            let mut out = Vec::new();
            def.for_each_ref(|r| by_value(r, &mut out));
            out
        })
        .collect();
    let component = strongly_connected(&edges);
    // Only actual edges are asked about, so sharing a component means lying on a cycle.
    let in_cycle = |from: usize, to: TypeId| component[from] == component[to.0];
    for id in space.ids() {
        let mine = id.0;
        let boxable = |r: &mut TypeRef| box_in(r, &|to| in_cycle(mine, to));
        match &mut space.get_mut(id).kind {
            TypeKind::Struct(s) => s.fields.iter_mut().for_each(|f| boxable(&mut f.ty)),
            TypeKind::Union(u) => u.variants.iter_mut().for_each(|v| boxable(&mut v.ty)),
            TypeKind::Newtype(target) => boxable(target),
            TypeKind::Tuple(t) => t.items.iter_mut().for_each(boxable),
            // Header values are scalars and lists: nothing holds a header type; a file part
            // holds bytes.
            TypeKind::Headers(_) | TypeKind::FilePart => {}
            // Nothing refers to a request or a response type, so neither lies on a cycle.
            TypeKind::Alias(_)
            | TypeKind::Enum(_)
            | TypeKind::Request(_)
            | TypeKind::Response(_) => {}
        }
    }
}

fn box_in(ty: &mut TypeRef, in_cycle: &dyn Fn(TypeId) -> bool) {
    match ty {
        TypeRef::Named(id) if in_cycle(*id) => *ty = TypeRef::Boxed(Box::new(TypeRef::Named(*id))),
        TypeRef::Nullable(inner) => box_in(inner, in_cycle),
        _ => {}
    }
}

/// Tarjan's algorithm, iterative so that a long chain of types cannot overflow the stack.
/// Returns the component index of each node.
fn strongly_connected(edges: &[Vec<TypeId>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![UNSEEN; n];
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // Each frame: the node and how many of its edges have been followed.
        let mut frames = vec![(root, 0usize)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut edge)) = frames.last_mut() {
            if let Some(&TypeId(next)) = edges[node].get(*edge) {
                *edge += 1;
                if index[next] == UNSEEN {
                    index[next] = next_index;
                    low[next] = next_index;
                    next_index += 1;
                    stack.push(next);
                    on_stack[next] = true;
                    frames.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_of_a_small_graph() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 3 is a self-loop; 4 stands alone.
        let edges = vec![
            vec![TypeId(1)],
            vec![TypeId(2)],
            vec![TypeId(0), TypeId(3)],
            vec![TypeId(3)],
            vec![],
        ];
        let c = strongly_connected(&edges);
        assert!(c[0] == c[1] && c[1] == c[2]);
        assert!(c[3] != c[0] && c[4] != c[0] && c[4] != c[3]);
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let n = 200_000;
        let edges: Vec<Vec<TypeId>> = (0..n)
            .map(|i| {
                if i + 1 < n {
                    vec![TypeId(i + 1)]
                } else {
                    vec![TypeId(0)]
                }
            })
            .collect();
        let c = strongly_connected(&edges);
        assert!(c.iter().all(|&x| x == c[0]));
    }
}
