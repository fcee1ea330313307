//! Lower: `openapiv3::OpenAPI` → [`TypeSpace`]. This stage decides *what* types exist and what
//! their names are made of; the passes decide the final names.

mod components;
mod operations;
mod resolve;
mod schema;
mod union;
mod view;

use crate::error::{Diagnostic, Errors, Severity};
use crate::ir::{TypeId, TypeSpace};
use openapiv3::OpenAPI;
use std::collections::{HashMap, HashSet};

/// Lowers a whole spec. Problems are collected rather than returned at the first one, so a user
/// sees every error of a spec in one run.
pub fn lower(spec: &OpenAPI, label: &str) -> Result<(TypeSpace, Vec<Diagnostic>), Errors> {
    let mut lowerer = Lowerer {
        spec,
        label,
        space: TypeSpace {
            title: spec.info.title.clone(),
            version: spec.info.version.clone(),
            ..TypeSpace::default()
        },
        diagnostics: Vec::new(),
        components: HashMap::new(),
        component_names: Vec::new(),
        nullable_components: HashSet::new(),
        merging: Vec::new(),
    };
    lowerer.register_components();
    lowerer.lower_components();
    lowerer.lower_operations();
    let (errors, warnings): (Vec<_>, Vec<_>) = lowerer
        .diagnostics
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    if errors.is_empty() {
        Ok((lowerer.space, warnings))
    } else {
        Err(Errors(errors))
    }
}

struct Lowerer<'a> {
    spec: &'a OpenAPI,
    label: &'a str,
    space: TypeSpace,
    diagnostics: Vec<Diagnostic>,
    /// Component schema name → its pre-registered type.
    components: HashMap<&'a str, TypeId>,
    /// Type id → component name, for the pre-registered component types (indexed by id).
    component_names: Vec<String>,
    /// Components declared `nullable`: a reference to one may be `null`.
    nullable_components: HashSet<TypeId>,
    /// Components whose properties an enclosing `allOf` merge is lowering right now.
    merging: Vec<TypeId>,
}
