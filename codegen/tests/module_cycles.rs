//! The files of a pipeline stage (`lower`, `emit`, `load`, `passes`) import each other without
//! cycles, so that each reads alone: a file's dependencies are the sibling modules it names
//! through `super::` or the stage's path, directly or through a name the stage's `mod.rs`
//! re-exports. Tests inside a file are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The sibling modules each file (or directory module) of `stage` depends on.
fn dependencies(stage: &str) -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(stage);
    let mut modules = BTreeSet::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name != "mod" && (path.is_dir() || path.extension().is_some_and(|e| e == "rs")) {
            modules.insert(name);
        }
    }
    let reexports = reexports(&std::fs::read_to_string(root.join("mod.rs")).unwrap());
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let file = root.join(format!("{module}.rs"));
        let mut sources = Vec::new();
        if file.exists() {
            sources.push((std::fs::read_to_string(&file).unwrap(), "super"));
        } else {
            for entry in std::fs::read_dir(root.join(module)).unwrap() {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap();
                let inner = path.file_stem().unwrap() != "mod";
                sources.push((text, if inner { "super::super" } else { "super" }));
            }
        }
        let deps = edges.entry(module.clone()).or_default();
        for (text, parent) in sources {
            let text = text.split("#[cfg(test)]\nmod tests").next().unwrap();
            for name in named(text, parent)
                .into_iter()
                .chain(named(text, &format!("crate::{stage}")))
            {
                let target = if modules.contains(&name) {
                    Some(name)
                } else {
                    reexports.get(&name).cloned()
                };
                if let Some(target) = target.filter(|t| t != module) {
                    deps.insert(target);
                }
            }
        }
    }
    edges
}

/// The names after `prefix::`, alone or in a `{…}` list.
fn named(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let lead = format!("{prefix}::");
    for (at, _) in text.match_indices(&lead) {
        // `super::super::x` seen from `super::` is not a sibling.
        if prefix == "super" && text[..at].ends_with("super::") {
            continue;
        }
        let rest = &text[at + lead.len()..];
        if prefix == "super" && rest.starts_with("super::") {
            continue;
        }
        if let Some(list) = rest.strip_prefix('{') {
            let list = &list[..list.find('}').unwrap_or(list.len())];
            for item in list.split(',') {
                let word = item.trim().split("::").next().unwrap_or("");
                names.insert(word.to_owned());
            }
        } else {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.insert(word);
        }
    }
    names
}

/// Names a stage's `mod.rs` re-exports, by the module they come from.
fn reexports(text: &str) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for line in text.split(';') {
        let Some(at) = line.find("use ") else {
            continue;
        };
        if !line[..at].trim_start().starts_with("pub") {
            continue;
        }
        let path = line[at + 4..].trim();
        let Some((module, rest)) = path.split_once("::") else {
            continue;
        };
        let rest = rest.trim_start_matches('{').trim_end_matches('}');
        for item in rest.split(',') {
            let item = item.trim();
            let name = item.rsplit(" as ").next().unwrap_or(item).trim();
            if !name.is_empty() {
                found.insert(name.to_owned(), module.trim().to_owned());
            }
        }
    }
    found
}

/// A cycle through the graph, if there is one.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_files_of_each_stage_import_each_other_without_cycles() {
    let mut total = 0;
    for stage in ["load", "lower", "passes", "emit"] {
        let edges = dependencies(stage);
        let links: usize = edges.values().map(BTreeSet::len).sum();
        assert!(links >= 1, "{stage}: no imports found: {edges:?}");
        assert_eq!(cycle(&edges), None, "{stage}: {edges:?}");
        total += links;
    }
    // The stages' files name each other often; finding few would mean the scan is broken.
    assert!(total >= 60, "only {total} imports found");
}

#[test]
fn a_cycle_is_found() {
    let edges: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(cycle(&edges).unwrap(), ["a", "b", "c", "a"]);
    let text =
        "use super::{model, tokens::Std};\nlet x = super::super::far::y; crate::emit::syntax::z";
    assert_eq!(
        named(text, "super"),
        ["model", "tokens"].map(str::to_owned).into_iter().collect()
    );
    assert_eq!(
        named(text, "crate::emit"),
        ["syntax"].map(str::to_owned).into_iter().collect()
    );
}
