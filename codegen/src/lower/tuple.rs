//! 3.1 tuples: `prefixItems` types the items of an array by position, `items` those after
//! them. Normalisation marks such a schema (see [`super::view::TUPLE_MARK`]); it becomes a
//! named tuple struct.

use super::schema::{is_never, Ctx};
use super::view::View;
use super::Lowerer;
use crate::ir::{TupleDef, TypeKind, TypeRef};
use crate::pointer::pointer_join;
use openapiv3::ReferenceOr;

impl<'a> Lowerer<'a> {
    pub(super) fn lower_tuple(&mut self, view: &View<'a>, mut ctx: Ctx, at: &str) -> TypeRef {
        let prefix = view.prefix.clone().unwrap_or_default();
        // Registered first, so that its items can name it as their parent.
        let id = self.new_type(
            &mut ctx,
            Some(view),
            at,
            TypeKind::Tuple(TupleDef {
                items: Vec::new(),
                required: 0,
                rest: None,
            }),
        );
        // Where normalisation keeps the positional schemas (provenance maps it back to
        // `prefixItems` for every message and doc).
        let prefix_at = pointer_join(at, "properties");
        let mut items = Vec::with_capacity(prefix.len());
        // An item that admits no value ends the array there: nothing can stand at it, so
        // nothing after it either.
        let mut closed = false;
        for (i, schema) in prefix.into_iter().enumerate() {
            if matches!(schema, ReferenceOr::Item(s) if is_never(s)) {
                closed = true;
                break;
            }
            let item_ctx = ctx.nested(
                Some(id),
                crate::naming::bases::positional(&ctx.hint.base, i + 1),
            );
            items.push(self.lower_schema_ref(
                schema,
                item_ctx,
                &pointer_join(&prefix_at, &i.to_string()),
            ));
        }
        let rest = match view.items {
            _ if closed => None,
            Some(ReferenceOr::Item(schema)) if is_never(schema) => None,
            Some(schema) => {
                let rest_ctx =
                    ctx.nested(Some(id), crate::naming::bases::rest_item(&ctx.hint.base));
                Some(self.lower_schema_ref(schema, rest_ctx, &pointer_join(at, "items")))
            }
            None => Some(TypeRef::Json),
        };
        let required = view.min_items.unwrap_or(0).min(items.len());
        self.space.get_mut(id).kind = TypeKind::Tuple(TupleDef {
            items,
            required,
            rest,
        });
        TypeRef::Named(id)
    }
}
