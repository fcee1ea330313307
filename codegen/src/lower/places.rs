//! Schema references to any place of the document: `#/components/schemas/Tag/allOf/0`,
//! `#/components/parameters/limit/schema`, `#/paths/~1pets/get/responses/200/content/…`.
//!
//! Every such place is given a type slot before lowering starts, as components are. The place
//! fills its slot when lowering reaches it, with the name the naming rules give that place, and
//! every reference names the slot, so the place and its references share one type. A place
//! that lowering never reaches on its own (an `allOf` part, which is merged, or a parameter's
//! schema) is lowered by itself at the end, named after its pointer.

use super::schema::{Ctx, Files};
use super::view::View;
use super::Lowerer;
use crate::ir::{Module, NameHint, TypeDef, TypeKind, TypeRef};
use crate::naming;
use crate::pointer::{canonical, segments};
use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, MediaType, OpenAPI, Parameter, ParameterSchemaOrContent, PathItem,
    ReferenceOr, Schema,
};

/// What a pointer lands on.
pub(super) enum Place<'a> {
    Schema(&'a Schema),
    /// A `$ref` standing at the place: the place is whatever it names.
    Reference(&'a str),
}

/// Why a pointer does not land on a schema.
pub(super) enum Miss {
    /// No node of the document is at the pointer.
    Nowhere,
    /// A node is there, but it is not a schema (an operation, a parameter, a media type).
    NotASchema,
}

/// Whether a reference is one lowering resolves as a component (`#/components/schemas/X`).
pub(super) fn is_component_schema(segments: &[String]) -> bool {
    segments.len() == 3 && segments[0] == "components" && segments[1] == "schemas"
}

/// What `segments` lands on in `spec`.
pub(super) fn find<'a>(spec: &'a OpenAPI, segments: &[String]) -> Result<Place<'a>, Miss> {
    let seg = |i: usize| segments.get(i).map(String::as_str);
    match (seg(0), seg(1)) {
        (Some("components"), Some(section)) => {
            let components = spec.components.as_ref().ok_or(Miss::Nowhere)?;
            let name = seg(2).ok_or(Miss::NotASchema)?;
            let rest = &segments[3..];
            match section {
                "schemas" => in_schema_ref(components.schemas.get(name), rest),
                "parameters" => in_parameter(components.parameters.get(name), rest),
                "headers" => match components.headers.get(name).ok_or(Miss::Nowhere)? {
                    ReferenceOr::Item(header) => in_format(&header.format, rest),
                    ReferenceOr::Reference { .. } => Err(Miss::Nowhere),
                },
                "responses" => match components.responses.get(name).ok_or(Miss::Nowhere)? {
                    ReferenceOr::Item(response) => in_response(response, rest),
                    ReferenceOr::Reference { .. } => Err(Miss::Nowhere),
                },
                "requestBodies" => {
                    match components.request_bodies.get(name).ok_or(Miss::Nowhere)? {
                        ReferenceOr::Item(body) => in_content(&body.content, rest),
                        ReferenceOr::Reference { .. } => Err(Miss::Nowhere),
                    }
                }
                _ => Err(Miss::NotASchema),
            }
        }
        (Some("paths"), Some(path)) => {
            let item = match spec.paths.paths.get(path).ok_or(Miss::Nowhere)? {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { .. } => return Err(Miss::Nowhere),
            };
            in_path_item(item, &segments[2..])
        }
        _ => Err(Miss::NotASchema),
    }
}

fn in_path_item<'a>(item: &'a PathItem, rest: &[String]) -> Result<Place<'a>, Miss> {
    let Some((first, rest)) = rest.split_first() else {
        return Err(Miss::NotASchema);
    };
    if first == "parameters" {
        return in_parameter_list(&item.parameters, rest);
    }
    let operation = item
        .iter()
        .find(|(method, _)| method == first)
        .map(|(_, op)| op)
        .ok_or(Miss::Nowhere)?;
    let Some((section, rest)) = rest.split_first() else {
        return Err(Miss::NotASchema);
    };
    match section.as_str() {
        "parameters" => in_parameter_list(&operation.parameters, rest),
        "requestBody" => match operation.request_body.as_ref().ok_or(Miss::Nowhere)? {
            ReferenceOr::Item(body) => in_content(&body.content, rest),
            ReferenceOr::Reference { .. } => Err(Miss::Nowhere),
        },
        "responses" => {
            let (status, rest) = rest.split_first().ok_or(Miss::NotASchema)?;
            let responses = &operation.responses;
            let response = if status == "default" {
                responses.default.as_ref()
            } else {
                responses
                    .responses
                    .iter()
                    .find(|(code, _)| code.to_string() == *status)
                    .map(|(_, r)| r)
            };
            match response.ok_or(Miss::Nowhere)? {
                ReferenceOr::Item(response) => in_response(response, rest),
                ReferenceOr::Reference { .. } => Err(Miss::Nowhere),
            }
        }
        _ => Err(Miss::NotASchema),
    }
}

