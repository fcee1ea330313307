//! Walks the paths of a spec: operations, their request-body variants and their response bodies.

use super::Lowerer;
use crate::error::{pointer, pointer_join, Diagnostic, Kind};
use crate::ir::{Example, NameHint, Operation, TypeKind, TypeRef, Variant};
use crate::naming;
use openapiv3::{MediaType, ReferenceOr};

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
fn essence(content_type: &str) -> String {
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
                    Some(id) => id.clone(),
                    None => {
                        let derived = naming::snake_case(&format!("{method} {path}"));
                        self.diagnostics.push(
                            Diagnostic::warning(
                                Kind::Schema,
                                self.label,
                                format!("operation has no operationId; naming it `{derived}` after its method and path"),
                            )
                            .at(&op_pointer)
                            .hint("add an operationId to choose the name of its types"),
                        );
                        derived
                    }
                };
                self.lower_operation(&operation_id, op, &op_pointer);
            }
        }
    }

    fn lower_operation(&mut self, operation_id: &str, op: &'a openapiv3::Operation, at: &str) {
        let prefix = naming::pascal_case(operation_id);
        let scopes = self.variant_scopes(&prefix, op, at);
        let mut operation = Operation {
            operation_id: operation_id.to_owned(),
            variants: Vec::new(),
        };
        for (i, scope) in scopes.iter().enumerate() {
            let roots = self.lower_responses(operation_id, scope, op, at, i == 0);
            operation.variants.push(Variant {
                scope: scope.clone(),
                roots,
            });
        }
        self.space.operations.push(operation);
    }

    /// One scope per request content type when there are several (JSON first, as the primary
    /// variant that the dedup pass keeps), else one scope with no suffix.
    fn variant_scopes(
        &mut self,
        prefix: &str,
        op: &'a openapiv3::Operation,
        at: &str,
    ) -> Vec<String> {
        let body = op.request_body.as_ref().and_then(|body| {
            self.resolve(
                body,
                &pointer_join(at, "requestBody"),
                "requestBodies",
                |c| &c.request_bodies,
            )
            .map(|(body, _)| body)
        });
        let mut suffixes: Vec<&str> = match body {
            Some(body) if body.content.len() > 1 => body
                .content
                .keys()
                .map(|ct| content_type_suffix(ct))
                .collect(),
            _ => vec![""],
        };
        suffixes.sort_by_key(|s| !s.is_empty());
        let mut taken = naming::UniqueNames::default();
        suffixes
            .into_iter()
            .map(|suffix| taken.claim_numbered(&format!("{prefix}{suffix}"), ""))
            .collect()
    }

    /// Lowers the success (2xx) JSON response bodies of one variant. The first is
    /// `{scope}ResponseBody`; further ones are told apart by status.
    fn lower_responses(
        &mut self,
        operation_id: &str,
        scope: &str,
        op: &'a openapiv3::Operation,
        at: &str,
        primary: bool,
    ) -> Vec<crate::ir::TypeId> {
        let mut roots = Vec::new();
        for (status, response) in &op.responses.responses {
            let status = status.to_string();
            if !status.starts_with('2') {
                continue;
            }
            let response_at = pointer_join(&pointer_join(at, "responses"), &status);
            let Some((response, response_at)) =
                self.resolve(response, &response_at, "responses", |c| &c.responses)
            else {
                continue;
            };
            let Some((content_type, media)) = response.content.iter().find(|(ct, _)| is_json(ct))
            else {
                continue;
            };
            let media_at = pointer_join(&pointer_join(&response_at, "content"), content_type);
            let base = if roots.is_empty() {
                "ResponseBody".to_owned()
            } else {
                format!("Status{status}ResponseBody")
            };
            let hint = NameHint {
                scope: scope.to_owned(),
                base,
                parent: None,
            };
            let root = self.lower_body(media, hint, &media_at);
            if primary {
                self.collect_examples(operation_id, &status, media, &media_at, root);
            }
            roots.push(root);
        }
        roots
    }

    /// A body always gets a named type: an object or enum is one already; anything else gets an
    /// alias, so that `{Variant}ResponseBody` exists whatever the schema.
    fn lower_body(&mut self, media: &'a MediaType, hint: NameHint, at: &str) -> crate::ir::TypeId {
        let schema_at = pointer_join(at, "schema");
        let ty = match &media.schema {
            Some(schema) => self.lower_schema_ref(schema, hint.clone(), &schema_at),
            None => TypeRef::Json,
        };
        match ty {
            TypeRef::Named(id) if self.space.get(id).hint == hint => id,
            other => self.space.add(crate::ir::TypeDef {
                name: String::new(),
                hint,
                module: crate::ir::Module::Operations,
                docs: None,
                pointer: schema_at,
                kind: TypeKind::Alias(other),
            }),
        }
    }

    fn collect_examples(
        &mut self,
        operation_id: &str,
        status: &str,
        media: &'a MediaType,
        at: &str,
        root: crate::ir::TypeId,
    ) {
        let mut found: Vec<(String, serde_json::Value)> = Vec::new();
        if let Some(value) = &media.example {
            found.push(("example".to_owned(), value.clone()));
        }
        for (name, example) in &media.examples {
            let example_at = pointer_join(&pointer_join(at, "examples"), name);
            if let Some((example, _)) =
                self.resolve(example, &example_at, "examples", |c| &c.examples)
            {
                if let Some(value) = &example.value {
                    found.push((name.clone(), value.clone()));
                }
            }
        }
        for (name, value) in found {
            self.space.examples.push(Example {
                operation_id: operation_id.to_owned(),
                status: status.to_owned(),
                name,
                ty: TypeRef::Named(root),
                value,
                test_name: String::new(),
            });
        }
    }
}
