//! Type names: each type's [`NameHint`](crate::ir::NameHint) made a unique Rust name, by the
//! rules of the seed's generator.
//!
//! - A type whose schema names itself (`x-speakeasy-name-override`, `title`, `$anchor`) takes
//!   that name where it is free.
//! - The shortest name: a nested type that no other nested type of its module wants the base
//!   of takes the base alone, where it is free once the others are named (`keys` items are
//!   `Key`).
//! - Otherwise a type is `{scope}{base}`. Within one operation variant, the nested types that
//!   want the same name are *contenders*. The name goes to the one nearest the body (fewest
//!   enclosing types) when it alone is that near and all contenders are on one side (request
//!   or response). Every other contender takes a prefix from its context: first an enclosing
//!   type that no other contender is inside (`grant.authorizationDetails.elements` items are
//!   `…GrantElement` beside the `authorizationDetails.elements` items that keep `…Element`),
//!   outermost first, then the others. A contender directly under its body, or in the same
//!   context as one on the other side, takes its side instead (`…ApplicationTypeRequest`,
//!   `…ApplicationTypeResponse`), with a context prefix where that is taken
//!   (`…SupportedScopeAttributeRequest`). Contenders nearest the body choose first.
//! - A name still taken is told apart by the parent's short name, and only then numbered,
//!   with a warning.
//!
//! Names are unique within their module (components, operations), case aside, as the seed's
//! generator keeps its folders apart.

use super::placement::{self, Side};
use crate::error::{Diagnostic, Kind};
use crate::ir::{Module, TypeId, TypeSpace};
use crate::naming::{self, UniqueNames};
use indexmap::IndexMap;

pub fn assign(space: &mut TypeSpace, label: &str) -> Vec<Diagnostic> {
    let places = placement::of_every_type(space);
    let side_of = |id: TypeId| places[id.0].map(|p| p.side);
    let contexts: Vec<Vec<&str>> = space.ids().map(|id| context(space, id)).collect();
    let wanted: Vec<String> = space
        .types
        .iter()
        .map(|def| naming::type_name(&format!("{}{}", def.hint.scope, def.hint.base)))
        .collect();
    let contender = |id: TypeId| {
        let def = space.get(id);
        def.module == Module::Operations && def.hint.parent.is_some()
    };
    // Contenders of one variant only: two operations whose ids differ in case alone share a
    // scope, but not their types' rules.
    let mut groups: IndexMap<(&str, Option<usize>), Vec<TypeId>> = IndexMap::new();
    for id in space.ids().filter(|&id| contender(id)) {
        groups
            .entry((wanted[id.0].as_str(), places[id.0].map(|p| p.variant)))
            .or_default()
            .push(id);
    }
    // Which contenders give up the plain name, and which of them share their whole context
    // with another contender (so that only their side tells them apart).
    let mut renamed = vec![false; space.types.len()];
    let mut twinned = vec![false; space.types.len()];
    // Each renamed contender's context segments in the order it tries them: first those no
    // other contender's context has (they tell it apart), then the rest, outermost first.
    let mut segments: Vec<Vec<&str>> = vec![Vec::new(); space.types.len()];
    for ids in groups.values().filter(|ids| ids.len() > 1) {
        for id in ids {
            let others = || ids.iter().filter(move |other| *other != id);
            twinned[id.0] = others().any(|other| contexts[other.0] == contexts[id.0]);
            let shared = |segment: &&str| others().any(|o| contexts[o.0].contains(segment));
            let (common, own): (Vec<&str>, Vec<&str>) =
                contexts[id.0].iter().copied().partition(|s| shared(s));
            segments[id.0] = own.into_iter().chain(common).collect();
        }
        let both_sides = [Side::Request, Side::Response]
            .iter()
            .all(|side| ids.iter().any(|id| side_of(*id) == Some(*side)));
        let nearest = ids.iter().map(|id| contexts[id.0].len()).min().unwrap_or(0);
        let at_nearest = ids
            .iter()
            .filter(|id| contexts[id.0].len() == nearest)
            .count();
        for id in ids {
            let keeps = !both_sides && at_nearest == 1 && contexts[id.0].len() == nearest;
            renamed[id.0] = !keeps;
        }
    }
    let alone = alone_with_their_base(space);
    // Components in arena order, then each scope's types nearest the body first; in each
    // module the types that may go by their base alone come last, so that a shortened name
    // never takes a name some other type is built to have.
    let mut order: Vec<TypeId> = space.ids().collect();
    let mut first_of_scope: IndexMap<&str, usize> = IndexMap::new();
    for id in space.ids() {
        first_of_scope
            .entry(space.get(id).hint.scope.as_str())
            .or_insert(id.0);
    }
    order.sort_by_key(|id| {
        let def = space.get(*id);
        let last = usize::from(alone[id.0]);
        match def.module {
            Module::Components => (0, last, id.0, 0, 0),
            Module::Operations => (
                1,
                last,
                first_of_scope[def.hint.scope.as_str()],
                contexts[id.0].len(),
                id.0,
            ),
        }
    });
    // Names are unique within a module: `models::operations::CreatePetRequest` and
    // `models::components::CreatePetRequest` are two paths (and two page folders).
    let mut taken_in = [UniqueNames::default(), UniqueNames::default()];
    let mut short: Vec<String> = space.types.iter().map(|d| d.hint.base.clone()).collect();
    let mut names: Vec<String> = vec![String::new(); space.types.len()];
    let mut warnings = Vec::new();
    for id in order {
        let taken = &mut taken_in[match space.get(id).module {
            Module::Components => 0,
            Module::Operations => 1,
        }];
        let hint = &space.get(id).hint;
        // Named after their parents, once those have their names (below).
        if hint.after_parent {
            continue;
        }
        let scoped = |own: &str| naming::type_name(&format!("{}{own}", hint.scope));
        let mut own = hint.base.clone();
        // The name the schema gives itself, where it is free; else the name from context.
        let preferred = hint
            .preferred
            .as_deref()
            .map(naming::type_name)
            .filter(|name| !taken.is_taken(name));
        // Else, for a nested type no other one in its module wants the base of, the base
        // alone (the shortest name its context gives), where free.
        let bare =
            Some(naming::type_name(&hint.base)).filter(|name| alone[id.0] && !taken.is_taken(name));
        if let Some(name) = preferred.or(bare) {
            taken.claim_numbered(&name, "");
            short[id.0] = name.clone();
            names[id.0] = name;
            continue;
        }
        if renamed[id.0] {
            let suffix = side_of(id).map_or("", Side::suffix);
            let prefixed = |end: &str| -> Vec<String> {
                segments[id.0]
                    .iter()
                    .map(|segment| format!("{segment}{}{end}", hint.base))
                    .collect()
            };
            let mut candidates = Vec::new();
            if twinned[id.0] || contexts[id.0].is_empty() {
                // Only the side tells it apart: the side first, then context and side.
                if !suffix.is_empty() {
                    candidates.push(format!("{}{suffix}", hint.base));
                    candidates.extend(prefixed(suffix));
                }
            } else {
                candidates.extend(prefixed(""));
            }
            if let Some(free) = candidates.into_iter().find(|c| !taken.is_taken(&scoped(c))) {
                own = free;
            }
        }
        let mut name = scoped(&own);
        if taken.is_taken(&name) {
            if let Some(parent) = hint.parent {
                own = format!("{}{}", short[parent.0], hint.base);
                name = scoped(&own);
            }
        }
        let unique = taken.claim_numbered(&name, "");
        if unique != name {
            warnings.push(
                Diagnostic::warning(
                    Kind::NameCollision,
                    label,
                    format!("the type name `{name}` is taken by another type; naming this one `{unique}`"),
                )
                .at(&space.get(id).pointer)
                .hint("give the operations, schemas or properties names that differ in more than case and punctuation"),
            );
        }
        short[id.0] = own;
        names[id.0] = unique;
    }
    // A body that is its variant's request (see `RequestDef::body_is_request`) goes by the
    // request's name; the request type is emitted as its impl.
    for (request, body) in space.requests_that_are_bodies() {
        names[body.0] = names[request.0].clone();
    }
    // A file of a multipart body is `{Parent}{Property}` (`RotatePDFRequestFileInput`).
    for id in space.ids().filter(|&id| space.get(id).hint.after_parent) {
        let def = space.get(id);
        let name = match def.hint.parent {
            // The parent's name is a type name already; the base is PascalCase.
            Some(parent) => format!("{}{}", names[parent.0], def.hint.base),
            None => naming::type_name(&def.hint.base),
        };
        let taken = &mut taken_in[match def.module {
            Module::Components => 0,
            Module::Operations => 1,
        }];
        let unique = taken.claim_numbered(&name, "");
        if unique != name {
            warnings.push(
                Diagnostic::warning(
                    Kind::NameCollision,
                    label,
                    format!("the type name `{name}` is taken by another type; naming this one `{unique}`"),
                )
                .at(&def.pointer),
            );
        }
        names[id.0] = unique;
    }
    for (def, name) in space.types.iter_mut().zip(names) {
        def.name = name;
    }
    warnings
}

