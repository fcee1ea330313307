//! Component schemas: registered up front, so any reference resolves to a type id before the
//! type it names is lowered (references in any order, and cycles, need nothing more), then
//! lowered into their slots.

use super::schema::{Ctx, Files};
use super::view::View;
use super::Lowerer;
use crate::ir::{Module, NameHint, TypeDef, TypeKind, TypeRef};
use crate::naming;
use crate::pointer::pointer;
use openapiv3::ReferenceOr;

impl<'a> Lowerer<'a> {
    pub(super) fn register_components(&mut self) {
        let spec = self.spec;
        let Some(components) = &spec.components else {
            return;
        };
        for (name, schema) in &components.schemas {
            let id = self.space.add(TypeDef {
                hint: NameHint {
                    scope: naming::component_name(name),
                    base: String::new(),
                    parent: None,
                    preferred: None,
                    after_parent: false,
                    position: None,
                },
                module: Module::Components,
                docs: None,
                pointer: pointer(&["components", "schemas", name]),
                kind: TypeKind::Alias(TypeRef::Json),
            });
            self.components.insert(name.as_str(), id);
            if let ReferenceOr::Item(schema) = schema {
                if View::of(schema).nullable() {
                    self.nullable_components.insert(id);
                }
            }
        }
    }

    pub(super) fn lower_components(&mut self) {
        let spec = self.spec;
        let Some(components) = &spec.components else {
            return;
        };
        for (name, schema) in &components.schemas {
            let id = self.components[name.as_str()];
            let def = self.space.get(id);
            let ctx = Ctx {
                hint: def.hint.clone(),
                module: Module::Components,
                slot: Some(id),
                files: Files::No,
            };
            let at = def.pointer.clone();
            let ty = self.lower_schema_ref(schema, ctx, &at);
            // A reference never fills the slot, even one that names this very component.
            let documented = match schema {
                ReferenceOr::Item(schema) => Some(schema),
                ReferenceOr::Reference { .. } => None,
            };
            self.fill_slot(id, ty, documented);
        }
    }
}
