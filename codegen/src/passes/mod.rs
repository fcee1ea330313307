//! Passes over the IR, run in order after lowering: naming; dedup of identical types; cycle
//! breaking (which needs to know which types are aliases); derive inference (which needs the
//! boxes cycle breaking adds).

mod cycles;
mod dedup;
mod derives;
mod examples;
mod names;

use crate::error::Diagnostic;
use crate::ir::TypeSpace;

/// Runs every pass; returns the warnings they raised.
pub fn run(space: &mut TypeSpace, label: &str) -> Vec<Diagnostic> {
    let mut warnings = names::assign(space, label);
    dedup::alias_identical_types(space);
    warnings.extend(cycles::break_cycles(space, label));
    derives::infer_default(space);
    warnings.extend(examples::check(space, label));
    warnings
}
