//! OpenAPI 3.1 → the 3.0 form the rest of the pipeline reads: the document-level rules here
//! (`$defs` as components, path items, webhooks moved under
//! `paths` and recorded in the provenance so that diagnostics name the user's own place, mutual
//! TLS), and each schema rewritten in place by `schema31`, so every place keeps its pointer.

use super::{Notes, Provenance};
use crate::load::walk;
use crate::pointer::pointer_join;
use serde_json::{json, Map, Value};

/// Where under `paths` a webhook's path item moves: a key that reads as what it is in a
/// diagnostic. Real paths can look the same (`{webhooks}` is a valid path parameter), so the
/// key is checked free and the webhooks are listed in the provenance, never told by their key.
const WEBHOOK_PREFIX: &str = "/{webhooks}/";

pub fn normalize(root: &mut Map<String, Value>, notes: &mut Notes, provenance: &mut Provenance) {
    root.insert("openapi".to_owned(), Value::String("3.0.3".to_owned()));
    root.remove("jsonSchemaDialect");
    if let Some(Value::Object(info)) = root.get_mut("info") {
        info.remove("summary");
        if let Some(Value::Object(license)) = info.get_mut("license") {
            license.remove("identifier");
        }
    }
    mutual_tls(root, notes);
    // Before `$defs` move: identifiers are found, and pointers written, where the user wrote them.
    for (at, message) in super::anchors::resolve(root) {
        notes.error(at, message);
    }
    let mut rules = Rules {
        notes,
        defs: Defs::default(),
        tuples: Vec::new(),
    };
    walk::document(root, &mut rules);
    let Rules {
        notes,
        defs,
        mut tuples,
    } = rules;
    defs.into_components(root, notes, provenance, &mut tuples);
    // A reference into a place that moves follows it: a tuple's positional schemas, a path
    // item.
    let mut renames = Vec::new();
    for at in tuples {
        let to = pointer_join(&at, "properties");
        let from = pointer_join(&at, "prefixItems");
        provenance.moved(&to, &provenance.to_input(&from));
        renames.push((from, to));
    }
    renames.extend(inline_path_items(root, provenance));
    renames.extend(move_webhooks(root, provenance));
    if !renames.is_empty() {
        root.values_mut()
            .for_each(|v| walk::references(v, &mut |r| rename_ref(r, &renames)));
    }
    if !root.contains_key("paths") {
        root.insert("paths".to_owned(), json!({}));
    }
}

/// A path item of `paths` or `webhooks` that is a `$ref` to `components/pathItems` is that
/// path item, in its place: 3.0 has no such section, and its operations are the API's.
fn inline_path_items(
    root: &mut Map<String, Value>,
    provenance: &mut Provenance,
) -> Vec<(String, String)> {
    let mut renames = Vec::new();
    let items = match root.get_mut("components").and_then(Value::as_object_mut) {
        Some(components) => match components.remove("pathItems") {
            Some(Value::Object(items)) => items,
            _ => return renames,
        },
        None => return renames,
    };
    for section in ["paths", "webhooks"] {
        let Some(Value::Object(entries)) = root.get_mut(section) else {
            continue;
        };
        for (key, entry) in entries.iter_mut() {
            let Some(name) = entry
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| crate::pointer::component(r, "pathItems"))
            else {
                continue;
            };
            if let Some(item) = items.get(&name) {
                let to = pointer_join(&pointer_join("#", section), key);
                let from = pointer_join("#/components/pathItems", &name);
                provenance.moved(&to, &from);
                // References into the item follow its first use.
                if !renames.iter().any(|(f, _)| *f == from) {
                    renames.push((from, to));
                }
                *entry = item.clone();
            }
        }
    }
    renames
}

/// Webhooks are operations the API calls rather than serves; their bodies are models all the
/// same, so each webhook's path item joins `paths` under a key no real path can have, and its
/// operations are named by the rules of every operation.
fn move_webhooks(
    root: &mut Map<String, Value>,
    provenance: &mut Provenance,
) -> Vec<(String, String)> {
    let mut renames = Vec::new();
    let Some(Value::Object(webhooks)) = root.remove("webhooks") else {
        return renames;
    };
    let paths = root.entry("paths").or_insert_with(|| json!({}));
    let Some(paths) = paths.as_object_mut() else {
        return renames;
    };
    for (name, item) in webhooks {
        let mut key = format!("{WEBHOOK_PREFIX}{name}");
        let mut n = 1;
        while paths.contains_key(&key) {
            n += 1;
            key = format!("{WEBHOOK_PREFIX}{name}/{n}");
        }
        provenance.webhooks.insert(key.clone(), name.clone());
        let to = pointer_join("#/paths", &key);
        let from = pointer_join("#/webhooks", &name);
        provenance.moved(&to, &from);
        renames.push((from, to));
        paths.insert(key, item);
    }
    renames
}

/// The 3.1 rules, as a walk of the document: each schema object is rewritten before the
/// schemas inside it, and a schema that is `true` or `false` becomes its 3.0 form (`{}`, and
/// `{not: {}}`, which lowering reads as "no value").
struct Rules<'n> {
    notes: &'n mut Notes,
    defs: Defs,
    /// The places of the schemas that became tuples.
    tuples: Vec<String>,
}