/// For each type, whether it is nested (in a component or a body), names no name of its
/// own, and is the only such type of its module whose base makes that type name (case
/// aside): the seed's generator then calls it by its base alone (`keys` items are `Key`),
/// and gives every type of a base several want the prefix of its context.
fn alone_with_their_base(space: &TypeSpace) -> Vec<bool> {
    let candidate = |id: TypeId| {
        let hint = &space.get(id).hint;
        hint.parent.is_some() && hint.preferred.is_none()
    };
    // Each candidate's module and wanted name, case aside.
    let keys: Vec<Option<(Module, String)>> = space
        .ids()
        .map(|id| {
            let def = space.get(id);
            let name = naming::type_name(&def.hint.base).to_ascii_lowercase();
            candidate(id).then_some((def.module, name))
        })
        .collect();
    let mut wanting: IndexMap<&(Module, String), usize> = IndexMap::new();
    for key in keys.iter().flatten() {
        *wanting.entry(key).or_default() += 1;
    }
    keys.iter()
        .map(|key| key.as_ref().is_some_and(|key| wanting[key] == 1))
        .collect()
}

/// The name parts of the types enclosing `id` below its body (or component), outermost first.
fn context(space: &TypeSpace, id: TypeId) -> Vec<&str> {
    let mut chain = Vec::new();
    let mut current = space.get(id).hint.parent;
    while let Some(parent) = current {
        let def = space.get(parent);
        // The body itself (which has no parent) names the scope, not the context.
        if def.hint.parent.is_none() || chain.len() > space.types.len() {
            break;
        }
        chain.push(def.hint.base.as_str());
        current = def.hint.parent;
    }
    chain.reverse();
    chain
}
