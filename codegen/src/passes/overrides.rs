//! The configuration's changes to generated types, once their names are final: renames of
//! types and fields, and derives and attributes (into [`TypeSpace::extras`]). Each problem is
//! an error at the entry of the configuration file that asked for it.

use crate::config::{Overrides, TypeOverride};
use crate::error::{Diagnostic, Errors, Kind};
use crate::ir::{Extras, TypeId, TypeKind, TypeSpace};
use crate::naming;

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
        let has_extras = !entry.extras.derives.is_empty() || !entry.extras.attributes.is_empty();
        if has_extras {
            if let TypeKind::Alias(_) = space.get(id).kind {
                let name = &space.get(id).name;
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
    let name = space.get(id).name.clone();
    let extras = space.extras.entry(name).or_default();
    extras.derives.extend(more.derives.iter().cloned());
    extras.attributes.extend(more.attributes.iter().cloned());
}

/// The type named `key`, else the first type with a file of its own from the schema at `key`.
fn find(space: &TypeSpace, key: &str) -> Option<TypeId> {
    let by_name = space.ids().find(|&id| space.get(id).name == key);
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
        let def = space.get(other);
        def.name == *new
            || (def.module == module
                && (naming::module_name(&def.name) == file || naming::page_stem(&def.name) == page))
    });
    if let Some(other) = taken {
        return Err(format!(
            "`{new}` is taken: `{}` has that name or the same file",
            space.get(other).name
        ));
    }
    space.get_mut(id).name = new.clone();
    Ok(())
}

fn rename_field(space: &mut TypeSpace, id: TypeId, json: &str, rust: &str) -> Result<(), String> {
    let name = space.get(id).name.clone();
    let fields = match &mut space.get_mut(id).kind {
        TypeKind::Struct(s) if s.extra.as_ref().is_some_and(|e| e.rust_name == rust) => {
            return Err(format!(
                "`{name}` keeps undeclared properties in a field `{rust}`"
            ));
        }
        TypeKind::Struct(s) => &mut s.fields,
        TypeKind::Request(r) => &mut r.fields,
        TypeKind::Headers(fields) => fields,
        _ => return Err(format!("`{name}` has no fields to rename")),
    };
    if fields
        .iter()
        .any(|f| f.rust_name == rust && f.json_name != json)
    {
        return Err(format!("`{name}` already has a field `{rust}`"));
    }
    match fields.iter_mut().find(|f| f.json_name == json) {
        Some(field) => {
            field.rust_name = rust.to_owned();
            Ok(())
        }
        None => Err(format!("`{name}` has no property `{json}`")),
    }
}
