//! Lower: `openapiv3::OpenAPI` → [`TypeSpace`]. This stage decides *what* types exist and what
//! their names are made of; the passes decide the final names.

mod operations;
mod resolve;
mod schema;

use crate::error::{Diagnostic, Errors, Severity};
use crate::ir::TypeSpace;
use openapiv3::OpenAPI;

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
    };
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
}