impl walk::Visitor for Rules<'_> {
    fn schema(&mut self, schema: &mut Map<String, Value>, at: &str) {
        self.defs.take(schema, at);
        if super::schema31::rewrite(schema, at, self.notes) {
            self.tuples.push(at.to_owned());
        }
    }

    fn other_schema(&mut self, schema: &mut Value, _at: &str) {
        match schema {
            Value::Bool(true) => *schema = json!({}),
            Value::Bool(false) => *schema = json!({"not": {}}),
            _ => {}
        }
    }
}

/// The 3.1 rules for one schema and the schemas inside it (`$defs` aside), for tests.
#[cfg(test)]
pub(super) fn rewrite_tree(schema: &mut Value, at: &str, notes: &mut Notes) {
    let mut rules = Rules {
        notes,
        defs: Defs::default(),
        tuples: Vec::new(),
    };
    walk::one_schema(schema, at, &mut rules);
}

/// Schemas defined in `$defs`, taken out of the schemas that hold them to become component
/// schemas of their own: a `$ref` to `…/$defs/Name` then names a component like any other.
#[derive(Default)]
struct Defs {
    /// (the pointer it was written at, its name, the schema)
    taken: Vec<(String, String, Value)>,
}

impl Defs {
    fn take(&mut self, schema: &mut Map<String, Value>, at: &str) {
        let Some(Value::Object(defs)) = schema.remove("$defs") else {
            return;
        };
        let defs_at = pointer_join(at, "$defs");
        for (name, def) in defs {
            self.taken.push((pointer_join(&defs_at, &name), name, def));
        }
    }

    /// Adds the schemas taken to `components/schemas`, each under its own name where that is
    /// free (else the name of the schema that held it before it, numbered if need be), walks
    /// them with the 3.1 rules, and points every reference to them at their new place.
    fn into_components(
        self,
        root: &mut Map<String, Value>,
        notes: &mut Notes,
        provenance: &mut Provenance,
        tuples: &mut Vec<String>,
    ) {
        if self.taken.is_empty() {
            return;
        }
        let components = root.entry("components").or_insert_with(|| json!({}));
        let Some(components) = components.as_object_mut() else {
            return;
        };
        let schemas = components.entry("schemas").or_insert_with(|| json!({}));
        let Some(schemas) = schemas.as_object_mut() else {
            return;
        };
        let mut renames: Vec<(String, String)> = Vec::new();
        let mut queue: std::collections::VecDeque<(String, String, Value)> = self.taken.into();
        while let Some((from, name, mut def)) = queue.pop_front() {
            let holder = crate::pointer::segments(&from)
                .filter(|s| s.len() > 3 && s[0] == "components" && s[1] == "schemas")
                .map(|s| s[2].clone());
            let mut candidates = vec![name.clone()];
            if let Some(holder) = holder {
                candidates.push(format!("{holder}{name}"));
            }
            let chosen = candidates
                .into_iter()
                .chain((2..).map(|n| format!("{name}{n}")))
                .find(|c| !schemas.contains_key(c))
                .expect("an unbounded list has a free name");
            let to = pointer_join("#/components/schemas", &chosen);
            // `$defs` inside a definition become components too, in their turn.
            let mut rules = Rules {
                notes: &mut *notes,
                defs: Defs::default(),
                tuples: Vec::new(),
            };
            walk::one_schema(&mut def, &to, &mut rules);
            queue.extend(rules.defs.taken);
            tuples.extend(rules.tuples);
            schemas.insert(chosen, def);
            // A definition inside a definition was written inside the first one's old place.
            let written_at = provenance.to_input(&from);
            provenance.moved(&to, &written_at);
            renames.push((from, to));
        }
        root.values_mut()
            .for_each(|v| walk::references(v, &mut |r| rename_ref(r, &renames)));
    }
}

/// Points a `$ref` that names a place in `renames` (or inside one) at its new place, following
/// a definition inside a definition through both moves.
fn rename_ref(reference: &mut String, renames: &[(String, String)]) {
    // Compared in the canonical spelling, so a percent-encoded reference moves too.
    let Some(segments) = crate::pointer::segments(reference) else {
        return;
    };
    let mut current = crate::pointer::canonical(&segments);
    let mut moved = false;
    for _ in 0..renames.len() {
        let renamed = renames.iter().find_map(|(from, to)| {
            let rest = current.strip_prefix(from.as_str())?;
            (rest.is_empty() || rest.starts_with('/')).then(|| format!("{to}{rest}"))
        });
        match renamed {
            Some(renamed) => {
                current = renamed;
                moved = true;
            }
            None => break,
        }
    }
    if moved {
        *reference = current;
    }
}

/// 3.1's `mutualTLS` scheme is a client certificate, which the transport presents rather
/// than a request: 3.0 has no such scheme, and a client holds nothing for it. It is dropped with
/// a warning, and requirements that name it are met by the other schemes they list.
fn mutual_tls(root: &mut Map<String, Value>, notes: &mut Notes) {
    let Some(Value::Object(schemes)) = root
        .get_mut("components")
        .and_then(|c| c.get_mut("securitySchemes"))
    else {
        return;
    };
    let mutual: Vec<String> = schemes
        .iter()
        .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("mutualTLS"))
        .map(|(name, _)| name.clone())
        .collect();
    for name in mutual {
        schemes.shift_remove(&name);
        notes.once(
            "mutualTLS",
            &pointer_join("#/components/securitySchemes", &name),
            "a `mutualTLS` security scheme is the transport's (a client certificate) and is left out",
        );
    }
}
