//! Tag gates: one Cargo feature per tag, so that a user who calls a few operations builds only
//! their types. A type is compiled under the feature of every tag whose operations reach it
//! (through its fields, variants, items, response cases and headers), and always under
//! `all-tags`, which the crate's `default` turns on. A type that an operation without tags
//! reaches, and all it leads to, has no gate; a type that no operation reaches is there with
//! `all-tags` only. Without tags nothing is gated. The emitter writes the `cfg`s
//! (`emit::features`).

use crate::ir::{ResponseBody, TagGates, TypeId, TypeKind, TypeSpace};
use crate::naming;
use std::collections::BTreeSet;

/// `pets` → `tag-pets`; `Client Management` → `tag-client-management`. `None` for a tag with no
/// letter or digit, whose operations are then ungated.
pub fn feature_name(tag: &str) -> Option<String> {
    let stem = naming::snake_case(tag).replace('_', "-");
    let stem = stem.trim_matches('-');
    (!stem.is_empty()).then(|| format!("tag-{stem}"))
}

pub fn decide(space: &TypeSpace) -> TagGates {
    // Per type: the tag features found so far, and whether an untagged operation reaches it.
    let mut tags: Vec<BTreeSet<String>> = vec![BTreeSet::new(); space.types.len()];
    let mut open = vec![false; space.types.len()];
    let mut features = BTreeSet::new();
    let mut by_operation = Vec::new();
    for operation in &space.operations {
        let names: BTreeSet<String> = operation
            .tags
            .iter()
            .filter_map(|t| feature_name(t))
            .collect();
        features.extend(names.iter().cloned());
        let mut reached = BTreeSet::new();
        for variant in &operation.variants {
            reach(space, variant.request, &mut reached);
        }
        for id in reached {
            if names.is_empty() {
                open[id.0] = true;
            } else {
                tags[id.0].extend(names.iter().cloned());
            }
        }
        let gate = (!names.is_empty()).then_some(names);
        by_operation.push((operation.operation_id.clone(), gate));
    }
    // A type without a gate compiles in every build, so everything it leads to must too.
    let mut always = BTreeSet::new();
    for id in space.ids().filter(|id| open[id.0]) {
        reach(space, id, &mut always);
    }
    // Without tags there are no features: nothing is gated. Otherwise a type that no
    // operation reaches is there with `all-tags` only (and all it leads to is there then).
    let by_type = tags
        .into_iter()
        .enumerate()
        .map(|(i, tags)| {
            let ungated = features.is_empty() || always.contains(&TypeId(i));
            (!ungated).then_some(tags)
        })
        .collect();
    TagGates {
        by_type,
        by_operation,
        features,
    }
}

/// Every type `id` leads to, `id` included.
fn reach(space: &TypeSpace, id: TypeId, reached: &mut BTreeSet<TypeId>) {
    let mut pending = vec![id];
    while let Some(id) = pending.pop() {
        if !reached.insert(id) {
            continue;
        }
        let def = space.get(id);
        def.for_each_ref(|ty| ty.for_each_named(&mut |named| pending.push(named)));
        match &def.kind {
            TypeKind::Request(r) => pending.push(r.response),
            TypeKind::Response(r) => {
                for case in &r.cases {
                    pending.extend(case.headers);
                    if let ResponseBody::Json(ty) | ResponseBody::Content(ty) = &case.body {
                        ty.for_each_named(&mut |named| pending.push(named));
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::feature_name;

    #[test]
    fn a_tag_becomes_a_kebab_case_feature_or_none() {
        for (tag, feature) in [
            ("pets", Some("tag-pets")),
            ("Client Management", Some("tag-client-management")),
            ("Api20100401Call", Some("tag-api20100401-call")),
            ("Vector stores", Some("tag-vector-stores")),
            ("--", None),
            ("", None),
        ] {
            assert_eq!(feature_name(tag).as_deref(), feature, "{tag:?}");
        }
    }
}
