//! Passes over the IR, run in order after lowering: union alternatives that lead back to their
//! union are left out (before anything is named); the members' names (fields, variants),
//! which dedup compares; dedup of identical types; one shared type per status for error bodies
//! that operations share; then the types' names, once those relations are decided (no pass
//! renames a type after it); cycle breaking (which needs to know which types are aliases);
//! derive inference (which needs the boxes cycle breaking adds).

mod cycles;
mod dedup;
mod derives;
mod examples;
pub use examples::contradiction;
mod names;
pub mod overrides;
mod placement;
mod shared_errors;
pub mod tag_gates;
mod type_names;

use crate::error::Diagnostic;
use crate::ir::TypeSpace;

/// Runs every pass; returns the warnings they raised.
pub fn run(space: &mut TypeSpace, label: &str) -> Vec<Diagnostic> {
    let mut warnings = cycles::drop_alternatives_that_are_their_union(space, label);
    let collisions = names::assign_members(space);
    dedup::alias_identical_types(space);
    let shared = shared_errors::share_error_bodies(space);
    warnings.extend(type_names::assign(space, &shared, label));
    warnings.extend(collisions.iter().map(|c| c.warning(space, label)));
    warnings.extend(cycles::break_cycles(space, label));
    derives::infer_default(space);
    warnings.extend(examples::check(space, label));
    space.tag_gates = tag_gates::decide(space);
    warnings
}
