//! Discriminators inferred from constants, a rule of every version (run after the version's
//! own normalisation): see [`tags_from_constants`].

use crate::load::walk;
use serde_json::{json, Map, Value};

/// A union whose alternatives are all component schemas that each fix one property to a
/// different constant (`kind: {const: circle}` in 3.1, `kind: {enum: [circle]}` in any version)
/// is discriminated by that property: specs often tag alternatives so, and without a
/// discriminator the first alternative whose shape fits would read every tag (its open enum
/// accepting the others' values). The discriminator is marked as inferred, so a value its tag's
/// alternative refuses is kept rather than failing the read. Run for every version.
pub fn tags_from_constants(root: &mut Map<String, Value>) {
    let tags = component_tags(root);
    if tags.is_empty() {
        return;
    }
    walk::schemas(root, &mut |schema, _| {
        if schema.contains_key("discriminator") {
            return;
        }
        for key in ["oneOf", "anyOf"] {
            let Some(Value::Array(alternatives)) = schema.get(key) else {
                continue;
            };
            let names: Option<Vec<String>> = alternatives
                .iter()
                .map(|a| crate::pointer::component(a.get("$ref")?.as_str()?, "schemas"))
                .collect();
            let Some(names) = names.filter(|n| n.len() > 1) else {
                continue;
            };
            if let Some(discriminator) = shared_tag(&names, &tags) {
                schema.insert("discriminator".to_owned(), discriminator);
                return;
            }
        }
    });
}

/// For each component schema, its properties fixed to one string: (property, value).
fn component_tags(root: &Map<String, Value>) -> indexmap::IndexMap<String, Vec<(String, String)>> {
    let mut tags = indexmap::IndexMap::new();
    let Some(Value::Object(schemas)) = root.get("components").and_then(|c| c.get("schemas")) else {
        return tags;
    };
    for (name, schema) in schemas {
        let Some(Value::Object(properties)) = schema.get("properties") else {
            continue;
        };
        let fixed: Vec<(String, String)> = properties
            .iter()
            .filter_map(|(property, p)| match p.get("enum") {
                Some(Value::Array(values)) => match values.as_slice() {
                    [Value::String(value)] => Some((property.clone(), value.clone())),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        if !fixed.is_empty() {
            tags.insert(name.clone(), fixed);
        }
    }
    tags
}

/// The discriminator of alternatives that all fix one property to distinct values.
fn shared_tag(
    names: &[String],
    tags: &indexmap::IndexMap<String, Vec<(String, String)>>,
) -> Option<Value> {
    let first = tags.get(&names[0])?;
    'property: for (property, _) in first {
        let mut mapping = Map::new();
        for name in names {
            let value = tags
                .get(name)
                .and_then(|fixed| fixed.iter().find(|(p, _)| p == property))
                .map(|(_, v)| v.clone());
            let Some(value) = value else {
                continue 'property;
            };
            let reference =
                Value::String(crate::pointer::pointer(&["components", "schemas", name]));
            if mapping.insert(value, reference).is_some() {
                continue 'property;
            }
        }
        return Some(json!({
            "propertyName": property,
            "mapping": mapping,
            super::INFERRED_DISCRIMINATOR: true,
        }));
    }
    None
}
