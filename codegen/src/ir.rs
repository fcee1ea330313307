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
            TypeKind::Tuple(t) => t.items.iter().chain(&t.rest).for_each(f),
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
    /// A 3.1 array of positional items (`prefixItems`), then any number of others.
    Tuple(TupleDef),
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

/// How a union offers a value to one of its alternatives without a discriminator: the rule
/// scores how specifically the alternative fits the value (`None`: not at all), and the
/// alternatives are tried best score first. The generated `Deserialize` of a union and the
/// examples pass both apply it, so they agree on which alternative reads a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit<'s> {
    /// An object with every required property: one more than the number of the value's
    /// properties that the struct declares.
    Struct {
        required: Vec<&'s str>,
        known: Vec<&'s str>,
    },
    /// A value the enum (of this id) lists: 3.
    StringEnum(TypeId, &'s EnumDef),
    IntegerEnum(TypeId, &'s EnumDef),
    /// An integer: 2.
    Integer,
    /// Any number, a string, a boolean, an array: 1.
    Number,
    String,
    Boolean,
    Array,
    /// An object: 0.
    Object,
    /// Anything: 0.
    Any,
}

impl TypeSpace {
    /// The struct a type is, seen through aliases, boxes and `null`.
    pub fn struct_of(&self, ty: &TypeRef) -> Option<&StructDef> {
        match ty {
            TypeRef::Named(id) => match &self.get(*id).kind {
                TypeKind::Struct(s) => Some(s),
                TypeKind::Alias(target) => self.struct_of(target),
                _ => None,
            },
            TypeRef::Boxed(inner) | TypeRef::Nullable(inner) => self.struct_of(inner),
            _ => None,
        }
    }

    /// The rule by which a union alternative of type `ty` is scored.
    pub fn fit_of(&self, ty: &TypeRef) -> Fit<'_> {
        if let Some(s) = self.struct_of(ty) {
            let required = s.fields.iter().filter(|f| f.required);
            return Fit::Struct {
                required: required.map(|f| f.json_name.as_str()).collect(),
                known: s.fields.iter().map(|f| f.json_name.as_str()).collect(),
            };
        }
        match ty {
            TypeRef::Named(id) => match &self.get(*id).kind {
                TypeKind::Enum(e) if e.repr == EnumRepr::String => Fit::StringEnum(*id, e),
                TypeKind::Enum(e) => Fit::IntegerEnum(*id, e),
                TypeKind::Alias(target) => self.fit_of(target),
                TypeKind::Tuple(_) => Fit::Array,
                _ => Fit::Any,
            },
            TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64 => Fit::Integer,
            TypeRef::F64 => Fit::Number,
            TypeRef::String => Fit::String,
            TypeRef::Bool => Fit::Boolean,
            TypeRef::Vec(_) => Fit::Array,
            TypeRef::Map(_) => Fit::Object,
            TypeRef::Nullable(inner) | TypeRef::Boxed(inner) => self.fit_of(inner),
            TypeRef::Json => Fit::Any,
        }
    }
}

impl Fit<'_> {
    /// The score of `value`, as the generated code computes it.
    pub fn score(&self, value: &Value) -> Option<usize> {
        match self {
            Fit::Struct { required, known } => {
                let object = value.as_object()?;
                if !required.iter().all(|key| object.contains_key(*key)) {
                    return None;
                }
                Some(
                    1 + object
                        .keys()
                        .filter(|key| known.contains(&key.as_str()))
                        .count(),
                )
            }
            Fit::StringEnum(_, e) => {
                let text = value.as_str()?;
                e.variants
                    .iter()
                    .any(|v| v.value == EnumValue::String(text.to_owned()))
                    .then_some(3)
            }
            Fit::IntegerEnum(_, e) => {
                let n = value
                    .as_i64()
                    .map(i128::from)
                    .or_else(|| value.as_u64().map(i128::from))?;
                e.variants
                    .iter()
                    .any(|v| v.value == EnumValue::Integer(n))
                    .then_some(3)
            }
            Fit::Integer => (value.is_i64() || value.is_u64()).then_some(2),
            Fit::Number => value.is_number().then_some(1),
            Fit::String => value.is_string().then_some(1),
            Fit::Boolean => value.is_boolean().then_some(1),
            Fit::Array => value.is_array().then_some(1),
            Fit::Object => value.is_object().then_some(0),
            Fit::Any => Some(0),
        }
    }
}
