//! The intermediate representation: a type space of named types, plain data with no `openapiv3`
//! types and no tokens. Lowering fills it from a spec; passes refine it; emit reads it.
//!
//! Types live in an arena and refer to each other by [`TypeId`], so references between types
//! (and, later, cycles through component schemas) need no ownership tricks.

/// Index of a type in [`TypeSpace::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub usize);

/// Everything the emitter needs to write a crate.
#[derive(Debug, Clone, Default)]
pub struct TypeSpace {
    /// Title of the API, for crate docs.
    pub title: String,
    /// Version of the API document, for the crate version where it is valid semver.
    pub version: String,
    pub types: Vec<TypeDef>,
    /// By type id: the Rust name, decided by the type-name pass (empty before it runs) and
    /// changed only by the configuration's renames.
    pub type_names: Vec<String>,
    /// By type id: the Rust names of the type's members, decided by the member-name pass
    /// (empty before it runs).
    pub member_names: Vec<MemberNames>,
    /// By security scheme (the index of `security_schemes`): the field of the crate's
    /// `Security` that holds its credential, from the member-name pass.
    pub scheme_fields: Vec<String>,
    pub operations: Vec<Operation>,
    pub examples: Vec<Example>,
    /// By example (the index of `examples`): its test function's name, from the naming pass.
    pub example_tests: Vec<String>,
    /// By example: whether it is tested, and against what, from the examples pass.
    pub example_verdicts: Vec<Verdict>,
    pub servers: Vec<Server>,
    pub security_schemes: Vec<SecurityScheme>,
    /// The document's security requirements, for operations that do not name their own.
    pub security: Vec<Vec<String>>,
    /// Derives and attributes the configuration adds, by the final name of the type they go on
    /// (type names are unique in a space).
    pub extras: std::collections::BTreeMap<String, Extras>,
    /// The crates that replacing types come from: name → version requirement.
    pub dependencies: std::collections::BTreeMap<String, String>,
    /// The tag features each type is compiled under, decided by the tag-gates pass.
    pub tag_gates: TagGates,
    /// By type id: whether the struct or request derives `Default`, decided by the derives
    /// pass (empty before it runs: nothing derives it).
    pub derives_default: Vec<bool>,
}

/// Which Cargo features of tags each type and each operation's example tests are compiled
/// under (see `passes::tag_gates`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagGates {
    /// By type id: `None` for no gate, else the features of the tags whose operations reach
    /// the type (none: `all-tags` only).
    pub by_type: Vec<Option<std::collections::BTreeSet<String>>>,
    /// By operationId: the features of the operation's tags, `None` for an untagged one.
    pub by_operation: Vec<(String, Option<std::collections::BTreeSet<String>>)>,
    /// Every tag feature, sorted; none when no operation has a tag.
    pub features: std::collections::BTreeSet<String>,
}

/// What a configuration adds to a generated type, each item as the user wrote it (checked to
/// be a path or an outer attribute when the configuration is read).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    /// Paths of derive macros (`Eq`, `Hash`, `schemars::JsonSchema`).
    pub derives: Vec<String>,
    /// Whole outer attributes (`#[non_exhaustive]`).
    pub attributes: Vec<String>,
}

impl TypeSpace {
    /// Whether the crate has a `Security` type (`security.rs`): where there are security
    /// schemes and operations whose requests carry the credentials (a spec of models alone has
    /// nothing to send them with).
    pub fn has_security(&self) -> bool {
        !self.security_schemes.is_empty() && !self.operations.is_empty()
    }

    pub fn add(&mut self, def: TypeDef) -> TypeId {
        self.types.push(def);
        TypeId(self.types.len() - 1)
    }

    pub fn get(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// The Rust name of the type `id` (empty before the type-name pass has run).
    pub fn name(&self, id: TypeId) -> &str {
        self.type_names.get(id.0).map_or("", String::as_str)
    }

    /// The Rust names of the members of the type `id`, once the member-name pass has named
    /// them (a missing table is a bug that would otherwise drop every field, not an empty
    /// type).
    pub fn members(&self, id: TypeId) -> &MemberNames {
        &self.member_names[id.0]
    }

    /// The type `id` with its names, as emitting and rendering read it.
    pub fn named(&self, id: TypeId) -> Named<'_> {
        Named {
            id,
            name: self.name(id),
            members: self.members(id),
            def: self.get(id),
        }
    }

