//! Type names: each type's [`NameHint`](crate::ir::NameHint) made a unique Rust name, by the
//! rules of the seed's generator.
//!
//! - A type named by a rule of its own before naming (the shared error bodies, named by their
//!   status) has that name, given before any other type of its module is named.
//! - A type whose schema names itself (`x-speakeasy-name-override`, `title`, `$anchor`) takes
//!   that name where it is free.
//! - A union's alternative (or the items of an array alternative) that no other type of its
//!   module wants the word of takes its position's word, where it is free once the others are
//!   named (the enum that is the first alternative of `function_call` is `One`).
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

use super::placement::{self, Place, Side};
use crate::error::{Diagnostic, Kind};
use crate::ir::{Module, NameHint, TypeId, TypeSpace};
use crate::naming::{self, UniqueNames};
use indexmap::IndexMap;

/// What the rules read of one type: its module, the raw material of its name, and where it
/// sits (the variant and side of the body it is nested in).
#[derive(Debug, Clone, Copy)]
pub struct Wanted<'a> {
    pub module: Module,
    pub hint: &'a NameHint,
    pub place: Option<Place>,
    /// Its base is its whole name, given before any other type of its module is named (a
    /// shared error body: see [`super::shared_errors`]).
    pub reserved: bool,
}

/// A type that could not have the name it wanted and was numbered instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    pub id: TypeId,
    pub wanted: String,
    pub given: String,
    /// Named after its parent (a file part), which the spec's author cannot rename alone.
    pub after_parent: bool,
}

/// Names every type of `space` by [`unique_names`], the `reserved` ones first, with a warning
/// for each one numbered.
pub fn assign(space: &mut TypeSpace, reserved: &[TypeId], label: &str) -> Vec<Diagnostic> {
    let places = placement::of_every_type(space);
    let types: Vec<Wanted> = space
        .ids()
        .zip(&places)
        .map(|(id, place)| Wanted {
            module: space.get(id).module,
            hint: &space.get(id).hint,
            place: *place,
            reserved: reserved.contains(&id),
        })
        .collect();
    let shared: Vec<(TypeId, TypeId)> = space.requests_that_are_bodies().collect();
    let (names, numbered) = unique_names(&types, &shared);
    let warnings = numbered
        .into_iter()
        .map(|n| {
            let warning = Diagnostic::warning(
                Kind::NameCollision,
                label,
                format!(
                    "the type name `{}` is taken by another type; naming this one `{}`",
                    n.wanted, n.given
                ),
            )
            .at(&space.get(n.id).pointer);
            if n.after_parent {
                warning
            } else {
                warning.hint("give the operations, schemas or properties names that differ in more than case and punctuation")
            }
        })
        .collect();
    space.type_names = names;
    warnings
}

/// The name of each of `types` (in arena order, a type's id being its index), by the rules
/// above, and the types numbered for want of a free name, in the order they were named.
/// `shared` pairs a request with the body that is it (see `RequestDef::body_is_request`): the
/// body goes by the request's name. A pure function of its input: the same types in the same
/// order give the same names.
pub fn unique_names(types: &[Wanted], shared: &[(TypeId, TypeId)]) -> (Vec<String>, Vec<Numbered>) {
    let ids = || (0..types.len()).map(TypeId);
    let get = |id: TypeId| &types[id.0];
    let side_of = |id: TypeId| get(id).place.map(|p| p.side);
    let contexts: Vec<Vec<&str>> = ids().map(|id| context(types, id)).collect();
    let wanted: Vec<String> = types
        .iter()
        .map(|t| naming::type_name(&format!("{}{}", t.hint.scope, t.hint.base)))
        .collect();
    let contender = |id: TypeId| {
        let t = get(id);
        t.module == Module::Operations && t.hint.parent.is_some()
    };
    // Contenders of one variant only: two operations whose ids differ in case alone share a
    // scope, but not their types' rules.
    let mut groups: IndexMap<(&str, Option<usize>), Vec<TypeId>> = IndexMap::new();
    for id in ids().filter(|&id| contender(id)) {
        groups
            .entry((wanted[id.0].as_str(), get(id).place.map(|p| p.variant)))
            .or_default()
            .push(id);
    }
    // Which contenders give up the plain name, and which of them share their whole context
    // with another contender (so that only their side tells them apart).
    let mut renamed = vec![false; types.len()];
    let mut twinned = vec![false; types.len()];
    // Each renamed contender's context segments in the order it tries them: first those no
    // other contender's context has (they tell it apart), then the rest, outermost first.
    let mut segments: Vec<Vec<&str>> = vec![Vec::new(); types.len()];
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
    let Shortest { word, alone } = shortest_names(types);
    // Components in arena order; then the reserved types, then each scope's types nearest the
    // body first; in each module the types that may go by a word or their base alone come
    // last, so that a shortened name never takes a name some other type is built to have.
    let mut order: Vec<TypeId> = ids().collect();
    let mut first_of_scope: IndexMap<&str, usize> = IndexMap::new();
    for id in ids().filter(|&id| !get(id).reserved) {
        first_of_scope
            .entry(get(id).hint.scope.as_str())
            .or_insert(id.0);
    }
    order.sort_by_key(|id| {
        let def = get(*id);
        let last = usize::from(alone[id.0] || word[id.0].is_some());
        match def.module {
            _ if def.reserved => (1, 0, 0, 0, id.0),
            Module::Components => (0, last, id.0, 0, 0),
            Module::Operations => (
                1,
                1 + last,
                first_of_scope[def.hint.scope.as_str()],
                contexts[id.0].len(),
                id.0,
            ),
        }
    });
    // Names are unique within a module: `models::operations::CreatePetRequest` and
    // `models::components::CreatePetRequest` are two paths (and two page folders).
    let mut taken_in = [UniqueNames::default(), UniqueNames::default()];
    let mut short: Vec<String> = types.iter().map(|t| t.hint.base.clone()).collect();
    let mut names: Vec<String> = vec![String::new(); types.len()];
    let mut numbered = Vec::new();
    for id in order {
        let taken = &mut taken_in[module_index(get(id).module)];
        let hint = get(id).hint;
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
        // Else, for an alternative no other type of its module wants the word of, the word.
        let word = word[id.0].clone().filter(|name| !taken.is_taken(name));
        // Else, for a nested type no other one in its module wants the base of, the base
        // alone (the shortest name its context gives), where free.
        let bare =
            Some(naming::type_name(&hint.base)).filter(|name| alone[id.0] && !taken.is_taken(name));
        if let Some(name) = preferred.or(word).or(bare) {
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
            numbered.push(Numbered {
                id,
                wanted: name,
                given: unique.clone(),
                after_parent: false,
            });
        }
        short[id.0] = own;
        names[id.0] = unique;
    }
    // A body that is its variant's request (see `RequestDef::body_is_request`) goes by the
    // request's name; the request type is emitted as its impl.
    for &(request, body) in shared {
        names[body.0] = names[request.0].clone();
    }
    // A file of a multipart body is `{Parent}{Property}` (`RotatePDFRequestFileInput`).
    for id in ids().filter(|&id| get(id).hint.after_parent) {
        let t = get(id);
        let name = match t.hint.parent {
            // The parent's name is a type name already; the base is PascalCase.
            Some(parent) => format!("{}{}", names[parent.0], t.hint.base),
            None => naming::type_name(&t.hint.base),
        };
        let unique = taken_in[module_index(t.module)].claim_numbered(&name, "");
        if unique != name {
            numbered.push(Numbered {
                id,
                wanted: name,
                given: unique.clone(),
                after_parent: true,
            });
        }
        names[id.0] = unique;
    }
    (names, numbered)
}

