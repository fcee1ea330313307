//! Configuration: a TOML file (`cargo xtask codegen --config FILE`) holding the options a
//! run takes beside the spec. Every key is known: an unknown key or a value of the wrong kind
//! is an error naming the file, line and column, never a setting quietly ignored.
//!
//! ```toml
//! crate-name = "my-api"
//!
//! [select]
//! tags = ["pets"]                  # operations with any of these tags
//! operations = ["getUser"]         # or with one of these operationIds
//! paths = ["/stores/*"]            # or at one of these paths (`*` at the end: any rest)
//! exclude-tags = ["internal"]      # then none of these
//! exclude-operations = ["debug"]
//! exclude-paths = ["/admin/*"]
//!
//! [formats]
//! date-time = "string"             # a plain String; "text" (the default): support::DateTime
//! date = "chrono"                  # a crate's strict type: chrono::NaiveDate
//!
//! [types.Pet]                      # a generated type, by its name or its schema's pointer
//! rename = "Animal"
//! fields = { name = "title" }      # a JSON property → its Rust field's name
//! derives = ["Eq", "Hash"]
//! attributes = ["#[non_exhaustive]"]
//!
//! [all-types]                      # every struct, enum and union
//! derives = ["Eq"]
//! ```

use crate::error::{Diagnostic, Errors, Kind};
use crate::ir::{Strict, StrictCrate, TextFormat, TypeRef};
pub(crate) use overrides::{is_identifier, is_type};
pub use overrides::{Overrides, Replacement, TypeOverride};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// The options of a configuration file, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The Cargo package name of the generated crate.
    pub crate_name: Option<String>,
    /// Which operations to generate.
    pub select: Selection,
    /// How string formats are typed.
    pub formats: Formats,
    /// Renames, derives and attributes for generated types.
    pub overrides: Overrides,
}

/// How each string format is typed: by default in a type of its own that keeps the text, with
/// typed access (`support::DateTime` for every [`TextFormat`]); as a plain `String`; or as the
/// strict type of a crate ([`Strict`]), which parses on reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Formats {
    pub plain: BTreeSet<TextFormat>,
    pub strict: BTreeMap<TextFormat, Strict>,
}

impl Formats {
    /// The type of a string in `format`.
    pub fn type_ref(&self, format: TextFormat) -> TypeRef {
        if let Some(strict) = self.strict.get(&format) {
            TypeRef::Strict(*strict)
        } else if self.plain.contains(&format) {
            TypeRef::String
        } else {
            TypeRef::Text(format)
        }
    }
}

/// Which operations a crate has, and so which types: those the chosen operations reach.
/// Empty, every operation. An operation is chosen when no include list is given or it
/// matches one, and it matches no exclude list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub tags: Vec<String>,
    pub operations: Vec<String>,
    pub paths: Vec<String>,
    pub exclude_tags: Vec<String>,
    pub exclude_operations: Vec<String>,
    pub exclude_paths: Vec<String>,
}

/// What an operation is known by, for [`Selection::chooses`].
pub struct OperationKey<'a> {
    pub path: &'a str,
    pub operation_id: Option<&'a str>,
    pub tags: &'a [String],
}

impl Selection {
    /// Whether the selection leaves every operation in.
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }

    pub fn chooses(&self, key: &OperationKey<'_>) -> bool {
        let includes =
            !self.tags.is_empty() || !self.operations.is_empty() || !self.paths.is_empty();
        let included = !includes || self.matches(&self.tags, &self.operations, &self.paths, key);
        let excluded = self.matches(
            &self.exclude_tags,
            &self.exclude_operations,
            &self.exclude_paths,
            key,
        );
        included && !excluded
    }

    fn matches(
        &self,
        tags: &[String],
        operations: &[String],
        paths: &[String],
        key: &OperationKey<'_>,
    ) -> bool {
        key.tags.iter().any(|tag| tags.contains(tag))
            || key
                .operation_id
                .is_some_and(|id| operations.iter().any(|o| o == id))
            || paths.iter().any(|pattern| path_matches(pattern, key.path))
    }
}

/// `/stores/*` matches `/stores/` and every path under it; any other pattern, only itself.
pub fn path_matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => pattern == path,
    }
}