    /// Each security scheme with the field of `Security` that holds its credential.
    pub fn schemes(&self) -> impl Iterator<Item = (&SecurityScheme, &str)> {
        assert_eq!(
            self.scheme_fields.len(),
            self.security_schemes.len(),
            "the member-name pass names every scheme's field"
        );
        self.security_schemes
            .iter()
            .zip(self.scheme_fields.iter().map(String::as_str))
    }

    pub fn get_mut(&mut self, id: TypeId) -> &mut TypeDef {
        &mut self.types[id.0]
    }

    pub fn ids(&self) -> impl Iterator<Item = TypeId> {
        (0..self.types.len()).map(TypeId)
    }

    /// The type an alias stands for in the end, through aliases of aliases (bounded, so an
    /// alias cycle ends on one of its aliases).
    pub fn resolve_alias(&self, mut id: TypeId) -> TypeId {
        for _ in 0..self.types.len() {
            match self.get(id).kind {
                TypeKind::Alias(TypeRef::Named(next)) => id = next,
                _ => break,
            }
        }
        id
    }

    /// The type a reference names in the end, through boxes, `null` and aliases; `None` for a
    /// reference to no named type.
    pub fn resolve_alias_ref(&self, ty: &TypeRef) -> Option<TypeId> {
        match ty {
            TypeRef::Named(id) => Some(self.resolve_alias(*id)),
            TypeRef::Boxed(inner) | TypeRef::Nullable(inner) => self.resolve_alias_ref(inner),
            _ => None,
        }
    }

    /// Each request whose body is the request itself (`RequestDef::body_is_request`), with
    /// that body.
    pub fn requests_that_are_bodies(&self) -> impl Iterator<Item = (TypeId, TypeId)> + '_ {
        let variants = self.operations.iter().flat_map(|op| &op.variants);
        variants.filter_map(|v| {
            let body = v.request_body?;
            matches!(&self.get(v.request).kind, TypeKind::Request(r) if r.body_is_request)
                .then_some((v.request, body))
        })
    }

    /// Whether the type `id` derives `Default` (see [`Self::derives_default`]).
    pub fn derives_default(&self, id: TypeId) -> bool {
        self.derives_default.get(id.0).copied().unwrap_or(false)
    }

    /// Each example with its test's name and its verdict, once the passes have run.
    pub fn judged_examples(&self) -> impl Iterator<Item = (&Example, &str, &Verdict)> {
        assert_eq!(
            (self.example_tests.len(), self.example_verdicts.len()),
            (self.examples.len(), self.examples.len()),
            "the naming and examples passes give every example a name and a verdict"
        );
        self.examples
            .iter()
            .zip(&self.example_tests)
            .zip(&self.example_verdicts)
            .map(|((example, name), verdict)| (example, name.as_str(), verdict))
    }

    /// Whether a type of another crate replaces the generated one: its file is an alias of
    /// that type, and it has no page.
    pub fn is_replaced(&self, id: TypeId) -> bool {
        matches!(&self.get(id).kind, TypeKind::Alias(TypeRef::External(_)))
    }

    /// Whether a type has a file and a page of its own: all but a request that its body is
    /// (emitted in the body's file, as its impl).
    pub fn has_own_file(&self, id: TypeId) -> bool {
        !matches!(&self.get(id).kind, TypeKind::Request(r) if r.body_is_request)
    }
}

/// Which module of the generated crate a type lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Module {
    /// Component schemas, and the inline types under them.
    Components,
    /// Request and response bodies of operations, and the inline types under them.
    Operations,
}

impl Module {
    pub fn dir(self) -> &'static str {
        match self {
            Module::Components => "components",
            Module::Operations => "operations",
        }
    }
}

/// One type, as lowering found it.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// Where the name comes from (the name itself is the type-name pass's: see
    /// [`TypeSpace::name`]).
    pub hint: NameHint,
    pub module: Module,
    pub docs: Option<String>,
    /// JSON pointer of the schema this type was lowered from.
    pub pointer: String,
    pub kind: TypeKind,
}

impl TypeDef {
    /// Whether a reference of the definition is, or holds, a format's text type: its file
    /// then names the support module.
    pub fn mentions_text(&self) -> bool {
        let mut mentions = false;
        self.for_each_ref(|ty| mentions |= ty.text_format().is_some());
        mentions
    }