fn in_parameter_list<'a>(
    list: &'a [ReferenceOr<Parameter>],
    rest: &[String],
) -> Result<Place<'a>, Miss> {
    let (index, rest) = rest.split_first().ok_or(Miss::NotASchema)?;
    let index: usize = index.parse().map_err(|_| Miss::Nowhere)?;
    in_parameter(list.get(index), rest)
}

fn in_parameter<'a>(
    parameter: Option<&'a ReferenceOr<Parameter>>,
    rest: &[String],
) -> Result<Place<'a>, Miss> {
    match parameter.ok_or(Miss::Nowhere)? {
        ReferenceOr::Item(parameter) => in_format(&parameter.parameter_data_ref().format, rest),
        ReferenceOr::Reference { .. } => Err(Miss::Nowhere),
    }
}

fn in_format<'a>(format: &'a ParameterSchemaOrContent, rest: &[String]) -> Result<Place<'a>, Miss> {
    match (format, rest.split_first()) {
        (ParameterSchemaOrContent::Schema(schema), Some((first, rest))) if first == "schema" => {
            in_schema_ref(Some(schema), rest)
        }
        (ParameterSchemaOrContent::Content(content), Some((first, rest))) if first == "content" => {
            in_media(content, rest)
        }
        (_, None) => Err(Miss::NotASchema),
        _ => Err(Miss::Nowhere),
    }
}

fn in_response<'a>(response: &'a openapiv3::Response, rest: &[String]) -> Result<Place<'a>, Miss> {
    match rest.split_first() {
        Some((first, rest)) if first == "headers" => {
            let (name, rest) = rest.split_first().ok_or(Miss::NotASchema)?;
            match response.headers.get(name).ok_or(Miss::Nowhere)? {
                ReferenceOr::Item(header) => in_format(&header.format, rest),
                ReferenceOr::Reference { .. } => Err(Miss::Nowhere),
            }
        }
        _ => in_content(&response.content, rest),
    }
}

fn in_content<'a>(
    content: &'a IndexMap<String, MediaType>,
    rest: &[String],
) -> Result<Place<'a>, Miss> {
    match rest.split_first() {
        Some((first, rest)) if first == "content" => in_media(content, rest),
        None => Err(Miss::NotASchema),
        _ => Err(Miss::Nowhere),
    }
}

fn in_media<'a>(
    content: &'a IndexMap<String, MediaType>,
    rest: &[String],
) -> Result<Place<'a>, Miss> {
    let (media, rest) = rest.split_first().ok_or(Miss::NotASchema)?;
    let media = content.get(media).ok_or(Miss::Nowhere)?;
    match rest.split_first() {
        Some((first, rest)) if first == "schema" => in_schema_ref(media.schema.as_ref(), rest),
        None => Err(Miss::NotASchema),
        _ => Err(Miss::Nowhere),
    }
}

fn in_schema_ref<'a, S: std::borrow::Borrow<Schema>>(
    schema: Option<&'a ReferenceOr<S>>,
    rest: &[String],
) -> Result<Place<'a>, Miss> {
    match (schema.ok_or(Miss::Nowhere)?, rest.is_empty()) {
        (ReferenceOr::Reference { reference }, true) => Ok(Place::Reference(reference)),
        // A pointer does not follow a `$ref` on its way.
        (ReferenceOr::Reference { .. }, false) => Err(Miss::Nowhere),
        (ReferenceOr::Item(schema), _) => in_schema(schema.borrow(), rest),
    }
}

fn in_schema<'a>(schema: &'a Schema, rest: &[String]) -> Result<Place<'a>, Miss> {
    let Some((first, rest)) = rest.split_first() else {
        return Ok(Place::Schema(schema));
    };
    let view = View::of(schema);
    let indexed = |list: &'a [ReferenceOr<Schema>], rest: &[String]| {
        let (index, rest) = rest.split_first().ok_or(Miss::NotASchema)?;
        let index: usize = index.parse().map_err(|_| Miss::Nowhere)?;
        in_schema_ref(list.get(index), rest)
    };
    match first.as_str() {
        "properties" => {
            let (name, rest) = rest.split_first().ok_or(Miss::NotASchema)?;
            match &view.prefix {
                // A tuple's positional schemas, kept as properties named by position.
                Some(prefix) => {
                    let position = name.parse::<usize>().map_err(|_| Miss::Nowhere)?;
                    in_schema_ref(prefix.get(position).copied(), rest)
                }
                None => in_schema_ref(view.properties.and_then(|p| p.get(name)), rest),
            }
        }
        "items" => in_schema_ref(view.items, rest),
        "additionalProperties" => match view.additional {
            Some(AdditionalProperties::Schema(schema)) => in_schema_ref(Some(&**schema), rest),
            Some(AdditionalProperties::Any(_)) => Err(Miss::NotASchema),
            None => Err(Miss::Nowhere),
        },
        "not" => in_schema_ref(view.not, rest),
        "allOf" => indexed(view.all_of, rest),
        "oneOf" => indexed(view.one_of, rest),
        "anyOf" => indexed(view.any_of, rest),
        _ => Err(Miss::NotASchema),
    }
}

