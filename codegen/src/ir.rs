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

    /// The request a body is (see [`Self::requests_that_are_bodies`]), if it is one.
    pub fn request_that_is(&self, body: TypeId) -> Option<TypeId> {
        self.requests_that_are_bodies()
            .find(|&(_, b)| b == body)
            .map(|(request, _)| request)
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

impl TypeDef {
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
            TypeKind::Request(r) => r.fields.iter().for_each(|field| f(&field.ty)),
            TypeKind::Response(r) => r.cases.iter().for_each(|case| {
                if let ResponseBody::Json(ty) = &case.body {
                    f(ty)
                }
            }),
            TypeKind::Enum(_) => {}
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
}

/// One operation variant's input. `fields` are the parameters in spec order (each described by
/// the parameter of the same index), then the body when the variant has one.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestDef {
    /// Upper case: `GET`, `POST`, ...
    pub method: String,
    /// The path as the spec writes it: `/api/{serviceId}/client/get/{clientId}`.
    pub path: String,
    /// The body's media type, as the spec writes it.
    pub content_type: Option<String>,
    pub body: Option<BodyEncoding>,
    pub fields: Vec<Field>,
    pub parameters: Vec<Parameter>,
    /// The variant's `{Variant}Response`.
    pub response: TypeId,
    /// Set where the variant's only input is its body and the body is an object of its own
    /// (a struct of this variant): as in the seed generator's family, that struct is the
    /// request. It takes this type's name, and this type is emitted as the struct's
    /// `Operation` impl rather than as a struct or a page of its own.
    pub body_is_request: bool,
    /// A 3.1 webhook: an operation the API calls rather than serves. Its types are models all
    /// the same, but a client does not send it, so it has no `Operation` impl.
    pub webhook: bool,
    /// Whether every field is optional or of a type with a default (set by the derives pass),
    /// so that a caller can write `..Default::default()` for the parameters it leaves out.
    pub derive_default: bool,
}

/// Where a parameter goes and how it is written (OpenAPI's `style` and `explode`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    pub location: ParameterLocation,
    pub style: ParameterStyle,
    pub explode: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterLocation {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterStyle {
    Simple,
    Label,
    Matrix,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// How a request body is put on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    Json,
    Form,
    Multipart,
    /// Any other media type: a string body as its text, anything else as JSON.
    Raw,
}

/// The documented responses of one operation variant, in spec order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseDef {
    pub cases: Vec<ResponseCase>,
    /// The variant that keeps any undocumented response, assigned by the naming pass.
    pub other_name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResponseCase {
    pub status: StatusKey,
    /// Assigned by the naming pass, from the status (`Ok`, `NotFound`, `Status4Xx`, ...).
    pub rust_name: String,
    pub body: ResponseBody,
    pub docs: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKey {
    Code(u16),
    /// `4XX`: the first digit.
    Range(u16),
    Default,
}

impl StatusKey {
    /// As the spec writes it: `200`, `4XX`, `default`.
    pub fn spec_text(self) -> String {
        match self {
            StatusKey::Code(code) => code.to_string(),
            StatusKey::Range(digit) => format!("{digit}XX"),
            StatusKey::Default => "default".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    /// No content documented.
    Empty,
    /// A JSON body of this type.
    Json(TypeRef),
    /// Content that is not JSON, kept as bytes.
    Raw,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StructDef {
    pub fields: Vec<Field>,
    /// Where properties the schema does not declare are kept, unless it forbids them.
    pub extra: Option<Extra>,
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

/// The map of undeclared properties of a struct, flattened into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Extra {
    /// The type of each value (`Json` unless `additionalProperties` gives a schema).
    pub ty: TypeRef,
    /// Assigned by the naming pass.
    pub rust_name: String,
}

/// An open enum: the listed values plus a variant that keeps any other value as it came.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    pub repr: EnumRepr,
    pub variants: Vec<EnumVariant>,
    /// Name of the catch-all variant, assigned by the naming pass.
    pub other_name: String,
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
    /// Assigned by the naming pass; empty until then.
    pub rust_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumValue {
    String(String),
    Integer(i64),
}

/// `oneOf`/`anyOf`: an enum with a variant per alternative and a catch-all that keeps any value
/// no alternative accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    pub variants: Vec<UnionVariant>,
    /// The property whose value picks the variant, when the schema has a discriminator.
    pub discriminator: Option<String>,
    /// Name of the catch-all variant, assigned by the naming pass.
    pub other_name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// Where the variant's name comes from: the referenced schema's name, or the JSON type.
    pub name_hint: String,
    /// Assigned by the naming pass.
    pub rust_name: String,
    pub ty: TypeRef,
    /// The discriminator values that select this variant.
    pub tags: Vec<String>,
}

/// The type of a field, an array item or an alias target.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    String,
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
}

impl TypeRef {
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
    /// The variant's `{Variant}Request`.
    pub request: TypeId,
    /// The type of each JSON response body of this variant.
    pub response_bodies: Vec<TypeId>,
    /// The type of its request body, when it has one.
    pub request_body: Option<TypeId>,
}

/// A response example from the spec, turned into a round-trip test of its type.
#[derive(Debug, Clone)]
pub struct Example {
    pub operation_id: String,
    pub status: String,
    pub name: String,
    pub ty: TypeRef,
    pub value: Value,
    /// JSON pointer of the example in the spec.
    pub pointer: String,
    /// The test function name, assigned by the naming pass.
    pub test_name: String,
    /// Why the example is left out of the tests, when it contradicts its own schema; set by
    /// the examples pass.
    pub contradiction: Option<String>,
    /// What the round trip must give back, when it differs from `value`: explicit `null`s of
    /// properties the schema does not call nullable come back absent. Set by the examples pass.
    pub expected: Option<Value>,
}
