//! Schemas → type references, creating a named type for every object, enum and union.

use super::view::{JsonType, View};
use super::Lowerer;
use crate::error::{Diagnostic, Kind};
use crate::ir::TextFormat;
use crate::ir::{
    EnumDef, EnumRepr, EnumValue, EnumVariant, Module, NameHint, TypeDef, TypeId, TypeKind, TypeRef,
};
use crate::naming;
use crate::pointer::pointer_join;
use openapiv3::{ReferenceOr, Schema};
use serde_json::Value;
use std::borrow::Borrow;

/// Where a schema is being lowered: the name its type would get, the module it would live in,
/// and, for a component, the pre-registered type it fills.
#[derive(Debug, Clone)]
pub(super) struct Ctx {
    pub hint: NameHint,
    pub module: Module,
    pub slot: Option<TypeId>,
    pub files: Files,
}

/// Where a string of bytes is a file: in a multipart body, a property (or the items of a
/// property) of `format: binary` is a file part, with a file name and a media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Files {
    No,
    /// The multipart body itself: its properties are parts.
    Body,
    /// A part of a multipart body (or its items).
    Part,
}

impl Ctx {
    /// The context of a type nested in the current one under `base`.
    pub fn nested(&self, parent: Option<TypeId>, base: String) -> Ctx {
        Ctx {
            hint: NameHint {
                scope: self.hint.scope.clone(),
                base,
                parent: parent.or(self.hint.parent),
                preferred: None,
                after_parent: false,
                position: None,
            },
            module: self.module,
            slot: None,
            files: Files::No,
        }
    }
}

impl<'a> Lowerer<'a> {
    /// Lowers a schema or a reference to one.
    pub(super) fn lower_schema_ref<S: Borrow<Schema>>(
        &mut self,
        schema: &'a ReferenceOr<S>,
        ctx: Ctx,
        at: &str,
    ) -> TypeRef {
        // A place that a `$ref` points into has a slot of its own, shared with the references.
        if !self.places.is_empty() {
            if let Some(&slot) = self.places.get(at) {
                return self.lower_place(slot, schema, ctx, at);
            }
        }
        match schema {
            ReferenceOr::Item(schema) => self.lower_schema(schema.borrow(), ctx, at),
            ReferenceOr::Reference { reference } => self.lower_reference(reference, at),
        }
    }

    pub(super) fn lower_schema(&mut self, schema: &'a Schema, ctx: Ctx, at: &str) -> TypeRef {
        let view = View::of(schema);
        let ty = self.lower_view(&view, ctx, at);
        match ty {
            TypeRef::Json | TypeRef::Nullable(_) => ty,
            ty if view.nullable() => TypeRef::Nullable(Box::new(ty)),
            ty => ty,
        }
    }

