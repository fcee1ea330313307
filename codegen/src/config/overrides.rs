//! `[types.NAME]` and `[all-types]`: renames, derives and attributes for generated types, read
//! and checked here; [`crate::passes::overrides`] applies them once the names are final.

use super::{line_col, place};
use crate::error::{Diagnostic, Kind};
use crate::ir::Extras;
use crate::naming;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Changes to generated types, and the configuration file they come from (for errors).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub types: Vec<TypeOverride>,
    /// Derives and attributes for every struct, enum and union.
    pub all: Extras,
    /// How errors name the configuration file.
    pub label: String,
}

/// The changes to one type, named by its generated name or by the pointer of its schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeOverride {
    pub key: String,
    pub rename: Option<String>,
    /// JSON property name → the Rust field name to give it.
    pub fields: Vec<(String, String)>,
    pub extras: Extras,
    /// A type of another crate to use instead of the generated one.
    pub replace: Option<Replacement>,
    /// Line and column of the entry in the configuration file.
    pub at: Option<(usize, usize)>,
}

/// A type of another crate, used in place of a generated type: its path, and the crate to
/// depend on (none for a type of `std`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replacement {
    pub path: String,
    /// The crate's name and version requirement.
    pub dependency: Option<(String, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReplaceFile {
    path: toml::Spanned<String>,
    #[serde(rename = "crate")]
    krate: Option<toml::Spanned<String>>,
    version: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct TypeFile {
    rename: Option<toml::Spanned<String>>,
    #[serde(default)]
    fields: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    derives: Vec<toml::Spanned<String>>,
    #[serde(default)]
    attributes: Vec<toml::Spanned<String>>,
    replace: Option<ReplaceFile>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct ExtrasFile {
    #[serde(default)]
    derives: Vec<toml::Spanned<String>>,
    #[serde(default)]
    attributes: Vec<toml::Spanned<String>>,
}

/// Reads the overrides, pushing an error at its place for each value that is not what it must
/// be (a type name, a field name, a path, one outer attribute).
pub(super) fn read(
    types: BTreeMap<toml::Spanned<String>, TypeFile>,
    all: ExtrasFile,
    text: &str,
    label: &str,
    errors: &mut Vec<Diagnostic>,
) -> Overrides {
    let mut error = |span: std::ops::Range<usize>, message: String, hint: &str| {
        let diagnostic = Diagnostic::error(Kind::Schema, label, message).hint(hint);
        errors.push(place(diagnostic, text, Some(span)));
    };
    let all = read_extras(all.derives, all.attributes, &mut error);
    let mut overrides = Vec::new();
    for (key, entry) in types {
        if let Some(rename) = &entry.rename {
            if !is_identifier(rename.get_ref())
                || naming::type_name(rename.get_ref()) != *rename.get_ref()
            {
                let message = format!("`{}` is not a type name", rename.get_ref());
                error(
                    rename.span(),
                    message,
                    "use a Rust identifier in PascalCase",
                );
            }
        }
        for name in entry.fields.values() {
            if !is_identifier(name.get_ref())
                || naming::field_name(name.get_ref()) != *name.get_ref()
            {
                let message = format!("`{}` is not a field name", name.get_ref());
                error(
                    name.span(),
                    message,
                    "use a Rust identifier in snake_case, not a keyword",
                );
            }
        }
        let at = Some(line_col(text, &key.span()));
        let replace = entry.replace.map(|replace| {
            if !is_type(replace.path.get_ref()) {
                let message = format!("`{}` is not a Rust type", replace.path.get_ref());
                let hint = "write its path as in Rust code: `geo::Point<f64>`";
                error(replace.path.span(), message, hint);
            }
            let dependency = match (replace.krate, replace.version) {
                (Some(krate), Some(version)) => Some((krate.into_inner(), version)),
                (Some(krate), None) => {
                    let message = format!("the crate `{}` needs a `version`", krate.get_ref());
                    let hint = "add `version = \"1\"`, a requirement as in Cargo.toml";
                    error(krate.span(), message, hint);
                    None
                }
                (None, _) => None,
            };
            Replacement {
                path: replace.path.into_inner(),
                dependency,
            }
        });
        overrides.push(TypeOverride {
            key: key.into_inner(),
            rename: entry.rename.map(toml::Spanned::into_inner),
            fields: entry
                .fields
                .into_iter()
                .map(|(json, rust)| (json, rust.into_inner()))
                .collect(),
            extras: read_extras(entry.derives, entry.attributes, &mut error),
            replace,
            at,
        });
    }
    Overrides {
        types: overrides,
        all,
        label: label.to_owned(),
    }
}

/// Derives that must be paths and attributes that must be one outer attribute each.
fn read_extras(
    derives: Vec<toml::Spanned<String>>,
    attributes: Vec<toml::Spanned<String>>,
    error: &mut dyn FnMut(std::ops::Range<usize>, String, &str),
) -> Extras {
    for derive in &derives {
        if syn::parse_str::<syn::Path>(derive.get_ref()).is_err() {
            let message = format!("`{}` is not the path of a derive", derive.get_ref());
            error(
                derive.span(),
                message,
                "write it as in `#[derive(...)]`: `Eq`, `schemars::JsonSchema`",
            );
        }
    }
    for attribute in &attributes {
        if !is_one_attribute(attribute.get_ref()) {
            let message = format!("`{}` is not one outer attribute", attribute.get_ref());
            error(
                attribute.span(),
                message,
                "write it whole: `#[non_exhaustive]`",
            );
        }
    }
    Extras {
        derives: derives.into_iter().map(toml::Spanned::into_inner).collect(),
        attributes: attributes
            .into_iter()
            .map(toml::Spanned::into_inner)
            .collect(),
    }
}

/// Whether `text` is an identifier Rust takes as it is: no keyword.
pub(crate) fn is_identifier(text: &str) -> bool {
    syn::parse_str::<syn::Ident>(text).is_ok()
}

/// Whether `text` is a Rust type.
pub(crate) fn is_type(text: &str) -> bool {
    syn::parse_str::<syn::Type>(text).is_ok()
}

/// Whether `text` is exactly one outer attribute, `#[...]`.
fn is_one_attribute(text: &str) -> bool {
    let parse = syn::Attribute::parse_outer;
    syn::parse::Parser::parse_str(parse, text).is_ok_and(|attributes| attributes.len() == 1)
}
