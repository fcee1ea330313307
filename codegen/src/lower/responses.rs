//! The responses of an operation variant: a case per documented status, with its body read by
//! the media types it may come in (JSON into a type, text, bytes) and its documented headers
//! as a type of their own.

use super::schema::{Ctx, Files};
use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use crate::ir::{
    Example, Field, MediaKind, Module, NameHint, ResponseBody, ResponseCase, StatusKey, TypeDef,
    TypeId, TypeKind, TypeRef,
};
use crate::naming;
use crate::pointer::pointer_join;
use openapiv3::{MediaType, ReferenceOr, Schema, StatusCode};

/// Whether a schema says its value is bytes (`format: binary`, Swagger 2.0's `type: file`).
pub(super) fn is_binary(schema: Option<&ReferenceOr<Schema>>) -> bool {
    format_of(schema).as_deref() == Some("binary")
}

/// Whether a schema says its string is base64 text (`format: byte`, or `base64`).
pub(super) fn is_base64(schema: Option<&ReferenceOr<Schema>>) -> bool {
    matches!(format_of(schema).as_deref(), Some("byte" | "base64"))
}

fn format_of(schema: Option<&ReferenceOr<Schema>>) -> Option<String> {
    match schema {
        Some(ReferenceOr::Item(schema)) => super::view::View::of(schema).format.clone(),
        _ => None,
    }
}