/// Names are unique within a module: an index per module for the names taken.
fn module_index(module: Module) -> usize {
    match module {
        Module::Components => 0,
        Module::Operations => 1,
    }
}

/// The shorter names a type may go by, where nothing else of its module wants them.
struct Shortest {
    /// An alternative's position word (`One`), for the types that alone want it.
    word: Vec<Option<String>>,
    /// Whether the type may go by its base alone.
    alone: Vec<bool>,
}

/// For each type nested (in a component or a body) that names no name of its own, the
/// shorter names it wants: its position's word, where it is a union's alternative, and its
/// base alone, where that is a name. A name that only one such type of its module wants (case aside) is that
/// type's; the seed's generator gives every type of a name several want a longer one (the
/// next of these, else the prefix of its context). A word and a base that make one name
/// want the same name.
fn shortest_names(types: &[Wanted]) -> Shortest {
    let candidate = |t: &Wanted| t.hint.parent.is_some() && t.hint.preferred.is_none();
    let key = |t: &Wanted, name: &str| (t.module, name.to_ascii_lowercase());
    let words: Vec<Option<String>> = types
        .iter()
        .map(|t| {
            let word = t.hint.position.and_then(naming::bases::number_word);
            word.filter(|_| candidate(t))
        })
        .collect();
    // A base that is a position alone (the `8` of a component union's eighth alternative) is
    // no name: such a type keeps its component's.
    let named = |t: &Wanted| t.hint.base.starts_with(|c: char| c.is_ascii_alphabetic());
    let bases: Vec<Option<String>> = types
        .iter()
        .map(|t| (candidate(t) && named(t)).then(|| naming::type_name(&t.hint.base)))
        .collect();
    let mut wanting: IndexMap<(Module, String), usize> = IndexMap::new();
    for (t, names) in types.iter().zip(words.iter().zip(&bases)) {
        for name in [names.0, names.1].into_iter().flatten() {
            *wanting.entry(key(t, name)).or_default() += 1;
        }
    }
    let alone = |t: &Wanted, name: &String| wanting[&key(t, name)] == 1;
    Shortest {
        word: types
            .iter()
            .zip(words.iter())
            .map(|(t, word)| word.clone().filter(|w| alone(t, w)))
            .collect(),
        alone: types
            .iter()
            .zip(&bases)
            .map(|(t, base)| base.as_ref().is_some_and(|b| alone(t, b)))
            .collect(),
    }
}

/// The name parts of the types enclosing `id` below its body (or component), outermost first.
fn context<'a>(types: &[Wanted<'a>], id: TypeId) -> Vec<&'a str> {
    let mut chain = Vec::new();
    let mut current = types[id.0].hint.parent;
    while let Some(parent) = current {
        let hint = types[parent.0].hint;
        // The body itself (which has no parent) names the scope, not the context.
        if hint.parent.is_none() || chain.len() > types.len() {
            break;
        }
        chain.push(hint.base.as_str());
        current = hint.parent;
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod word_and_reserved_tests;
