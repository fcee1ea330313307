//! What the dedup pass promises a downstream crate, checked on the `shared_shapes` fixture:
//! types of one shape are one Rust type under every name, so values move between operations
//! without conversion; types that differ anywhere stay distinct.

use codegen_tests::shared_shapes::models::{components, operations};
use std::any::TypeId;

fn same<A: 'static, B: 'static>() -> bool {
    TypeId::of::<A>() == TypeId::of::<B>()
}

#[test]
fn one_shape_is_one_type_across_operations() {
    assert!(same::<operations::GetSecondOwner, operations::GetFirstOwner>());
    assert!(same::<operations::GetSecondKind, operations::GetFirstKind>());
    assert!(same::<operations::GetThirdKind, operations::GetFirstKind>());
}

#[test]
fn a_field_doc_that_differs_keeps_types_apart() {
    assert!(!same::<operations::GetThirdOwner, operations::GetFirstOwner>());
    // The response bodies differ in the doc of `owner`.
    assert!(!same::<
        operations::GetSecondResponseBody,
        operations::GetFirstResponseBody,
    >());
}

#[test]
fn operation_types_alias_components_but_components_stay_apart() {
    assert!(same::<operations::GetFirstTag, components::Pair>());
    assert!(same::<operations::Label, components::Pair>());
    assert!(!same::<components::SamePair, components::Pair>());
}

#[test]
fn a_value_of_one_operation_is_a_value_of_the_other() {
    let first = operations::GetFirstResponseBody {
        owner: Some(operations::GetFirstOwner {
            name: Some("Ada".into()),
            kind: Some(operations::GetFirstKind::from("robot")),
            ..Default::default()
        }),
        ..Default::default()
    };
    let second = operations::GetSecondResponseBody {
        owner: first.owner.clone(),
        tags: None,
        additional_properties: Default::default(),
    };
    assert_eq!(
        serde_json::to_value(&second).unwrap(),
        serde_json::json!({"owner": {"name": "Ada", "kind": "robot"}})
    );
}
