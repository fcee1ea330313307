//! A type read together with the names the naming passes gave it and its members.

use super::{TypeDef, TypeId};

/// A type with the names the naming passes gave it and its members, read as its definition
/// (through `Deref`) wherever the definition is all that is needed.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    pub id: TypeId,
    pub name: &'a str,
    pub members: &'a MemberNames,
    pub(super) def: &'a TypeDef,
}

/// The Rust names of one type's members, in the definition's order: a struct's or a headers
/// type's fields, an enum's or a union's variants, a response's cases, a request's fields (in
/// [`super::RequestDef::fields`] order). A tuple, a file part, an alias and a newtype have none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberNames {
    pub members: Vec<String>,
    /// The catch-all: the variant that keeps an enum's or union's unlisted values or a
    /// response's undocumented statuses, or the field that keeps a struct's undeclared
    /// properties. Empty where the type has none.
    pub other: String,
}

impl MemberNames {
    /// The name of member `index` (see [`MemberNames`] for the order).
    pub fn get(&self, index: usize) -> &str {
        &self.members[index]
    }

    /// Each member's name, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(String::as_str)
    }
}

impl std::ops::Deref for Named<'_> {
    type Target = TypeDef;

    fn deref(&self) -> &TypeDef {
        self.def
    }
}
