//! The request and response types of an operation variant: `{Variant}Request` (its parameters
//! and body, with where and how each goes on the wire) and `{Variant}Response` (a case per
//! documented status).

use super::schema::{Ctx, Files};
use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use crate::ir::{
    BodyEncoding, Field, MediaKind, Module, NameHint, Parameter, ParameterLocation, ParameterStyle,
    PathTemplate, RequestBody, RequestDef, RequestParameter, ResponseCase, TypeDef, TypeId,
    TypeKind, TypeRef,
};
use crate::naming;
use crate::pointer::pointer_join;
use openapiv3::{CookieStyle, HeaderStyle, ParameterData, PathStyle, QueryStyle};

/// A parameter of an operation, resolved, with the pointer it was found at.
pub(super) struct Found<'a> {
    data: &'a ParameterData,
    parameter: Parameter,
    at: String,
}

/// What one variant sends: where, and its parameters and body (the body's type, media type,
/// whether it is required, and its description).
pub(super) struct Input<'i, 'a> {
    pub scope: &'i str,
    pub method: &'i str,
    pub path: &'i str,
    pub op: &'a openapiv3::Operation,
    pub parameters: &'i [Found<'a>],
    pub body: Option<Body<'i>>,
}

/// A variant's request body: its type, media type, encoding, whether it is required, and its
/// description.
pub(super) struct Body<'i> {
    pub ty: TypeId,
    pub content_type: &'i str,
    pub encoding: BodyEncoding,
    pub required: bool,
    pub docs: Option<String>,
}

/// Header parameters that OpenAPI says to ignore: a client sets them itself, from the media
/// types and the security schemes.
const IGNORED_HEADERS: [&str; 3] = ["accept", "content-type", "authorization"];

/// The JSON name of the body field of a request; the naming pass makes it `request_body`.
pub(super) const BODY_FIELD: &str = "requestBody";

impl<'a> Lowerer<'a> {
    /// The parameters of an operation: the path item's, overridden by the operation's own of
    /// the same name and location, in spec order (the path item's first).
    pub(super) fn operation_parameters(
        &mut self,
        item: &'a openapiv3::PathItem,
        item_at: &str,
        op: &'a openapiv3::Operation,
        op_at: &str,
    ) -> Vec<Found<'a>> {
        let mut found: Vec<Found<'a>> = Vec::new();
        let lists = [(&item.parameters, item_at), (&op.parameters, op_at)];
        for (list, at) in lists {
            let list_at = pointer_join(at, "parameters");
            for (i, parameter) in list.iter().enumerate() {
                let here = pointer_join(&list_at, &i.to_string());
                let Some((parameter, at)) =
                    self.resolve(parameter, &here, "parameters", |c| &c.parameters)
                else {
                    continue;
                };
                let (data, parameter) = describe(parameter);
                let ignored = IGNORED_HEADERS.contains(&data.name.to_ascii_lowercase().as_str());
                if parameter.location == ParameterLocation::Header && ignored {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            Kind::Schema,
                            self.label,
                            format!("the header parameter `{}` is ignored, as OpenAPI says: the client sets it from the media types and the security schemes", data.name),
                        )
                        .at(&at),
                    );
                    continue;
                }
                let same = |f: &Found| {
                    f.data.name == data.name && f.parameter.location == parameter.location
                };
                found.retain(|f| !same(f));
                found.push(Found {
                    data,
                    parameter,
                    at,
                });
            }
        }
        found
    }

    /// Whether `id` is a struct lowered for this variant's body itself, not a component's
    /// type or a body that names itself (an alias of its own named struct).
    fn is_own_struct(&self, id: TypeId, scope: &str) -> bool {
        let def = self.space.get(id);
        matches!(def.kind, TypeKind::Struct(_))
            && def.module == Module::Operations
            && def.hint.parent.is_none()
            && def.hint.scope == scope
            && def.hint.preferred.is_none()
    }

    /// Reserves the `{Variant}Response` and `{Variant}Request` types of a variant ahead of its
    /// bodies, so that they claim their names first; [`Self::fill_request`] fills them in.
    pub(super) fn reserve_request(&mut self, scope: &str, at: &str) -> (TypeId, TypeId) {
        let mut reserve = |base: &str, pointer: String| {
            self.space.add(TypeDef {
                hint: NameHint {
                    scope: scope.to_owned(),
                    base: base.to_owned(),
                    parent: None,
                    preferred: None,
                    after_parent: false,
                    position: None,
                },
                module: Module::Operations,
                docs: None,
                pointer,
                kind: TypeKind::Alias(TypeRef::Json),
            })
        };
        let request = reserve(naming::bases::REQUEST, at.to_owned());
        let response = reserve(naming::bases::RESPONSE, pointer_join(at, "responses"));
        (request, response)
    }

    /// Lowers the parameters of one variant (their inline enums and objects are named like
    /// properties, nested in the request) and fills its request and response types.
    pub(super) fn fill_request(
        &mut self,
        (request, response): (TypeId, TypeId),
        input: Input<'_, 'a>,
        cases: Vec<ResponseCase>,
    ) {
        let Input {
            scope,
            method,
            path,
            op,
            parameters,
            body,
        } = input;
        let mut request_parameters = Vec::new();
        for found in parameters {
            // Nested in the request, so a parameter's type is named like a property's: by
            // its name alone where no other type wants it, else `{Variant}{Parameter}`.
            let ctx = Ctx {
                hint: NameHint {
                    scope: scope.to_owned(),
                    base: naming::pascal_case(&found.data.name),
                    parent: Some(request),
                    preferred: None,
                    after_parent: false,
                    position: None,
                },
                module: Module::Operations,
                slot: None,
                files: Files::No,
            };
            let ty = self.lower_format(&found.data.format, ctx, &found.at);
            let required =
                found.data.required || found.parameter.location == ParameterLocation::Path;
            request_parameters.push(RequestParameter {
                field: Field {
                    json_name: found.data.name.clone(),
                    ty,
                    required,
                    docs: found.data.description.clone(),
                    read_only: false,
                },
                how: found.parameter.clone(),
            });
        }
        let request_body = body.as_ref().map(|body| RequestBody {
            field: Field {
                json_name: BODY_FIELD.to_owned(),
                ty: TypeRef::Named(body.ty),
                required: body.required,
                docs: body.docs.clone(),
                read_only: false,
            },
            content_type: body.content_type.to_owned(),
            encoding: body.encoding,
        });
        let webhook = self.webhooks.name(path).is_some();
        let body_is_request = !webhook
            && parameters.is_empty()
            && body
                .as_ref()
                .is_some_and(|body| self.is_own_struct(body.ty, scope));
        let docs = op.summary.clone().or_else(|| op.description.clone());
        if let (true, Some(body)) = (body_is_request, &body) {
            // The request's doc is the operation's, where the body schema says nothing.
            let body = self.space.get_mut(body.ty);
            body.docs = body.docs.take().or_else(|| docs.clone());
        }
        let template = PathTemplate::parse(path);
        // A webhook's path is the name it moved under, not a template.
        if !webhook {
            self.check_path_template(&template, parameters, request);
        }
        let def = self.space.get_mut(request);
        def.docs = docs;
        def.kind = TypeKind::Request(RequestDef {
            method: method.to_ascii_uppercase(),
            path: template,
            parameters: request_parameters,
            body: request_body,
            response,
            body_is_request,
            webhook,
            security: op.security.as_ref().map(|alternatives| {
                alternatives
                    .iter()
                    .map(|schemes| schemes.keys().cloned().collect())
                    .collect()
            }),
        });
        self.space.get_mut(response).kind = TypeKind::Response(crate::ir::ResponseDef { cases });
    }

    /// Every `{name}` of the path template should be a path parameter; one that is not is
    /// left in the path as written, with a warning.
    fn check_path_template(
        &mut self,
        template: &PathTemplate,
        parameters: &[Found<'a>],
        request: TypeId,
    ) {
        let undeclared: Vec<String> = template
            .placeholders()
            .filter(|name| {
                !parameters.iter().any(|f| {
                    f.parameter.location == ParameterLocation::Path && f.data.name == *name
                })
            })
            .map(str::to_owned)
            .collect();
        let at = self.space.get(request).pointer.clone();
        for name in undeclared {
            self.diagnostics.push(
                Diagnostic::warning(
                    Kind::Schema,
                    self.label,
                    format!("the path has `{{{name}}}`, but no path parameter `{name}`; the request writes it as it stands"),
                )
                .at(&at)
                .hint("declare the path parameter"),
            );
        }
    }
}

