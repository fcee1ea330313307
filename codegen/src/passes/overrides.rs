//! The configuration's changes to generated types, once their names are final: renames of
//! types and fields, and derives and attributes (into [`TypeSpace::extras`]). Each problem is
//! an error at the entry of the configuration file that asked for it.

use crate::config::{Overrides, Replacement, TypeOverride};
use crate::error::{Diagnostic, Errors, Kind};
use crate::ir::{Extras, TypeId, TypeKind, TypeRef, TypeSpace};
use crate::naming;
use crate::pointer::pointer_join;

pub fn apply(space: &mut TypeSpace, overrides: &Overrides) -> Result<(), Errors> {
    let mut errors = Vec::new();
    let mut extras: Vec<(TypeId, &Extras)> = Vec::new();
    for entry in &overrides.types {
        let error = |message: String| {
            let diagnostic = Diagnostic::error(Kind::Schema, &overrides.label, message);
            match entry.at {
                Some((line, column)) => diagnostic.at_line_col(line, column),
                None => diagnostic,
            }
        };
        let Some(id) = find(space, &entry.key) else {
            errors.push(error(format!(
                "no generated type is named `{}` or comes from a schema at that pointer",
                entry.key
            )));
            continue;
        };
        if let Err(message) = rename_type(space, id, entry) {
            errors.push(error(message));
        }
        for (json, rust) in &entry.fields {
            if let Err(message) = rename_field(space, id, json, rust) {
                errors.push(error(message));
            }
        }
        if let Some(replacement) = &entry.replace {
            if let Err(message) = replace(space, id, replacement) {
                errors.push(error(message));
            }
        }
        let has_extras = !entry.extras.derives.is_empty() || !entry.extras.attributes.is_empty();
        if has_extras {
            if let TypeKind::Alias(_) = space.get(id).kind {
                let name = space.name(id);
                errors.push(error(format!(
                    "`{name}` is an alias of another type, which has the derives and attributes; name that one"
                )));
            } else {
                extras.push((id, &entry.extras));
            }
        }
    }
    if !errors.is_empty() {
        return Err(Errors(errors));
    }
    let every = !overrides.all.derives.is_empty() || !overrides.all.attributes.is_empty();
    for id in space.ids() {
        let def = space.get(id);
        let item = matches!(
            def.kind,
            TypeKind::Struct(_) | TypeKind::Enum(_) | TypeKind::Union(_)
        );
        if every && item && space.has_own_file(id) {
            add(space, id, &overrides.all);
        }
    }
    for (id, entry) in extras {
        add(space, id, entry);
    }
    Ok(())
}

fn add(space: &mut TypeSpace, id: TypeId, more: &Extras) {
    let name = space.name(id).to_owned();
    let extras = space.extras.entry(name).or_default();
    extras.derives.extend(more.derives.iter().cloned());
    extras.attributes.extend(more.attributes.iter().cloned());
}

/// The type named `key`, else the first type with a file of its own from the schema at `key`.
fn find(space: &TypeSpace, key: &str) -> Option<TypeId> {
    let by_name = space.ids().find(|&id| space.name(id) == key);
    by_name.or_else(|| {
        space
            .ids()
            .find(|&id| space.get(id).pointer == key && space.has_own_file(id))
    })
}

fn rename_type(space: &mut TypeSpace, id: TypeId, entry: &TypeOverride) -> Result<(), String> {
    let Some(new) = &entry.rename else {
        return Ok(());
    };
    let module = space.get(id).module;
    // Two types of one module may not share a file, nor two pages a name.
    let file = naming::module_name(new);
    let page = naming::page_stem(new);
    let taken = space.ids().filter(|&other| other != id).find(|&other| {
        let name = space.name(other);
        name == new
            || (space.get(other).module == module
                && (naming::module_name(name) == file || naming::page_stem(name) == page))
    });
    if let Some(other) = taken {
        return Err(format!(
            "`{new}` is taken: `{}` has that name or the same file",
            space.name(other)
        ));
    }
    space.type_names[id.0] = new.clone();
    Ok(())
}