/// The file as written: keys in kebab-case, nothing unknown.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    crate_name: Option<toml::Spanned<String>>,
    #[serde(default)]
    select: SelectionFile,
    /// A string format → how its values are typed.
    #[serde(default)]
    /// `"text"` (its type in the support module: the text kept, typed access beside it),
    /// `"string"` (a plain `String`), or the name of a crate with a strict type for it.
    formats: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    #[serde(default)]
    types: BTreeMap<toml::Spanned<String>, overrides::TypeFile>,
    #[serde(default)]
    all_types: overrides::ExtrasFile,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SelectionFile {
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    operations: Vec<String>,
    #[serde(default)]
    paths: Vec<toml::Spanned<String>>,
    #[serde(default)]
    exclude_tags: Vec<String>,
    #[serde(default)]
    exclude_operations: Vec<String>,
    #[serde(default)]
    exclude_paths: Vec<toml::Spanned<String>>,
}

impl Config {
    /// Reads a configuration from its text; `label` names the file in errors.
    pub fn from_toml(text: &str, label: &str) -> Result<Config, Errors> {
        let file: File = toml::from_str(text).map_err(|e| {
            let message = e.message().trim_end().to_owned();
            Errors::one(place(
                Diagnostic::error(Kind::Schema, label, message),
                text,
                e.span(),
            ))
        })?;
        let mut errors = Vec::new();
        if let Some(name) = &file.crate_name {
            if let Err(why) = crate::check_crate_name(name.get_ref()) {
                errors.push(place(
                    Diagnostic::error(Kind::Schema, label, why.0).hint(why.1),
                    text,
                    Some(name.span()),
                ));
            }
        }
        let mut formats = Formats::default();
        for (name, choice) in &file.formats {
            match TextFormat::from_format(name.get_ref()) {
                Some(format) => match choice.get_ref().as_str() {
                    "text" => {}
                    "string" => {
                        formats.plain.insert(format);
                    }
                    other => match StrictCrate::from_config_name(other)
                        .and_then(|krate| Strict::new(format, krate))
                    {
                        Some(strict) => {
                            formats.strict.insert(format, strict);
                        }
                        None => {
                            let mut choices = vec!["\"text\"".to_owned(), "\"string\"".to_owned()];
                            choices.extend(
                                Strict::crates_for(format)
                                    .into_iter()
                                    .map(|krate| format!("\"{}\"", krate.config_name())),
                            );
                            let message = format!(
                                "`{other}` is not a way to type `{}`; the choices are {}",
                                name.get_ref(),
                                choices.join(", ")
                            );
                            errors.push(place(
                                Diagnostic::error(Kind::Schema, label, message),
                                text,
                                Some(choice.span()),
                            ));
                        }
                    },
                },
                None => {
                    let known: Vec<&str> = TextFormat::ALL.iter().map(|f| f.spec_name()).collect();
                    let message = format!(
                        "`{}` is not a format with a type of its own; those are {}",
                        name.get_ref(),
                        known.join(", ")
                    );
                    errors.push(place(
                        Diagnostic::error(Kind::Schema, label, message),
                        text,
                        Some(name.span()),
                    ));
                }
            }
        }
        let overrides = overrides::read(file.types, file.all_types, text, label, &mut errors);
        let select = file.select;
        if !errors.is_empty() {
            return Err(Errors(errors));
        }
        let plain = |list: Vec<toml::Spanned<String>>| {
            list.into_iter().map(toml::Spanned::into_inner).collect()
        };
        Ok(Config {
            formats,
            overrides,
            crate_name: file.crate_name.map(toml::Spanned::into_inner),
            select: Selection {
                tags: select.tags,
                operations: select.operations,
                paths: plain(select.paths),
                exclude_tags: select.exclude_tags,
                exclude_operations: select.exclude_operations,
                exclude_paths: plain(select.exclude_paths),
            },
        })
    }
}

/// The diagnostic at the line and column where `span` starts.
fn place(diagnostic: Diagnostic, text: &str, span: Option<Range<usize>>) -> Diagnostic {
    match span {
        Some(span) => {
            let (line, column) = line_col(text, &span);
            diagnostic.at_line_col(line, column)
        }
        None => diagnostic,
    }
}

/// The 1-based line and column (in characters) where `span` starts in `text`.
fn line_col(text: &str, span: &Range<usize>) -> (usize, usize) {
    let before = &text[..span.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

mod overrides;
#[cfg(test)]
mod tests;