/// How a body of `content_type` is written; a schema of bytes makes any media type bytes,
/// and a binary media type whose schema says base64 is base64 text.
pub(super) fn encoding_of(content_type: &str, binary: bool, base64: bool) -> BodyEncoding {
    match (MediaKind::of(content_type), binary) {
        (MediaKind::Binary, false) if base64 => BodyEncoding::Base64,
        (_, true) | (MediaKind::Binary, _) => BodyEncoding::Binary,
        (MediaKind::Json, _) => BodyEncoding::Json,
        (MediaKind::Form, _) => BodyEncoding::Form,
        (MediaKind::Multipart, _) => BodyEncoding::Multipart,
        (MediaKind::Text, _) => BodyEncoding::Text,
    }
}

/// A parameter's data and where and how it goes, with OpenAPI's defaults: `simple` for path
/// and header, `form` for query and cookie; `explode` true for `form` only.
fn describe(parameter: &openapiv3::Parameter) -> (&ParameterData, Parameter) {
    use openapiv3::Parameter as P;
    let (data, location, style) = match parameter {
        P::Query {
            parameter_data,
            style,
            ..
        } => (
            parameter_data,
            ParameterLocation::Query,
            match style {
                QueryStyle::Form => ParameterStyle::Form,
                QueryStyle::SpaceDelimited => ParameterStyle::SpaceDelimited,
                QueryStyle::PipeDelimited => ParameterStyle::PipeDelimited,
                QueryStyle::DeepObject => ParameterStyle::DeepObject,
            },
        ),
        P::Header {
            parameter_data,
            style: HeaderStyle::Simple,
        } => (
            parameter_data,
            ParameterLocation::Header,
            ParameterStyle::Simple,
        ),
        P::Path {
            parameter_data,
            style,
        } => (
            parameter_data,
            ParameterLocation::Path,
            match style {
                PathStyle::Simple => ParameterStyle::Simple,
                PathStyle::Label => ParameterStyle::Label,
                PathStyle::Matrix => ParameterStyle::Matrix,
            },
        ),
        P::Cookie {
            parameter_data,
            style: CookieStyle::Form,
        } => (
            parameter_data,
            ParameterLocation::Cookie,
            ParameterStyle::Form,
        ),
    };
    // Swagger 2.0's `collectionFormat: tsv`, which normalisation keeps in an extension.
    let tsv = data
        .extensions
        .get(crate::load::normalize::COLLECTION_FORMAT)
        == Some(&serde_json::Value::String("tsv".to_owned()));
    let style = if tsv {
        ParameterStyle::TabDelimited
    } else {
        style
    };
    let explode = data.explode.unwrap_or(style == ParameterStyle::Form);
    (
        data,
        Parameter {
            location,
            style,
            explode,
        },
    )
}
