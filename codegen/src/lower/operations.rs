//! Walks the paths of a spec: operations, their request-body variants, and every JSON body
//! they send or receive.

use super::requests::Found;
use super::schema::{Ctx, Files};
use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use crate::ir::{
    BodyEncoding, Module, NameHint, Operation, TypeDef, TypeId, TypeKind, TypeRef, Variant,
};
use crate::naming;
use crate::pointer::{pointer, pointer_join};
use openapiv3::{MediaType, ReferenceOr, RequestBody};

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
                        let webhook = self.webhooks.name(path);
                        let derived = naming::bases::fallback_operation_id(method, path, webhook);
                        let after = if webhook.is_some() {
                            "webhook name"
                        } else {
                            "path"
                        };
                        self.diagnostics.push(
                            Diagnostic::warning(
                                Kind::Schema,
                                self.label,
                                format!("operation has no usable operationId; naming it `{derived}` after its method and {after}"),
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
            tags: op.tags.clone(),
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
                let binary = super::responses::is_binary(media.schema.as_ref());
                let base64 = super::responses::is_base64(media.schema.as_ref());
                let encoding = super::requests::encoding_of(content_type, binary, base64);
                // A body of a binary media type is its bytes, whatever its schema says (sent
                // as base64 text where the schema says so).
                let root = match encoding {
                    BodyEncoding::Binary | BodyEncoding::Base64 => {
                        self.bytes_body(media, scope, naming::bases::REQUEST_BODY, &media_at)
                    }
                    // The files of a multipart body are parts with a file name.
                    BodyEncoding::Multipart => self.lower_body_with(
                        media,
                        scope,
                        naming::bases::REQUEST_BODY,
                        &media_at,
                        Files::Body,
                    ),
                    _ => self.lower_body(media, scope, naming::bases::REQUEST_BODY, &media_at),
                };
                request_body = Some(super::requests::Body {
                    ty: root,
                    content_type: content_type.as_str(),
                    encoding,
                    required: body.required,
                    docs: body.description.clone(),
                });
            }
            let request_root = request_body.as_ref().map(|body| body.ty);
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

    /// A body always gets a named type: an object, enum or union is one already; anything else
    /// gets an alias, so that `{Variant}ResponseBody` exists whatever the schema.
    /// A body that is bytes: `{Variant}RequestBody` is an alias of `Vec<u8>`, documented by
    /// its schema.
    fn bytes_body(&mut self, media: &'a MediaType, scope: &str, base: &str, at: &str) -> TypeId {
        let docs = match &media.schema {
            Some(ReferenceOr::Item(schema)) => super::schema::docs_of(schema),
            _ => None,
        };
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
            docs,
            pointer: pointer_join(at, "schema"),
            kind: TypeKind::Alias(TypeRef::Bytes),
        })
    }

    pub(super) fn lower_body(
        &mut self,
        media: &'a MediaType,
        scope: &str,
        base: &str,
        at: &str,
    ) -> TypeId {
        self.lower_body_with(media, scope, base, at, Files::No)
    }

    /// [`Self::lower_body`], in a multipart body where `files` says so: its files (a component's
    /// too, which is then lowered for this body, since its files are parts only here) are file
    /// parts.
    pub(super) fn lower_body_with(
        &mut self,
        media: &'a MediaType,
        scope: &str,
        base: &str,
        at: &str,
        files: Files,
    ) -> TypeId {
        let hint = NameHint {
            scope: scope.to_owned(),
            base: base.to_owned(),
            parent: None,
            preferred: None,
            after_parent: false,
            position: None,
        };
        let ctx = Ctx {
            hint: hint.clone(),
            module: Module::Operations,
            slot: None,
            files,
        };
        let schema_at = pointer_join(at, "schema");
        let ty = match (&media.schema, files) {
            (Some(ReferenceOr::Reference { reference }), Files::Body) => {
                match self.follow(reference, &schema_at) {
                    Some((_, schema, target_at)) if has_files(schema) => {
                        self.lower_schema(schema, ctx, &target_at)
                    }
                    _ => self.lower_reference(reference, &schema_at),
                }
            }
            (Some(schema), _) => self.lower_schema_ref(schema, ctx, &schema_at),
            (None, _) => TypeRef::Json,
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
                after_parent: false,
                position: None,
                ..def.hint.clone()
            };
            if unnamed == hint {
                if let Some(preferred) = def.hint.preferred.clone() {
                    def.hint.base = preferred;
                }
            }
        }
        self.space.add(TypeDef {
            hint,
            module: Module::Operations,
            docs: None,
            pointer: schema_at,
            kind: TypeKind::Alias(ty),
        })
    }
}

/// Where an operation is: its method, path template and pointer.
struct Place<'p> {
    method: &'p str,
    path: &'p str,
    at: &'p str,
}

/// One scope per request content type when there are several (JSON first, as the primary
/// variant that the dedup pass keeps), else one scope with no suffix. Each scope comes with the
/// content type whose schema is its request body.
fn variant_scopes(prefix: &str, body: Option<&RequestBody>) -> Vec<(String, Option<String>)> {
    let mut content: Vec<(&'static str, Option<String>)> = match body {
        Some(body) if body.content.len() > 1 => body
            .content
            .keys()
            .map(|ct| (naming::bases::content_type_suffix(ct), Some(ct.clone())))
            .collect(),
        Some(body) => vec![("", body.content.keys().next().cloned())],
        None => vec![("", None)],
    };
    content.sort_by_key(|(suffix, _)| !suffix.is_empty());
    let prefixes =
        naming::bases::variant_prefixes(prefix, content.iter().map(|(suffix, _)| *suffix));
    prefixes
        .into_iter()
        .zip(content)
        .map(|(prefix, (_, ct))| (prefix, ct))
        .collect()
}

/// Whether an object schema has a file among its properties (or their items).
fn has_files(schema: &openapiv3::Schema) -> bool {
    let binary = |schema: &ReferenceOr<Box<openapiv3::Schema>>| match schema {
        ReferenceOr::Item(schema) => {
            super::view::View::of(schema).format.as_deref() == Some("binary")
        }
        ReferenceOr::Reference { .. } => false,
    };
    let view = super::view::View::of(schema);
    view.properties.into_iter().flatten().any(|(_, property)| {
        let items = match property {
            ReferenceOr::Item(p) => super::view::View::of(p).items.is_some_and(binary),
            ReferenceOr::Reference { .. } => false,
        };
        binary(property) || items
    })
}