    /// Calls `f` on every type reference the definition holds, in declaration order.
    pub fn for_each_ref<'s>(&'s self, mut f: impl FnMut(&'s TypeRef)) {
        match &self.kind {
            TypeKind::Struct(s) => {
                s.fields.iter().for_each(|field| f(&field.ty));
                if let Some(extra) = &s.extra {
                    f(&extra.ty);
                }
            }
            TypeKind::Union(u) => u.variants.iter().for_each(|v| f(&v.ty)),
            TypeKind::Alias(target) | TypeKind::Newtype(target) => f(target),
            TypeKind::Request(r) => r.fields().for_each(|field| f(&field.ty)),
            TypeKind::Response(r) => r.cases.iter().for_each(|case| {
                if let ResponseBody::Json(ty) | ResponseBody::Content(ty) = &case.body {
                    f(ty)
                }
            }),
            TypeKind::Tuple(t) => t.items.iter().chain(&t.rest).for_each(f),
            TypeKind::Headers(fields) => fields.iter().for_each(|field| f(&field.ty)),
            TypeKind::Enum(_) | TypeKind::FilePart => {}
        }
    }
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
    /// The name the schema gives itself (`x-speakeasy-name-override`, else `title`, else a 3.1
    /// `$anchor`), taken as the whole type name where it is free; the scope and base above
    /// are the name from context, used where it is not.
    pub preferred: Option<String>,
    /// Named as its parent's name followed by the base, whatever else wants the base: the
    /// seed generator's rule for the file parts of a multipart body (`RotatePDFRequestFileInput`).
    pub after_parent: bool,
    /// Where the type is an alternative of a union (or the items of an array alternative), its
    /// position there, counted from 1: the seed's generator calls such a type by the number's
    /// word (`One`, `Two`) where no other type of its module wants that word.
    pub position: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    Struct(StructDef),
    Enum(EnumDef),
    /// `oneOf`/`anyOf`: one of several types.
    Union(UnionDef),
    /// `pub type Name = Target;`: a body that is not an object, or a type found identical to
    /// another by the dedup pass.
    Alias(TypeRef),
    /// `pub struct Name(pub Target);`, serialized as the target: an alias that would refer to
    /// itself, which Rust does not allow of aliases.
    Newtype(TypeRef),
    /// `{Variant}Request`: the parameters and body of one operation variant, with the
    /// `support::Operation` impl that turns them into an HTTP request.
    Request(RequestDef),
    /// `{Variant}Response`: one variant per documented status, decoded from an HTTP response.
    Response(ResponseDef),
    /// A 3.1 array of positional items (`prefixItems`), then any number of others.
    Tuple(TupleDef),
    /// The documented headers of a response: a field per header (its name in `json_name`),
    /// read from the reply's headers rather than from JSON.
    Headers(Vec<Field>),
    /// A file of a multipart body (a part of `format: binary`): its file name, media type and
    /// bytes.
    FilePart,
}

/// The items of an array by position (`prefixItems`), then the rest (`items`).
#[derive(Debug, Clone, PartialEq)]
pub struct TupleDef {
    /// The type of each positional item, in order.
    pub items: Vec<TypeRef>,
    /// How many of the positional items every value has (`minItems`); the others may be
    /// absent from the end.
    pub required: usize,
    /// The type of each item after the positional ones; `None` where there are none
    /// (`items: false`).
    pub rest: Option<TypeRef>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StructDef {
    pub fields: Vec<Field>,
    /// Where properties the schema does not declare are kept, unless it forbids them.
    pub extra: Option<Extra>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The property name exactly as the JSON carries it.
    pub json_name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub docs: Option<String>,
    /// `readOnly`: sent by the server only, so never written in a request body.
    pub read_only: bool,
}

/// The map of undeclared properties of a struct, flattened into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Extra {
    /// The type of each value (`Json` unless `additionalProperties` gives a schema).
    pub ty: TypeRef,
}

/// An open enum: the listed values plus a variant that keeps any other value as it came.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    pub repr: EnumRepr,
    pub variants: Vec<EnumVariant>,
}

