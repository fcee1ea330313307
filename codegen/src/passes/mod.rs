//! Passes over the IR, run in order after lowering: naming, then dedup (which needs the final
//! names of both twins), then derive inference (which needs to know which types are aliases).

mod dedup;
mod derives;
mod names;

use crate::error::Diagnostic;
use crate::ir::TypeSpace;

/// Runs every pass; returns the warnings they raised.
pub fn run(space: &mut TypeSpace, label: &str) -> Vec<Diagnostic> {
    let warnings = names::assign(space, label);
    dedup::alias_variant_twins(space);
    derives::infer_default(space);
    warnings
}
