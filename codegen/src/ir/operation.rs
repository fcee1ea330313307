//! Operations in the IR: each variant's request and responses, and the response examples.

use super::{Field, TypeId, TypeRef};
use serde_json::Value;

/// One operation variant's input: its parameters, each a field of the request type, then its
/// body, the last field, where the variant has one.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestDef {
    /// Upper case: `GET`, `POST`, ...
    pub method: String,
    /// The path as the spec writes it, parsed: `/api/{serviceId}/client/get/{clientId}`.
    pub path: super::PathTemplate,
    /// In spec order.
    pub parameters: Vec<RequestParameter>,
    pub body: Option<RequestBody>,
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
    /// The security requirements: alternatives, each the names of the schemes it needs
    /// together (`[]` alone: none needed). `None` where the operation does not say, and
    /// the document's apply.
    pub security: Option<Vec<Vec<String>>>,
}

impl RequestDef {
    /// The request type's fields: the parameters', then the body's.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        let parameters = self.parameters.iter().map(|p| &p.field);
        parameters.chain(self.body.as_ref().map(|b| &b.field))
    }

    pub fn fields_mut(&mut self) -> impl Iterator<Item = &mut Field> {
        let parameters = self.parameters.iter_mut().map(|p| &mut p.field);
        parameters.chain(self.body.as_mut().map(|b| &mut b.field))
    }

    /// How the body is put on the wire, where there is one.
    pub fn encoding(&self) -> Option<BodyEncoding> {
        self.body.as_ref().map(|b| b.encoding)
    }

    /// The body's media type as the spec writes it, where there is a body.
    pub fn content_type(&self) -> Option<&str> {
        self.body.as_ref().map(|b| b.content_type.as_str())
    }
}

/// A parameter of a request: its field, and where and how its value goes.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestParameter {
    /// The field; its `json_name` is the parameter's name.
    pub field: Field,
    pub how: Parameter,
}

/// The body of a request.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    /// The field that holds it, `request_body` (its `json_name`, `requestBody`, names it on the
    /// request's page and for the naming pass; it is never on the wire).
    pub field: Field,
    /// Its media type, as the spec writes it.
    pub content_type: String,
    pub encoding: BodyEncoding,
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
    /// Swagger 2.0's `collectionFormat: tsv`, which OpenAPI 3 has no style for: a list joined
    /// with tabs.
    TabDelimited,
}

/// How a request body is put on the wire, by its media type (see [`MediaKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    Json,
    Form,
    Multipart,
    /// `text/*`: a string as its text.
    Text,
    /// Any other media type: the bytes as they are.
    Binary,
    /// A binary media type whose schema says its content is base64 text (`format: byte` or
    /// `base64`): the bytes, base64-encoded on the wire.
    Base64,
}

/// The media type without parameters, lower case: `Application/JSON; charset=utf-8` →
/// `application/json`.
pub fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// What a media type carries, for requests and responses alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    /// `application/json`, `*/*+json`, and `*/*` (anything, so JSON as well).
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/*`.
    Multipart,
    /// `text/*`, and XML (`application/xml`, `*/*+xml`), which is text too.
    Text,
    /// Anything else: bytes.
    Binary,
}

impl MediaKind {
    /// The kind of a media type, written as the spec writes it (parameters and case aside).
    pub fn of(media_type: &str) -> MediaKind {
        let essence = essence(media_type);
        let (kind, subtype) = essence.split_once('/').unwrap_or((essence.as_str(), ""));
        match (kind, subtype) {
            ("application", "json") | ("*", "*") => MediaKind::Json,
            (_, sub) if sub.ends_with("+json") => MediaKind::Json,
            ("application", "x-www-form-urlencoded") => MediaKind::Form,
            ("multipart", _) => MediaKind::Multipart,
            ("text", _) | ("application", "xml") => MediaKind::Text,
            (_, sub) if sub.ends_with("+xml") => MediaKind::Text,
            _ => MediaKind::Binary,
        }
    }
}

/// The documented responses of one operation variant, in spec order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseDef {
    pub cases: Vec<ResponseCase>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResponseCase {
    pub status: StatusKey,
    pub body: ResponseBody,
    /// The type of the documented response headers (a [`super::TypeKind::Headers`]), where
    /// the status documents any.
    pub headers: Option<TypeId>,
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
    /// Whether the status is a success: a 2xx code or the `2XX` range.
    pub fn is_success(self) -> bool {
        match self {
            StatusKey::Code(code) => (200..300).contains(&code),
            StatusKey::Range(digit) => digit == 2,
            StatusKey::Default => false,
        }
    }

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
    /// A JSON body of this type; a reply without a body (or with `null`) is `None`.
    Json(TypeRef),
    /// Text (`text/*`, XML) as a `String`.
    Text,
    /// Any other media type, as bytes.
    Bytes,
    /// A binary media type whose schema says base64 (`format: byte`): the bytes the text
    /// encodes.
    Base64,
    /// JSON of this type, or another media type, told apart by the reply's `Content-Type`.
    Content(TypeRef),
}

/// An operation and the root types of each of its variants, in the order of the variants
/// (the first is the primary one, which the dedup pass keeps).
#[derive(Debug, Clone)]
pub struct Operation {
    pub operation_id: String,
    /// The operation's tags, as the spec writes them.
    pub tags: Vec<String>,
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
}

/// What the examples pass decided of an example (see `TypeSpace::example_verdicts`).
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Tested by a round trip, which must give back `expected` where it is given (explicit
    /// `null`s of properties the schema does not call nullable come back absent), else the
    /// example itself.
    Kept { expected: Option<Value> },
    /// Left out of the round-trip tests: it contradicts its own schema, for this reason.
    LeftOut { reason: String },
}

impl Verdict {
    /// Why the example is left out, where it is.
    pub fn contradiction(&self) -> Option<&str> {
        match self {
            Verdict::LeftOut { reason } => Some(reason),
            Verdict::Kept { .. } => None,
        }
    }
}

/// A server the spec lists (3.x `servers`, or Swagger 2.0's `schemes`, `host` and `basePath`).
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    /// The URL as the spec writes it, variables in braces.
    pub url: String,
    pub description: Option<String>,
    pub variables: Vec<ServerVariable>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServerVariable {
    pub name: String,
    pub default: String,
    /// The values the spec allows; empty: any.
    pub values: Vec<String>,
    pub description: Option<String>,
}

/// A security scheme of the spec, by its key.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The key in `components/securitySchemes`, as operations name it.
    pub key: String,
    pub kind: SchemeKind,
    pub docs: Option<String>,
}

/// How a scheme's credentials go on a request.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemeKind {
    /// `Authorization: Bearer <token>`: HTTP `bearer`, OAuth 2 and OpenID Connect.
    Bearer,
    /// `Authorization: Basic <base64 of user:password>`.
    Basic,
    /// An API key in a header, a query parameter or a cookie, under `name`.
    ApiKey {
        location: ApiKeyLocation,
        name: String,
    },
    /// An HTTP scheme other than `bearer` and `basic` (`digest`, …): the whole
    /// `Authorization` value is the caller's.
    Authorization,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    Header,
    Query,
    Cookie,
}
