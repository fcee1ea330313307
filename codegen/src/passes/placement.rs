//! Where each type sits: the operation variant whose body it is nested in, and on which side
//! of the variant (the request body or a response body). One walk up the parent chain to the
//! type's root decides both; a type not nested in a body (a component, a request or response
//! type, a parameter's type) has no place.

use crate::ir::{TypeId, TypeSpace};
use indexmap::IndexMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

impl Side {
    pub fn suffix(self) -> &'static str {
        match self {
            Side::Request => "Request",
            Side::Response => "Response",
        }
    }
}

/// A variant (its index over all operations' variants, in order) and a side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub variant: usize,
    pub side: Side,
}

pub fn of_every_type(space: &TypeSpace) -> Vec<Option<Place>> {
    let mut by_root: IndexMap<TypeId, Place> = IndexMap::new();
    let variants = space.operations.iter().flat_map(|op| &op.variants);
    for (variant, v) in variants.enumerate() {
        let responses = v.response_bodies.iter().map(|&root| (root, Side::Response));
        let request = v.request_body.map(|root| (root, Side::Request));
        for (root, side) in responses.chain(request) {
            by_root.insert(root, Place { variant, side });
        }
    }
    space
        .ids()
        .map(|id| by_root.get(&root_of(space, id)).copied())
        .collect()
}

/// The outermost type enclosing `id` (itself when it has no parent).
fn root_of(space: &TypeSpace, id: TypeId) -> TypeId {
    let mut current = id;
    // Bounded, so that a malformed chain cannot loop.
    for _ in 0..space.types.len() {
        match space.get(current).hint.parent {
            Some(parent) => current = parent,
            None => break,
        }
    }
    current
}