fn rename_field(space: &mut TypeSpace, id: TypeId, json: &str, rust: &str) -> Result<(), String> {
    let name = space.name(id);
    let names = space.members(id);
    let fields: Vec<&crate::ir::Field> = match &space.get(id).kind {
        TypeKind::Struct(s) if s.extra.is_some() && names.other == rust => {
            return Err(format!(
                "`{name}` keeps undeclared properties in a field `{rust}`"
            ));
        }
        TypeKind::Struct(s) => s.fields.iter().collect(),
        TypeKind::Request(r) => r.fields().collect(),
        TypeKind::Headers(fields) => fields.iter().collect(),
        _ => return Err(format!("`{name}` has no fields to rename")),
    };
    if fields
        .iter()
        .zip(names.iter())
        .any(|(f, given)| given == rust && f.json_name != json)
    {
        return Err(format!("`{name}` already has a field `{rust}`"));
    }
    match fields.iter().position(|f| f.json_name == json) {
        Some(index) => {
            space.member_names[id.0].members[index] = rust.to_owned();
            Ok(())
        }
        None => Err(format!("`{name}` has no property `{json}`")),
    }
}

/// Makes `id` an alias of a type of another crate, and the crate a dependency.
fn replace(space: &mut TypeSpace, id: TypeId, replacement: &Replacement) -> Result<(), String> {
    let def = space.get(id);
    if !matches!(
        def.kind,
        TypeKind::Struct(_)
            | TypeKind::Enum(_)
            | TypeKind::Union(_)
            | TypeKind::Alias(_)
            | TypeKind::Newtype(_)
            | TypeKind::Tuple(_)
    ) {
        return Err(format!(
            "`{}` is a request, a response or a part of one, which the generator writes; only models are replaced",
            space.name(id)
        ));
    }
    if let Some((krate, version)) = &replacement.dependency {
        match space.dependencies.get(krate) {
            Some(other) if other != version => {
                return Err(format!(
                "the crate `{krate}` is asked for as `{version}` here and as `{other}` elsewhere"
            ))
            }
            _ => {
                space.dependencies.insert(krate.clone(), version.clone());
            }
        }
    }
    space.get_mut(id).kind = TypeKind::Alias(TypeRef::External(replacement.path.clone()));
    // An alias has no members of its own.
    space.member_names[id.0] = crate::ir::MemberNames::default();
    Ok(())
}

/// The schemas of `components` that name a type of another crate with `x-rust-type` (`crate`,
/// `version`, `path`, as typify reads it), by their pointer; a value that is not such an object,
/// or whose path is not a Rust type, is a warning and the schema is generated.
pub fn from_spec(
    spec: &openapiv3::OpenAPI,
    label: &str,
) -> (Vec<(String, Replacement)>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    let Some(components) = &spec.components else {
        return (found, warnings);
    };
    for (name, schema) in &components.schemas {
        let openapiv3::ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let Some(value) = schema.schema_data.extensions.get("x-rust-type") else {
            continue;
        };
        let at = crate::pointer::pointer(&["components", "schemas", name]);
        let text = |key: &str| value.get(key).and_then(serde_json::Value::as_str);
        match (text("path"), text("crate"), text("version")) {
            (Some(path), krate, version) if crate::config::is_type(path) => {
                let dependency = krate.map(|k| (k.to_owned(), version.unwrap_or("*").to_owned()));
                let dependency = dependency.filter(|(k, _)| k != "std" && k != "core" && k != "alloc");
                found.push((at, Replacement { path: path.to_owned(), dependency }));
            }
            _ => warnings.push(
                Diagnostic::warning(
                    Kind::Schema,
                    label,
                    "`x-rust-type` is not an object with the `path` of a Rust type; the schema is generated",
                )
                .at(&pointer_join(&at, "x-rust-type")),
            ),
        }
    }
    (found, warnings)
}

/// Applies the replacements [`from_spec`] found, each to the type of the schema at its pointer.
pub fn replace_from_spec(
    space: &mut TypeSpace,
    found: &[(String, Replacement)],
    label: &str,
) -> Result<(), Errors> {
    let mut errors = Vec::new();
    for (at, replacement) in found {
        let id = space
            .ids()
            .find(|&id| space.get(id).pointer == *at && space.has_own_file(id));
        let Some(id) = id else { continue };
        if let Err(message) = replace(space, id, replacement) {
            errors.push(
                Diagnostic::error(Kind::Schema, label, message)
                    .at(&pointer_join(at, "x-rust-type")),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Errors(errors))
    }
}
