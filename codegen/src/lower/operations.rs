//! Walks the paths of a spec: operations, their request-body variants, and every JSON body
//! they send or receive.

use super::requests::{response_case, Found};
use super::schema::Ctx;
use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use crate::ir::{
    Example, Module, NameHint, Operation, ResponseCase, StatusKey, TypeDef, TypeId, TypeKind,
    TypeRef, Variant,
};
use crate::naming;
use crate::pointer::{pointer, pointer_join};
use openapiv3::{MediaType, ReferenceOr, RequestBody, StatusCode};

/// The suffix a request content type adds to the operation prefix when an operation accepts
/// several content types.
fn content_type_suffix(content_type: &str) -> &'static str {
    match essence(content_type).as_str() {
        "application/json" => "",
        "application/x-www-form-urlencoded" => "Form",
        "multipart/form-data" => "Multipart",
        _ => "Raw",
    }
}

/// The media type without parameters, lower case: `Application/JSON; charset=utf-8` →
/// `application/json`.
pub(super) fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether a response content type carries JSON: `application/json` and the `+json` family.
fn is_json(content_type: &str) -> bool {
    let essence = essence(content_type);
    essence == "application/json" || essence.ends_with("+json") || essence == "*/*"
}

/// The name base of a response body: the first 2xx is `ResponseBody`; error bodies are named by
/// status, as Speakeasy names them.
fn response_base(status: &StatusCode, first_success: bool) -> String {
    match status {
        StatusCode::Code(code) if (200..300).contains(code) => {
            if first_success {
                "ResponseBody".to_owned()
            } else {
                format!("Status{code}ResponseBody")
            }
        }
        StatusCode::Code(400) => "BadRequestError".to_owned(),
        StatusCode::Code(401) => "UnauthorizedError".to_owned(),
        StatusCode::Code(403) => "ForbiddenError".to_owned(),
        StatusCode::Code(404) => "NotFoundError".to_owned(),
        StatusCode::Code(500) => "InternalServerError".to_owned(),
        StatusCode::Code(code) => format!("Status{code}Error"),
        StatusCode::Range(range) => format!("Status{range}XxError"),
    }
}

impl<'a> Lowerer<'a> {
    pub(super) fn lower_operations(&mut self) {
        let spec = self.spec;
        for (path, item) in &spec.paths.paths {
            let item_pointer = pointer(&["paths", path]);
            let ReferenceOr::Item(item) = item else {
                self.diagnostics.push(
                    Diagnostic::error(
                        Kind::Unsupported,
                        self.label,
                        "a `$ref` path item is not supported",
                    )
                    .at(&item_pointer)
                    .hint("write the path item inline"),
                );
                continue;
            };
            for (method, op) in item.iter() {
                let op_pointer = pointer_join(&item_pointer, method);
                let operation_id = match &op.operation_id {
                    Some(id) if !naming::pascal_case(id).is_empty() => id.clone(),
                    _ => {
                        let derived = naming::snake_case(&format!("{method} {path}"));
                        self.diagnostics.push(
                            Diagnostic::warning(
                                Kind::Schema,
                                self.label,
                                format!("operation has no usable operationId; naming it `{derived}` after its method and path"),
                            )
                            .at(&op_pointer)
                            .hint("add an operationId to choose the name of its types"),
                        );
                        derived
                    }
                };
                let parameters = self.operation_parameters(item, &item_pointer, op, &op_pointer);
                let place = Place {
                    method,
                    path,
                    at: &op_pointer,
                };
                self.lower_operation(&operation_id, op, &place, &parameters);
            }
        }
    }