/// The name of a place that lowering did not reach on its own, from the names in its pointer
/// ([`naming::bases::pointer_words`]).
fn hint_for(segments: &[String]) -> (Module, NameHint) {
    let module = if segments.first().map(String::as_str) == Some("paths") {
        Module::Operations
    } else {
        Module::Components
    };
    (
        module,
        NameHint {
            scope: naming::bases::pointer_words(segments),
            base: String::new(),
            parent: None,
            preferred: None,
            after_parent: false,
            position: None,
        },
    )
}

impl<'a> Lowerer<'a> {
    /// Gives every place that a local `$ref` points into (other than a whole component
    /// schema) a type slot, before anything is lowered.
    pub(super) fn register_places(&mut self, references: &[String]) {
        for reference in references {
            let Some(segments) = segments(reference) else {
                continue;
            };
            if segments.is_empty() || is_component_schema(&segments) {
                continue;
            }
            let key = canonical(&segments);
            if self.places.contains_key(&key) {
                continue;
            }
            // A pointer that lands on no schema is reported where it is used as one.
            let Ok(place) = find(self.spec, &segments) else {
                continue;
            };
            let (module, hint) = hint_for(&segments);
            let id = self.space.add(TypeDef {
                hint,
                module,
                docs: None,
                pointer: key.clone(),
                kind: TypeKind::Alias(TypeRef::Json),
            });
            if let Place::Schema(schema) = place {
                if View::of(schema).nullable() {
                    self.nullable_components.insert(id);
                }
            }
            self.places.insert(key, id);
        }
    }

    /// The type of a schema at `at` that a reference points into: lowered into its slot the
    /// first time (named by `ctx`, the rules of the place), the slot itself every time.
    pub(super) fn lower_place<S: std::borrow::Borrow<Schema>>(
        &mut self,
        slot: crate::ir::TypeId,
        schema: &'a ReferenceOr<S>,
        ctx: Ctx,
        at: &str,
    ) -> TypeRef {
        let named = if self.nullable_components.contains(&slot) {
            TypeRef::Nullable(Box::new(TypeRef::Named(slot)))
        } else {
            TypeRef::Named(slot)
        };
        if !self.places_lowered.insert(slot) {
            return named;
        }
        {
            let def = self.space.get_mut(slot);
            def.hint = ctx.hint.clone();
            def.module = ctx.module;
        }
        let ctx = Ctx {
            slot: Some(slot),
            ..ctx
        };
        let ty = match schema {
            ReferenceOr::Item(item) => self.lower_schema(item.borrow(), ctx, at),
            ReferenceOr::Reference { reference } => self.lower_reference(reference, at),
        };
        let documented = match schema {
            ReferenceOr::Item(item) => Some(item.borrow()),
            ReferenceOr::Reference { .. } => None,
        };
        self.fill_slot(slot, ty, documented);
        named
    }

    /// Lowers, by itself, every place that a reference points into and that lowering did not
    /// reach.
    pub(super) fn lower_unreached_places(&mut self) {
        let pending: Vec<(String, crate::ir::TypeId)> = self
            .places
            .iter()
            .filter(|(_, id)| !self.places_lowered.contains(*id))
            .map(|(key, id)| (key.clone(), *id))
            .collect();
        for (key, id) in pending {
            let Some(segments) = segments(&key) else {
                continue;
            };
            let def = self.space.get(id);
            let ctx = Ctx {
                hint: def.hint.clone(),
                module: def.module,
                slot: None,
                files: Files::No,
            };
            match find(self.spec, &segments) {
                Ok(Place::Schema(schema)) => {
                    // `lower_place` takes a `ReferenceOr`; the place is an item.
                    let item: &'a Schema = schema;
                    self.places_lowered.insert(id);
                    let ctx = Ctx {
                        slot: Some(id),
                        ..ctx
                    };
                    let ty = self.lower_schema(item, ctx, &key);
                    self.fill_slot(id, ty, Some(item));
                }
                Ok(Place::Reference(reference)) => {
                    self.places_lowered.insert(id);
                    let ty = self.lower_reference(reference, &key);
                    self.fill_slot(id, ty, None);
                }
                Err(_) => {}
            }
        }
    }
}
