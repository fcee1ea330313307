//! The intermediate representation: a type space of named types, plain data with no `openapiv3`
//! types and no tokens. Lowering fills it from a spec; passes refine it; emit reads it.
//!
//! Types live in an arena and refer to each other by [`TypeId`], so references between types
//! (and, later, cycles through component schemas) need no ownership tricks.

use serde_json::Value;

/// Index of a type in [`TypeSpace::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub usize);

/// Everything the emitter needs to write a crate.
#[derive(Debug, Default)]
pub struct TypeSpace {
    /// Title of the API, for crate docs.
    pub title: String,
    /// Version of the API document, for the crate version where it is valid semver.
    pub version: String,
    pub types: Vec<TypeDef>,
    pub operations: Vec<Operation>,
    pub examples: Vec<Example>,
}

impl TypeSpace {
    pub fn add(&mut self, def: TypeDef) -> TypeId {
        self.types.push(def);
        TypeId(self.types.len() - 1)
    }

    pub fn get(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    pub fn get_mut(&mut self, id: TypeId) -> &mut TypeDef {
        &mut self.types[id.0]
    }

    pub fn ids(&self) -> impl Iterator<Item = TypeId> {
        (0..self.types.len()).map(TypeId)
    }
}

/// Which module of the generated crate a type lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Module {
    /// Request and response bodies of operations, and the inline types under them.
    Operations,
}

impl Module {
    pub fn dir(self) -> &'static str {
        match self {
            Module::Operations => "operations",
        }
    }
}

/// One named type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// The Rust name, assigned by the naming pass; empty until then.
    pub name: String,
    /// Where the name comes from.
    pub hint: NameHint,
    pub module: Module,
    pub docs: Option<String>,
    /// JSON pointer of the schema this type was lowered from.
    pub pointer: String,
    pub kind: TypeKind,
}

/// The raw material of a type's name: the naming pass turns it into a unique Rust name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHint {
    /// The prefix shared by every type of one operation variant, e.g.
    /// `BackchannelAuthenticationCompleteApiForm`.
    pub scope: String,
    /// The type's own part, already PascalCase, e.g. `ServiceAttribute` or `ResponseBody`.
    pub base: String,
    /// The type this one is nested in, used to tell apart two types that would share a name.
    pub parent: Option<TypeId>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    Struct(StructDef),
    Enum(EnumDef),
    /// `pub type Name = Target;`: a body that is not an object, or a type found identical to
    /// another by the dedup pass.
    Alias(TypeRef),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StructDef {
    pub fields: Vec<Field>,
    /// Whether `Default` can be derived, decided by the derive pass.
    pub derive_default: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The property name exactly as the JSON carries it.
    pub json_name: String,
    /// The Rust field name, assigned by the naming pass; empty until then.
    pub rust_name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub docs: Option<String>,
}

/// An open enum: the listed values plus a variant that keeps any other value as it came.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnumDef {
    pub variants: Vec<EnumVariant>,
    /// Name of the catch-all variant, assigned by the naming pass.
    pub other_name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    pub value: String,
    /// Assigned by the naming pass; empty until then.
    pub rust_name: String,
}

/// The type of a field, an array item or an alias target.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    String,
    I32,
    I64,
    F64,
    Bool,
    /// Any JSON value: an absent or empty schema, or one whose shape is not known.
    Json,
    Vec(Box<TypeRef>),
    Named(TypeId),
}

/// An operation and the root types of each of its variants, in the order of the variants
/// (the first is the primary one, which the dedup pass keeps).
#[derive(Debug, Clone)]
pub struct Operation {
    pub operation_id: String,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub scope: String,
    /// The root types lowered for this variant (response bodies), in a fixed order so the roots
    /// of two variants can be paired by position.
    pub roots: Vec<TypeId>,
}

/// A response example from the spec, turned into a round-trip test of its type.
#[derive(Debug, Clone)]
pub struct Example {
    pub operation_id: String,
    pub status: String,
    pub name: String,
    pub ty: TypeRef,
    pub value: Value,
    /// The test function name, assigned by the naming pass.
    pub test_name: String,
}
