//! Local `$ref` resolution for the component sections that hold whole objects (request bodies,
//! responses, examples). Schema references are lowered as types of their own instead.

use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use indexmap::IndexMap;
use openapiv3::{Components, ReferenceOr};

/// How many `$ref` hops a chain may take before it is taken for a cycle.
const MAX_REF_HOPS: usize = 64;

impl<'a> Lowerer<'a> {
    /// Follows `item` through `#/components/{section}/…` references to the object it names,
    /// returning it with its JSON pointer. A reference that cannot be followed is reported at
    /// `at` and gives `None`, so lowering goes on and reports any further problems too.
    pub(super) fn resolve<T>(
        &mut self,
        item: &'a ReferenceOr<T>,
        at: &str,
        section: &str,
        get: impl Fn(&'a Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Option<(&'a T, String)> {
        let mut current = item;
        let mut current_at = at.to_owned();
        for _ in 0..MAX_REF_HOPS {
            let reference = match current {
                ReferenceOr::Item(found) => return Some((found, current_at)),
                ReferenceOr::Reference { reference } => reference,
            };
            let Some(name) = crate::pointer::component(reference, section) else {
                self.bad_ref(
                    &current_at,
                    reference,
                    &format!("expected a reference to an entry of `#/components/{section}`"),
                );
                return None;
            };
            let target = self
                .spec
                .components
                .as_ref()
                .and_then(|c| get(c).get(&name));
            let Some(target) = target else {
                self.bad_ref(
                    &current_at,
                    reference,
                    "the reference names nothing in this document",
                );
                return None;
            };
            current = target;
            current_at = reference.clone();
        }
        self.bad_ref(
            at,
            "",
            "the reference chain is too long or loops back on itself",
        );
        None
    }

    fn bad_ref(&mut self, at: &str, reference: &str, why: &str) {
        self.diagnostics.push(
            Diagnostic::error(
                Kind::Schema,
                self.label,
                format!("cannot resolve `$ref: {reference}`: {why}"),
            )
            .at(at)
            .hint("point the `$ref` at an existing entry of this document's `components`"),
        );
    }
}