    fn lower_operation(
        &mut self,
        operation_id: &str,
        op: &'a openapiv3::Operation,
        place: &Place,
        parameters: &[Found<'a>],
    ) {
        let at = place.at;
        let prefix = naming::pascal_case(operation_id);
        let body_at = pointer_join(at, "requestBody");
        let body = op
            .request_body
            .as_ref()
            .and_then(|body| self.resolve(body, &body_at, "requestBodies", |c| &c.request_bodies));
        let variants = variant_scopes(&prefix, body.as_ref().map(|(b, _)| *b));
        let mut operation = Operation {
            operation_id: operation_id.to_owned(),
            variants: Vec::new(),
        };
        for (i, (scope, content_type)) in variants.iter().enumerate() {
            let reserved = self.reserve_request(scope, at);
            let (response_bodies, cases) =
                self.lower_responses(operation_id, scope, op, at, i == 0);
            let mut request_body = None;
            if let (Some((body, body_at)), Some(content_type)) = (&body, content_type) {
                let media = &body.content[content_type.as_str()];
                let media_at = pointer_join(&pointer_join(body_at, "content"), content_type);
                let root = self.lower_body(media, scope, "RequestBody", &media_at);
                let docs = body.description.clone();
                request_body = Some((root, content_type.as_str(), body.required, docs));
            }
            let request_root = request_body.as_ref().map(|(root, ..)| *root);
            let input = super::requests::Input {
                scope,
                method: place.method,
                path: place.path,
                op,
                parameters,
                body: request_body,
            };
            self.fill_request(reserved, input, cases);
            operation.variants.push(Variant {
                scope: scope.clone(),
                request: reserved.0,
                request_body: request_root,
                response_bodies,
            });
        }
        self.space.operations.push(operation);
    }

    /// Lowers every JSON response body of one variant, success bodies first so they claim the
    /// plain names; examples are collected once, from the primary variant. Returns the bodies
    /// and a case per documented status, in spec order.
    fn lower_responses(
        &mut self,
        operation_id: &str,
        scope: &str,
        op: &'a openapiv3::Operation,
        at: &str,
        primary: bool,
    ) -> (Vec<TypeId>, Vec<ResponseCase>) {
        let responses_at = pointer_join(at, "responses");
        // Each response with its place in the spec's order, its status and its name base.
        let mut listed: Vec<(
            usize,
            StatusKey,
            String,
            &'a ReferenceOr<openapiv3::Response>,
        )> = Vec::new();
        let mut first_success = true;
        let in_order = op.responses.responses.iter().enumerate();
        let successes = in_order.clone().filter(|(_, (s, _))| is_success(s));
        let others = in_order.filter(|(_, (s, _))| !is_success(s));
        for (order, (status, response)) in successes.chain(others) {
            let base = response_base(status, first_success && is_success(status));
            first_success &= !is_success(status);
            listed.push((order, status_key(status), base, response));
        }
        if let Some(default) = &op.responses.default {
            let last = op.responses.responses.len();
            listed.push((last, StatusKey::Default, "DefaultError".to_owned(), default));
        }
        let mut roots = Vec::new();
        let mut cases = Vec::new();
        for (order, key, base, response) in listed {
            let status = key.spec_text();
            let response_at = pointer_join(&responses_at, &status);
            let Some((response, response_at)) =
                self.resolve(response, &response_at, "responses", |c| &c.responses)
            else {
                continue;
            };
            let json = response.content.iter().find(|(ct, _)| is_json(ct));
            let root = json.map(|(content_type, media)| {
                let media_at = pointer_join(&pointer_join(&response_at, "content"), content_type);
                let root = self.lower_body(media, scope, &base, &media_at);
                if primary {
                    self.collect_examples(operation_id, &status, media, &media_at, root);
                }
                root
            });
            roots.extend(root);
            let has_content = !response.content.is_empty();
            let case = response_case(key, root, has_content, &response.description);
            cases.push((order, case));
        }
        // Spec order, as the documentation lists them: the bodies were lowered successes first.
        cases.sort_by_key(|(order, _)| *order);
        (roots, cases.into_iter().map(|(_, case)| case).collect())
    }

    /// A body always gets a named type: an object, enum or union is one already; anything else
    /// gets an alias, so that `{Variant}ResponseBody` exists whatever the schema.
    fn lower_body(&mut self, media: &'a MediaType, scope: &str, base: &str, at: &str) -> TypeId {
        let hint = NameHint {
            scope: scope.to_owned(),
            base: base.to_owned(),
            parent: None,
            preferred: None,
        };
        let ctx = Ctx {
            hint: hint.clone(),
            module: Module::Operations,
            slot: None,
        };
        let schema_at = pointer_join(at, "schema");
        let ty = match &media.schema {
            Some(schema) => self.lower_schema_ref(schema, ctx, &schema_at),
            None => TypeRef::Json,
        };
        if let TypeRef::Named(id) = ty {
            let def = self.space.get_mut(id);
            if def.hint == hint {
                return id;
            }
            // A body that names itself keeps that name, and `{Variant}…Body` is its alias; where
            // its own name is taken (another variant's body), it falls back to
            // `{Variant}{its name}`, which the alias does not want.
            let unnamed = NameHint {
                preferred: None,
                ..def.hint.clone()
            };
            if unnamed == hint {
                if let Some(preferred) = def.hint.preferred.clone() {
                    def.hint.base = preferred;
                }
            }
        }
        self.space.add(TypeDef {
            name: String::new(),
            hint,
            module: Module::Operations,
            docs: None,
            pointer: schema_at,
            kind: TypeKind::Alias(ty),
        })
    }

    fn collect_examples(
        &mut self,
        operation_id: &str,
        status: &str,
        media: &'a MediaType,
        at: &str,
        root: TypeId,
    ) {
        let mut found: Vec<(String, serde_json::Value, String)> = Vec::new();
        if let Some(value) = &media.example {
            found.push((
                "example".to_owned(),
                value.clone(),
                pointer_join(at, "example"),
            ));
        }
        for (name, example) in &media.examples {
            let example_at = pointer_join(&pointer_join(at, "examples"), name);
            if let Some((example, _)) =
                self.resolve(example, &example_at, "examples", |c| &c.examples)
            {
                if let Some(value) = &example.value {
                    found.push((
                        name.clone(),
                        value.clone(),
                        pointer_join(&example_at, "value"),
                    ));
                }
            }
        }
        for (name, value, pointer) in found {
            self.space.examples.push(Example {
                operation_id: operation_id.to_owned(),
                status: status.to_owned(),
                name,
                ty: TypeRef::Named(root),
                value,
                pointer,
                test_name: String::new(),
                contradiction: None,
                expected: None,
            });
        }
    }
}

/// Where an operation is: its method, path template and pointer.
struct Place<'p> {
    method: &'p str,
    path: &'p str,
    at: &'p str,
}

