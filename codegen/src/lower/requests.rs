//! The request and response types of an operation variant: `{Variant}Request` (its parameters
//! and body, with where and how each goes on the wire) and `{Variant}Response` (a case per
//! documented status).

use super::schema::Ctx;
use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use crate::ir::{
    BodyEncoding, Field, Module, NameHint, Parameter, ParameterLocation, ParameterStyle,
    RequestDef, ResponseBody, ResponseCase, StatusKey, TypeDef, TypeId, TypeKind, TypeRef,
};
use crate::naming;
use crate::pointer::pointer_join;
use openapiv3::{
    CookieStyle, HeaderStyle, ParameterData, ParameterSchemaOrContent, PathStyle, QueryStyle,
};

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
    pub body: Option<(TypeId, &'i str, bool, Option<String>)>,
}

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
                name: String::new(),
                hint: NameHint {
                    scope: scope.to_owned(),
                    base: base.to_owned(),
                    parent: None,
                    preferred: None,
                },
                module: Module::Operations,
                docs: None,
                pointer,
                kind: TypeKind::Alias(TypeRef::Json),
            })
        };
        let request = reserve("Request", at.to_owned());
        let response = reserve("Response", pointer_join(at, "responses"));
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
        let mut fields = Vec::new();
        let mut described = Vec::new();
        for found in parameters {
            // Nested in the request, so a parameter's type is named like a property's: by
            // its name alone where no other type wants it, else `{Variant}{Parameter}`.
            let ctx = Ctx {
                hint: NameHint {
                    scope: scope.to_owned(),
                    base: naming::pascal_case(&found.data.name),
                    parent: Some(request),
                    preferred: None,
                },
                module: Module::Operations,
                slot: None,
            };
            let ty = match &found.data.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    self.lower_schema_ref(schema, ctx, &pointer_join(&found.at, "schema"))
                }
                ParameterSchemaOrContent::Content(content) => {
                    match content
                        .iter()
                        .next()
                        .and_then(|(ct, m)| Some((ct, m.schema.as_ref()?)))
                    {
                        Some((ct, schema)) => {
                            let media_at = pointer_join(&pointer_join(&found.at, "content"), ct);
                            self.lower_schema_ref(schema, ctx, &pointer_join(&media_at, "schema"))
                        }
                        None => TypeRef::Json,
                    }
                }
            };
            let required =
                found.data.required || found.parameter.location == ParameterLocation::Path;
            fields.push(Field {
                json_name: found.data.name.clone(),
                rust_name: String::new(),
                ty,
                required,
                docs: found.data.description.clone(),
            });
            described.push(found.parameter.clone());
        }
        let (content_type, encoding) = match &body {
            Some((id, content_type, required, docs)) => {
                fields.push(Field {
                    json_name: BODY_FIELD.to_owned(),
                    rust_name: String::new(),
                    ty: TypeRef::Named(*id),
                    required: *required,
                    docs: docs.clone(),
                });
                (
                    Some((*content_type).to_owned()),
                    Some(encoding_of(content_type)),
                )
            }
            None => (None, None),
        };
        let webhook = crate::load::normalize::oas31::is_webhook(path);
        let body_is_request = !webhook
            && parameters.is_empty()
            && body
                .as_ref()
                .is_some_and(|(id, ..)| self.is_own_struct(*id, scope));
        let docs = op.summary.clone().or_else(|| op.description.clone());
        if let (true, Some((id, ..))) = (body_is_request, &body) {
            // The request's doc is the operation's, where the body schema says nothing.
            let body = self.space.get_mut(*id);
            body.docs = body.docs.take().or_else(|| docs.clone());
        }
        let def = self.space.get_mut(request);
        def.docs = docs;
        def.kind = TypeKind::Request(RequestDef {
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            content_type,
            body: encoding,
            fields,
            parameters: described,
            response,
            body_is_request,
            webhook,
            derive_default: false,
        });
        self.space.get_mut(response).kind = TypeKind::Response(crate::ir::ResponseDef {
            cases,
            other_name: String::new(),
        });
        // A webhook's path is the name it moved under, not a template.
        if !webhook {
            self.check_path_template(path, parameters, request);
        }
    }

    /// Every `{name}` of the path template should be a path parameter; one that is not is
    /// left in the path as written, with a warning.
    fn check_path_template(&mut self, path: &str, parameters: &[Found<'a>], request: TypeId) {
        for piece in path.split('{').skip(1) {
            let Some((name, _)) = piece.split_once('}') else {
                continue;
            };
            let declared = parameters
                .iter()
                .any(|f| f.parameter.location == ParameterLocation::Path && f.data.name == name);
            if !declared {
                let at = self.space.get(request).pointer.clone();
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
}

/// The case of one documented status: its body as the variant lowered it (a JSON root), raw
/// bytes for content that is not JSON, or nothing.
pub(super) fn response_case(
    status: StatusKey,
    root: Option<TypeId>,
    has_content: bool,
    docs: &str,
) -> ResponseCase {
    let body = match (root, has_content) {
        (Some(root), _) => ResponseBody::Json(TypeRef::Named(root)),
        (None, true) => ResponseBody::Raw,
        (None, false) => ResponseBody::Empty,
    };
    ResponseCase {
        status,
        rust_name: String::new(),
        body,
        docs: Some(docs.to_owned()).filter(|d| !d.trim().is_empty()),
    }
}

fn encoding_of(content_type: &str) -> BodyEncoding {
    match super::operations::essence(content_type).as_str() {
        "application/x-www-form-urlencoded" => BodyEncoding::Form,
        "multipart/form-data" => BodyEncoding::Multipart,
        ct if ct == "application/json" || ct.ends_with("+json") => BodyEncoding::Json,
        _ => BodyEncoding::Raw,
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