    pub(super) fn lower_view(&mut self, view: &View<'a>, ctx: Ctx, at: &str) -> TypeRef {
        if let Some(unknown) = view.unknown_type {
            self.warn(
                Kind::Unsupported,
                at,
                format!(
                    "unknown type `{unknown}`; typed as `serde_json::Value`, which keeps any value"
                ),
            );
            return TypeRef::Json;
        }
        if view.is_never() && !view.nullable() {
            self.warn(
                Kind::Schema,
                at,
                "this schema admits no value (`false`, or `not: {}`); typed as `serde_json::Value`, which keeps whatever arrives".to_owned(),
            );
            return TypeRef::Json;
        }
        // A discriminator outside a union (on a base that others extend) still maps its
        // values to schemas, each of which must exist.
        if let Some(d) = &view.schema.schema_data.discriminator {
            if view.one_of.is_empty() && view.any_of.is_empty() && !d.mapping.is_empty() {
                self.discriminator_mapping(d, at);
            }
        }
        if !view.all_of.is_empty() {
            return self.lower_all_of(view, ctx, at);
        }
        if !view.one_of.is_empty() || !view.any_of.is_empty() {
            return self.lower_union(view, ctx, at);
        }
        if view.has_not {
            let shaped = view.ty.is_some() || infer_type(view).is_some();
            if !shaped {
                self.warn(
                    Kind::Unsupported,
                    at,
                    "`not` is typed as `serde_json::Value`".to_owned(),
                );
                return TypeRef::Json;
            }
            // The other keywords give the type; `not` only excludes some of its values, and
            // reading those too loses nothing.
            self.warn(
                Kind::Unsupported,
                at,
                "`not` is not checked: the type comes from the other keywords, and values that `not` excludes are read too".to_owned(),
            );
        }
        let ty = view.ty.or_else(|| infer_type(view));
        match ty {
            Some(JsonType::String) => self.lower_string(view, ctx, at),
            Some(JsonType::Integer) => self.lower_integer(view, ctx, at),
            Some(JsonType::Number) => TypeRef::F64,
            Some(JsonType::Boolean) => TypeRef::Bool,
            Some(JsonType::Object) => self.lower_object(view, ctx, at),
            Some(JsonType::Array) if view.prefix.is_some() => self.lower_tuple(view, ctx, at),
            Some(JsonType::Array) => {
                // A root array (a body, a component) is a named type itself: its items need a
                // name of their own even where the singular is the plural.
                let root = ctx.hint.parent.is_none();
                let mut item_ctx = ctx.nested(None, naming::bases::item_base(&ctx.hint.base, root));
                // An array alternative of a union is no type of its own: where its items keep
                // its name, they are the alternative the position names (`Three`).
                if item_ctx.hint.base == ctx.hint.base {
                    item_ctx.hint.position = ctx.hint.position;
                }
                // The items of a part are parts too: a list of files.
                if ctx.files == Files::Part {
                    item_ctx.files = Files::Part;
                }
                let item = match view.items {
                    // Items that cannot exist: an array that is always empty.
                    Some(ReferenceOr::Item(items)) if is_never(items) => TypeRef::Json,
                    Some(items) => {
                        self.lower_schema_ref(items, item_ctx, &pointer_join(at, "items"))
                    }
                    None => TypeRef::Json,
                };
                TypeRef::Vec(Box::new(item))
            }
            None => TypeRef::Json,
        }
    }

    pub(super) fn is_union(&self, id: Option<TypeId>) -> bool {
        id.is_some_and(|id| matches!(self.space.get(id).kind, TypeKind::Union(_)))
    }

    /// Adds a named type, or fills the component slot the context carries.
    pub(super) fn new_type(
        &mut self,
        ctx: &mut Ctx,
        view: Option<&View<'a>>,
        at: &str,
        kind: TypeKind,
    ) -> TypeId {
        let docs = view.and_then(|v| docs_of(v.schema));
        if let Some(id) = ctx.slot.take() {
            let def = self.space.get_mut(id);
            def.kind = kind;
            def.docs = docs.or(def.docs.take());
            def.pointer = at.to_owned();
            return id;
        }
        let mut hint = ctx.hint.clone();
        hint.preferred = view.and_then(|v| preferred_name(v.schema));
        self.space.add(TypeDef {
            hint,
            module: ctx.module,
            docs,
            pointer: at.to_owned(),
            kind,
        })
    }

    fn lower_string(&mut self, view: &View<'a>, mut ctx: Ctx, at: &str) -> TypeRef {
        // A file of a multipart body: its name, media type and bytes, named after the type
        // that holds it (`{Parent}{Property}`).
        if ctx.files == Files::Part && view.format.as_deref() == Some("binary") {
            ctx.hint.after_parent = true;
            return TypeRef::Named(self.new_type(&mut ctx, Some(view), at, TypeKind::FilePart));
        }
        let mut values = Vec::new();
        let mut not_strings = Vec::new();
        for value in view.enumeration.iter().filter(|v| !v.is_null()) {
            match value {
                Value::String(s) => values.push(EnumValue::String(s.clone())),
                other => {
                    not_strings.push(other.to_string());
                    values.push(EnumValue::String(other.to_string()));
                }
            }
        }
        if !not_strings.is_empty() {
            self.warn(
                Kind::Schema,
                &pointer_join(at, "enum"),
                format!(
                    "this string enum lists {} {}, which {} not a string; each is listed as its JSON text, and a server's string of that text reads as that value",
                    if not_strings.len() == 1 { "the value" } else { "the values" },
                    not_strings.join(", "),
                    if not_strings.len() == 1 { "is" } else { "are" }
                ),
            );
        }
        if values.is_empty() {
            let format = view.format.as_deref().and_then(TextFormat::from_format);
            return format.map_or(TypeRef::String, |format| self.formats.type_ref(format));
        }
        let kind = enum_kind(EnumRepr::String, values);
        TypeRef::Named(self.new_type(&mut ctx, Some(view), at, kind))
    }

