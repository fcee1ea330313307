//! Lower: `openapiv3::OpenAPI` → [`TypeSpace`]. This stage decides *what* types exist and what
//! their names are made of; the passes decide the final names.

mod all_of;
mod components;
mod inheritance;
mod object;
mod operations;
mod places;
mod reference;
mod requests;
mod resolve;
mod responses;
mod schema;
mod servers;
mod tuple;
mod union;
mod view;

use crate::config::Formats;
use crate::error::{Diagnostic, Errors, Severity};
use crate::ir::{TypeId, TypeSpace};
use crate::load::normalize::Webhooks;
use indexmap::{IndexMap, IndexSet};
use openapiv3::OpenAPI;

/// Lowers a whole spec; `deep_references` are the `$ref`s that point inside components or
/// paths (see [`crate::load::Loaded`]). Problems are collected rather than returned at the
/// first one, so a user sees every error of a spec in one run.
pub fn lower(
    spec: &OpenAPI,
    deep_references: &[String],
    label: &str,
) -> Result<(TypeSpace, Vec<Diagnostic>), Errors> {
    lower_with(
        spec,
        deep_references,
        &Webhooks::default(),
        label,
        &Formats::default(),
    )
}

/// [`lower`], with the webhooks among the path items (see [`crate::load::normalize::Webhooks`])
/// and `formats` saying which string formats are plain `String`s.
pub fn lower_with(
    spec: &OpenAPI,
    deep_references: &[String],
    webhooks: &Webhooks,
    label: &str,
    formats: &Formats,
) -> Result<(TypeSpace, Vec<Diagnostic>), Errors> {
    let mut lowerer = Lowerer {
        spec,
        webhooks,
        label,
        formats,
        space: TypeSpace {
            title: spec.info.title.clone(),
            version: spec.info.version.clone(),
            ..TypeSpace::default()
        },
        diagnostics: Vec::new(),
        components: IndexMap::new(),
        nullable_components: IndexSet::new(),
        merging: Vec::new(),
        places: IndexMap::new(),
        places_lowered: IndexSet::new(),
        families: IndexMap::new(),
    };
    lowerer.register_components();
    lowerer.register_families();
    lowerer.register_places(deep_references);
    lowerer.lower_components();
    lowerer.lower_operations();
    lowerer.lower_unreached_places();
    lowerer.lower_servers_and_security();
    // A place lowered once per operation variant (a shared response) reports its problems once.
    let mut seen = indexmap::IndexSet::new();
    let (errors, warnings): (Vec<_>, Vec<_>) = lowerer
        .diagnostics
        .into_iter()
        .filter(|d| seen.insert(d.to_string()))
        .partition(|d| d.severity == Severity::Error);
    if errors.is_empty() {
        Ok((lowerer.space, warnings))
    } else {
        Err(Errors(errors))
    }
}

struct Lowerer<'a> {
    spec: &'a OpenAPI,
    /// Which path items are webhooks moved under `paths`.
    webhooks: &'a Webhooks,
    label: &'a str,
    /// Which string formats get a type of their own.
    formats: &'a Formats,
    space: TypeSpace,
    diagnostics: Vec<Diagnostic>,
    /// Component schema name → its pre-registered type.
    components: IndexMap<&'a str, TypeId>,
    /// Components declared `nullable`: a reference to one may be `null`.
    nullable_components: IndexSet<TypeId>,
    /// Components whose properties an enclosing `allOf` merge is lowering right now.
    merging: Vec<TypeId>,
    /// Places inside the document that a `$ref` points into, by pointer, with their slots.
    places: IndexMap<String, TypeId>,
    /// The slots of `places` lowered so far (or being lowered).
    places_lowered: IndexSet<TypeId>,
    /// The components that others extend, told apart by a discriminator: each stands for its
    /// family's union wherever it is referenced.
    families: IndexMap<TypeId, inheritance::Family>,
}
