//! Normalisation: a document of any version this generator reads, turned into the OpenAPI 3.0
//! form that typing and lowering read. One pass per input version, each a set of small rules;
//! the pipeline after it never asks which version it was.
//!
//! Rules rewrite in place where they can, so a place keeps its JSON pointer. Where a pass moves
//! a subtree (a 3.1 webhook into `paths`), it records the move in the [`Provenance`], and every
//! diagnostic is mapped back through it to the user's own pointer before its line and column
//! are looked up.

/// The extension by which normalisation marks a 3.1 tuple: `openapiv3` has no `prefixItems`,
/// so the positional schemas travel as `properties` named `0`, `1`, …, which it does keep.
pub const TUPLE_MARK: &str = "x-codegen-tuple";

/// The extension by which normalisation marks a discriminator it inferred rather than read
/// (`oas31::tags_from_constants`).
pub const INFERRED_DISCRIMINATOR: &str = "x-codegen-inferred";

/// The extension in which normalisation keeps Swagger 2.0's `collectionFormat` where OpenAPI 3
/// has no style for it (`tsv`).
pub const COLLECTION_FORMAT: &str = "x-collection-format";

mod anchors;
pub mod constant_tags;
pub mod oas31;
mod schema31;
pub mod swagger2;
mod swagger2_parameters;

use crate::error::{Diagnostic, Errors, Kind};
use serde_json::Value;

/// The moves a pass made: each output place (a pointer prefix) with the input place it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    moves: Vec<(String, String)>,
    /// The webhooks among the path items, which the 3.0 form has only under `paths`.
    pub webhooks: Webhooks,
}

/// The keys under `paths` that hold a 3.1 webhook's path item, each with the webhook's name.
/// Lowering asks it whether an operation is one the API calls rather than serves; nothing reads
/// that from the key itself, so a real path that looks like one is a path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Webhooks(indexmap::IndexMap<String, String>);

impl Webhooks {
    /// The name of the webhook whose path item is under `paths` at `key`, if it is one.
    pub fn name(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    pub(super) fn insert(&mut self, key: String, name: String) {
        self.0.insert(key, name);
    }
}

impl Provenance {
    pub(super) fn moved(&mut self, to: &str, from: &str) {
        self.moves.push((to.to_owned(), from.to_owned()));
    }

    /// The pointer of the input place that `pointer`, a place of the output, came from: by
    /// the most specific move that holds it. (Outputs and inputs can share names, so moves are
    /// not followed in a chain; a pass that moves a place twice records the first origin.)
    pub fn to_input(&self, pointer: &str) -> String {
        let best = self
            .moves
            .iter()
            .filter_map(|(to, from)| {
                let rest = pointer.strip_prefix(to.as_str())?;
                (rest.is_empty() || rest.starts_with('/')).then_some((to.len(), from, rest))
            })
            .max_by_key(|(len, _, _)| *len);
        match best {
            Some((_, from, rest)) => format!("{from}{rest}"),
            None => pointer.to_owned(),
        }
    }

    /// Maps each diagnostic's pointer back to the input.
    pub fn map_back(&self, diagnostics: &mut [Diagnostic]) {
        if self.moves.is_empty() {
            return;
        }
        for d in diagnostics {
            if let Some(pointer) = &d.pointer {
                d.pointer = Some(self.to_input(pointer));
            }
            // A message that quotes a reference quotes it as the user wrote it.
            for (to, from) in &self.moves {
                let quoted = format!("`$ref: {to}/");
                if d.message.contains(&quoted) {
                    d.message = d.message.replace(&quoted, &format!("`$ref: {from}/"));
                }
            }
        }
    }
}

/// Warnings a pass gives once per kind, however many places have it: the count and the first
/// place.
#[derive(Default)]
pub struct Notes {
    kinds: Vec<(&'static str, String, String, usize)>,
    /// Places the pass could not rewrite without guessing, each with its message: the
    /// document is rejected with all of them.
    errors: Vec<(String, String)>,
}

impl Notes {
    pub(super) fn once(&mut self, kind: &'static str, at: &str, message: &str) {
        match self.kinds.iter_mut().find(|(k, _, _, _)| *k == kind) {
            Some((_, _, _, count)) => *count += 1,
            None => self
                .kinds
                .push((kind, at.to_owned(), message.to_owned(), 1)),
        }
    }

    pub(super) fn error(&mut self, at: String, message: String) {
        self.errors.push((at, message));
    }

    fn into_warnings(self, label: &str) -> Vec<Diagnostic> {
        self.kinds
            .into_iter()
            .map(|(_, at, message, count)| {
                let message = if count == 1 {
                    message
                } else {
                    format!("{message} ({count} places; the first is named here)")
                };
                Diagnostic::warning(Kind::Unsupported, label, message).at(&at)
            })
            .collect()
    }
}

/// Rewrites an OpenAPI 3.1 or 3.2 document as 3.0, returning where moved places came from.
pub fn from_31(
    value: &mut Value,
    label: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Provenance, Errors> {
    run(value, label, warnings, oas31::normalize)
}

/// Rewrites a Swagger 2.0 document as OpenAPI 3.0, returning where moved places came from.
pub fn from_20(
    value: &mut Value,
    label: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Provenance, Errors> {
    run(value, label, warnings, swagger2::normalize)
}

type Pass = fn(&mut serde_json::Map<String, Value>, &mut Notes, &mut Provenance);

fn run(
    value: &mut Value,
    label: &str,
    warnings: &mut Vec<Diagnostic>,
    pass: Pass,
) -> Result<Provenance, Errors> {
    let mut notes = Notes::default();
    let mut provenance = Provenance::default();
    if let Some(root) = value.as_object_mut() {
        pass(root, &mut notes, &mut provenance);
    }
    let errors = std::mem::take(&mut notes.errors);
    warnings.extend(notes.into_warnings(label));
    if errors.is_empty() {
        return Ok(provenance);
    }
    let mut errors: Vec<Diagnostic> = errors
        .into_iter()
        .map(|(at, message)| {
            Diagnostic::error(Kind::Schema, label, message)
                .at(&at)
                .hint(
                "point the `$ref` at one schema, by a JSON pointer or an identifier declared once",
            )
        })
        .collect();
    provenance.map_back(&mut errors);
    Err(Errors(errors))
}

/// Test helper: one schema through the 3.1 rules, and the warnings' messages.
#[cfg(test)]
pub(super) fn rewrite_31(schema: Value) -> (Value, Vec<String>) {
    let mut notes = Notes::default();
    let mut value = schema;
    oas31::rewrite_tree(&mut value, "#/s", &mut notes);
    let messages = notes
        .into_warnings("t")
        .into_iter()
        .map(|d| d.message)
        .collect();
    (value, messages)
}

#[cfg(test)]
mod tests;