    fn lower_integer(&mut self, view: &View<'a>, mut ctx: Ctx, at: &str) -> TypeRef {
        let mut values = Vec::new();
        let mut left_out = Vec::new();
        for value in view.enumeration.iter().filter(|v| !v.is_null()) {
            match exact_integer(value) {
                Some(n) => values.push(EnumValue::Integer(n)),
                None => left_out.push(value.to_string()),
            }
        }
        if !left_out.is_empty() {
            self.warn(
                Kind::Schema,
                &pointer_join(at, "enum"),
                format!(
                    "this integer enum lists {} {}, which {} not an integer of 64 bits; {} left out of the listed values (a server's integer is still kept as it came)",
                    if left_out.len() == 1 { "the value" } else { "the values" },
                    left_out.join(", "),
                    if left_out.len() == 1 { "is" } else { "are" },
                    if left_out.len() == 1 { "it is" } else { "they are" }
                ),
            );
        }
        match values {
            values if !values.is_empty() => {
                let kind = enum_kind(EnumRepr::Integer, values);
                TypeRef::Named(self.new_type(&mut ctx, Some(view), at, kind))
            }
            _ => match view.format.as_deref() {
                Some("int32") => TypeRef::I32,
                Some("uint32") => TypeRef::U32,
                Some("uint64") => TypeRef::U64,
                _ => TypeRef::I64,
            },
        }
    }

    pub(super) fn warn(&mut self, kind: Kind, at: &str, message: String) {
        self.diagnostics
            .push(Diagnostic::warning(kind, self.label, message).at(at));
    }

    pub(super) fn error(&mut self, kind: Kind, at: &str, message: String, hint: &str) {
        self.diagnostics.push(
            Diagnostic::error(kind, self.label, message)
                .at(at)
                .hint(hint),
        );
    }
}

fn enum_kind(repr: EnumRepr, values: Vec<EnumValue>) -> TypeKind {
    let mut variants: Vec<EnumVariant> = Vec::with_capacity(values.len());
    for value in values {
        // A value listed twice is one variant.
        if !variants.iter().any(|v| v.value == value) {
            variants.push(EnumVariant { value });
        }
    }
    TypeKind::Enum(EnumDef { repr, variants })
}

/// A schema with no `type` still says what it is through its other keywords.
fn infer_type(view: &View) -> Option<JsonType> {
    if view.properties.is_some_and(|p| !p.is_empty()) || view.additional.is_some() {
        return Some(JsonType::Object);
    }
    if view.items.is_some() {
        return Some(JsonType::Array);
    }
    let values: Vec<&Value> = view.enumeration.iter().filter(|v| !v.is_null()).collect();
    if !values.is_empty() && values.iter().all(|v| v.is_string()) {
        return Some(JsonType::String);
    }
    if !values.is_empty() && values.iter().all(|v| v.is_i64()) {
        return Some(JsonType::Integer);
    }
    None
}

/// The name an inline schema gives itself (see [`naming::bases::preferred`]); the 3.1
/// `$anchor` is kept by the loader as `x-codegen-anchor`, `openapiv3` having no place for it.
fn preferred_name(schema: &Schema) -> Option<String> {
    let data = &schema.schema_data;
    let extension = |key: &str| data.extensions.get(key).and_then(Value::as_str);
    naming::bases::preferred(
        extension("x-speakeasy-name-override"),
        data.title.as_deref(),
        extension("x-codegen-anchor"),
    )
}

/// The description as the spec wrote it (the model pages show it verbatim; rustdoc trims it),
/// else the title; none when it is only whitespace.
pub(super) fn docs_of(schema: &Schema) -> Option<String> {
    let data = &schema.schema_data;
    data.description
        .as_ref()
        .or(data.title.as_ref())
        .filter(|text| !text.trim().is_empty())
        .cloned()
}

/// Whether a schema admits no value (see [`View::is_never`]).
pub(super) fn is_never(schema: &Schema) -> bool {
    let view = View::of(schema);
    view.is_never() && !view.nullable()
}

/// The integer a JSON number is exactly, from `i64::MIN` to `u64::MAX`: an integer, or a
/// number written with a fraction of zero (`1.0`).
fn exact_integer(value: &Value) -> Option<i128> {
    if let Some(n) = value.as_i64() {
        return Some(i128::from(n));
    }
    if let Some(n) = value.as_u64() {
        return Some(i128::from(n));
    }
    let f = value.as_f64()?;
    // Within ±2^53 a float is an integer exactly when its fraction is zero.
    (f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0).then_some(f as i128)
}