/// What the values of an enum are in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumRepr {
    String,
    Integer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    /// The value: a string, or an integer for integer enums.
    pub value: EnumValue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumValue {
    String(String),
    /// Any integer JSON holds exactly: from `i64::MIN` to `u64::MAX`.
    Integer(i128),
}

/// The Rust integer type of an integer enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegerType {
    I64,
    U64,
    I128,
}

impl EnumDef {
    /// The smallest of `i64`, `u64` and `i128` that holds every listed value (and so every
    /// value of that kind a server sends, in the catch-all variant).
    pub fn integer_type(&self) -> IntegerType {
        let values = self.variants.iter().filter_map(|v| match v.value {
            EnumValue::Integer(n) => Some(n),
            EnumValue::String(_) => None,
        });
        let (mut signed, mut unsigned) = (true, true);
        for n in values {
            signed &= i64::try_from(n).is_ok();
            unsigned &= u64::try_from(n).is_ok();
        }
        if signed {
            IntegerType::I64
        } else if unsigned {
            IntegerType::U64
        } else {
            IntegerType::I128
        }
    }
}

/// `oneOf`/`anyOf`: an enum with a variant per alternative and a catch-all that keeps any value
/// no alternative accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    pub variants: Vec<UnionVariant>,
    /// The property whose value picks the variant, when the schema has a discriminator.
    pub discriminator: Option<String>,
    /// Whether the discriminator was inferred (alternatives that each fix the property to a
    /// value of their own) rather than written: then a value its tag's alternative refuses is
    /// kept in the catch-all, where a written one makes it an error.
    pub inferred: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// Where the variant's name comes from: the referenced schema's name, or the JSON type.
    pub name_hint: String,
    pub ty: TypeRef,
    /// The discriminator values that select this variant.
    pub tags: Vec<String>,
}

/// The type of a field, an array item or an alias target.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    String,
    /// A string in a format with a type of its own, kept as written (see [`TextFormat`]).
    Text(TextFormat),
    /// A string in a format typed strictly by another crate, as the configuration chose.
    Strict(Strict),
    /// A type of another crate that replaces a generated one (`x-rust-type`, or `replace` in
    /// the configuration): its path, checked to be a Rust type.
    External(String),
    I32,
    I64,
    U32,
    U64,
    F64,
    Bool,
    /// Any JSON value: an absent or empty schema, or one whose shape is not known.
    Json,
    Vec(Box<TypeRef>),
    /// An object used as a map from property names to values, in document order.
    Map(Box<TypeRef>),
    /// A value that may be `null` (`nullable: true`).
    Nullable(Box<TypeRef>),
    /// A heap indirection, added by the cycle pass where a type would contain itself.
    Boxed(Box<TypeRef>),
    Named(TypeId),
    /// Bytes as they are: a body of a binary media type, or a file's content.
    Bytes,
}

impl TypeRef {
    /// The format whose text type the reference is, or holds (named types aside).
    pub fn text_format(&self) -> Option<TextFormat> {
        match self {
            TypeRef::Text(format) => Some(*format),
            TypeRef::Vec(inner)
            | TypeRef::Map(inner)
            | TypeRef::Nullable(inner)
            | TypeRef::Boxed(inner) => inner.text_format(),
            _ => None,
        }
    }

    /// The strict format type the reference is, or holds (named types aside).
    pub fn strict(&self) -> Option<Strict> {
        match self {
            TypeRef::Strict(strict) => Some(*strict),
            TypeRef::Vec(inner)
            | TypeRef::Map(inner)
            | TypeRef::Nullable(inner)
            | TypeRef::Boxed(inner) => inner.strict(),
            _ => None,
        }
    }

    /// Calls `f` on every named type this reference mentions.
    pub fn for_each_named(&self, f: &mut impl FnMut(TypeId)) {
        match self {
            TypeRef::Named(id) => f(*id),
            TypeRef::Vec(inner)
            | TypeRef::Map(inner)
            | TypeRef::Nullable(inner)
            | TypeRef::Boxed(inner) => inner.for_each_named(f),
            _ => {}
        }
    }
}

mod fit;
mod named;
mod operation;
mod path_template;
mod strict;
mod text_format;

pub use fit::Fit;
pub use named::{MemberNames, Named};
pub use operation::*;
pub use path_template::{PathPiece, PathTemplate};
pub use strict::{Strict, StrictCrate};
pub use text_format::TextFormat;