fn status_key(status: &StatusCode) -> StatusKey {
    match status {
        StatusCode::Code(code) => StatusKey::Code(*code),
        StatusCode::Range(digit) => StatusKey::Range(*digit),
    }
}

fn is_success(status: &StatusCode) -> bool {
    match status {
        StatusCode::Code(code) => (200..300).contains(code),
        StatusCode::Range(range) => *range == 2,
    }
}

/// One scope per request content type when there are several (JSON first, as the primary
/// variant that the dedup pass keeps), else one scope with no suffix. Each scope comes with the
/// content type whose schema is its request body.
fn variant_scopes(prefix: &str, body: Option<&RequestBody>) -> Vec<(String, Option<String>)> {
    let mut content: Vec<(&'static str, Option<String>)> = match body {
        Some(body) if body.content.len() > 1 => body
            .content
            .keys()
            .map(|ct| (content_type_suffix(ct), Some(ct.clone())))
            .collect(),
        Some(body) => vec![("", body.content.keys().next().cloned())],
        None => vec![("", None)],
    };
    content.sort_by_key(|(suffix, _)| !suffix.is_empty());
    let mut taken = naming::UniqueNames::default();
    content
        .into_iter()
        .map(|(suffix, ct)| (taken.claim_numbered(&format!("{prefix}{suffix}"), ""), ct))
        .collect()
}