impl<'a> Lowerer<'a> {
    /// Lowers every response of one variant, success bodies first so they claim the plain
    /// names; examples are collected once, from the primary variant. Returns the JSON bodies
    /// and a case per documented status, in spec order.
    pub(super) fn lower_responses(
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
            let key = status_key(status);
            let base = naming::bases::response_body(key, first_success);
            first_success &= !key.is_success();
            listed.push((order, key, base, response));
        }
        if let Some(default) = &op.responses.default {
            let last = op.responses.responses.len();
            let base = naming::bases::response_body(StatusKey::Default, false);
            listed.push((last, StatusKey::Default, base, default));
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
            // The media types the status may come in: the first JSON one types the body; the
            // others are text or bytes.
            let mut json: Option<(&'a String, &'a MediaType)> = None;
            let mut others = Vec::new();
            // Binary media types documented as base64 text.
            let mut base64 = 0;
            for (content_type, media) in &response.content {
                let kind = match (
                    MediaKind::of(content_type),
                    is_binary(media.schema.as_ref()),
                ) {
                    (_, true) => MediaKind::Binary,
                    (kind, false) => kind,
                };
                match kind {
                    MediaKind::Json => {
                        json.get_or_insert((content_type, media));
                    }
                    MediaKind::Binary if is_base64(media.schema.as_ref()) => base64 += 1,
                    other => others.push(other),
                }
            }
            // Base64 beside other media types is read as the bytes that came (the reply's
            // media type tells which it is, and the caller decodes).
            if base64 > 0 && (json.is_some() || !others.is_empty()) {
                others.push(MediaKind::Binary);
            }
            let only_base64 = base64 > 0 && json.is_none() && others.is_empty();
            let root = json.map(|(content_type, media)| {
                let media_at = pointer_join(&pointer_join(&response_at, "content"), content_type);
                let root = self.lower_body(media, scope, &base, &media_at);
                if primary {
                    self.collect_examples(operation_id, &status, media, &media_at, root);
                }
                root
            });
            roots.extend(root);
            let body = match (root, others.as_slice()) {
                (Some(root), []) => ResponseBody::Json(TypeRef::Named(root)),
                (Some(root), _) => ResponseBody::Content(TypeRef::Named(root)),
                (None, []) if only_base64 => ResponseBody::Base64,
                (None, []) => ResponseBody::Empty,
                (None, kinds) if kinds.iter().all(|k| *k == MediaKind::Text) => ResponseBody::Text,
                (None, _) => ResponseBody::Bytes,
            };
            let headers = self.lower_response_headers(scope, key, response, &response_at);
            let case = ResponseCase {
                status: key,
                body,
                headers,
                docs: Some(response.description.clone()).filter(|d| !d.trim().is_empty()),
            };
            cases.push((order, case));
        }
        // Spec order, as the documentation lists them: the bodies were lowered successes first.
        cases.sort_by_key(|(order, _)| *order);
        (roots, cases.into_iter().map(|(_, case)| case).collect())
    }

    /// The type of a response's documented headers (`{Variant}{Status}Headers`, a field each),
    /// where it documents any. `Content-Type` is left out, as OpenAPI says: the media type is
    /// the body's.
    fn lower_response_headers(
        &mut self,
        scope: &str,
        status: StatusKey,
        response: &'a openapiv3::Response,
        at: &str,
    ) -> Option<TypeId> {
        if response.headers.is_empty() {
            return None;
        }
        let id = self.space.add(TypeDef {
            hint: NameHint {
                scope: scope.to_owned(),
                base: naming::bases::headers_base(status),
                parent: None,
                preferred: None,
                after_parent: false,
                position: None,
            },
            module: Module::Operations,
            docs: None,
            pointer: pointer_join(at, "headers"),
            kind: TypeKind::Headers(Vec::new()),
        });
        let headers_at = pointer_join(at, "headers");
        let mut fields = Vec::new();
        for (name, header) in &response.headers {
            let header_at = pointer_join(&headers_at, name);
            if name.eq_ignore_ascii_case("content-type") {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Kind::Schema,
                        self.label,
                        "a response header named `Content-Type` is ignored, as OpenAPI says: the media type is the body's",
                    )
                    .at(&header_at),
                );
                continue;
            }
            let Some((header, header_at)) =
                self.resolve(header, &header_at, "headers", |c| &c.headers)
            else {
                continue;
            };
            let ctx = Ctx {
                hint: NameHint {
                    scope: scope.to_owned(),
                    base: naming::pascal_case(name),
                    parent: Some(id),
                    preferred: None,
                    after_parent: false,
                    position: None,
                },
                module: Module::Operations,
                slot: None,
                files: Files::No,
            };
            let ty = self.lower_format(&header.format, ctx, &header_at);
            fields.push(Field {
                json_name: name.clone(),
                ty,
                required: header.required,
                docs: header.description.clone(),
                read_only: false,
            });
        }
        if fields.is_empty() {
            // Only `Content-Type` was documented: no type.
            self.space.get_mut(id).kind = TypeKind::Alias(TypeRef::Json);
            return None;
        }
        self.space.get_mut(id).kind = TypeKind::Headers(fields);
        Some(id)
    }

    /// The type of a parameter's or a header's value: its `schema`, or the schema of its
    /// first `content` entry.
    pub(super) fn lower_format(
        &mut self,
        format: &'a openapiv3::ParameterSchemaOrContent,
        ctx: Ctx,
        at: &str,
    ) -> TypeRef {
        match format {
            openapiv3::ParameterSchemaOrContent::Schema(schema) => {
                self.lower_schema_ref(schema, ctx, &pointer_join(at, "schema"))
            }
            openapiv3::ParameterSchemaOrContent::Content(content) => {
                let first = content
                    .iter()
                    .next()
                    .and_then(|(ct, m)| Some((ct, m.schema.as_ref()?)));
                match first {
                    Some((ct, schema)) => {
                        let media_at = pointer_join(&pointer_join(at, "content"), ct);
                        self.lower_schema_ref(schema, ctx, &pointer_join(&media_at, "schema"))
                    }
                    None => TypeRef::Json,
                }
            }
        }
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
            });
        }
    }
}

fn status_key(status: &StatusCode) -> StatusKey {
    match status {
        StatusCode::Code(code) => StatusKey::Code(*code),
        StatusCode::Range(digit) => StatusKey::Range(*digit),
    }
}

fn is_success(status: &StatusCode) -> bool {
    status_key(status).is_success()
}
