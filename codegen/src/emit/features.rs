//! The `cfg`s of the tag gates (`passes::tag_gates`): a gated type's module and re-export, and
//! an example test of a tagged operation, compiled under `all-tags` or one of its tags.

use crate::ir::{TypeId, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// The feature that turns every tag's types on, part of `default`.
pub const ALL_TAGS: &str = "all-tags";

/// `#[cfg(any(feature = "all-tags", feature = "tag-…", …))]` for a type with a gate.
pub fn type_cfg(space: &TypeSpace, id: TypeId) -> Option<TokenStream> {
    let gate = space.tag_gates.by_type.get(id.0)?;
    gate.as_ref().map(cfg)
}

/// What the gate of the operation `operation_id`'s types holds, for its example tests.
pub fn operation_cfg_predicate(space: &TypeSpace, operation_id: &str) -> Option<TokenStream> {
    space
        .tag_gates
        .by_operation
        .iter()
        .find(|(id, _)| id == operation_id)
        .and_then(|(_, gate)| gate.as_ref().map(predicate))
}

/// What a gated type's `cfg(…)` holds: `feature = "all-tags"`, or `any(…)` of it and its
/// tags' features.
pub fn type_cfg_predicate(space: &TypeSpace, id: TypeId) -> Option<TokenStream> {
    let gate = space.tag_gates.by_type.get(id.0)?;
    gate.as_ref().map(predicate)
}

fn cfg(features: &BTreeSet<String>) -> TokenStream {
    let predicate = predicate(features);
    quote!(#[cfg(#predicate)])
}

fn predicate(features: &BTreeSet<String>) -> TokenStream {
    if features.is_empty() {
        return quote!(feature = #ALL_TAGS);
    }
    let features = std::iter::once(ALL_TAGS).chain(features.iter().map(String::as_str));
    quote!(any(#(feature = #features),*))
}
