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

#[test]
fn the_same_response_headers_are_one_type() {
    assert!(same::<
        operations::GetSecondOkHeaders,
        operations::GetFirstOkHeaders,
    >());
    // `X-Rate-Limit` is text there, not an integer.
    assert!(!same::<
        operations::GetThirdOkHeaders,
        operations::GetFirstOkHeaders,
    >());
}

#[test]
fn shared_headers_are_read_for_each_operation_that_documents_them() {
    use codegen_tests::shared_shapes::Decode;
    let headers = [("x-rate-limit", "41"), ("x-request-id", "r-7")];
    let decoded = operations::GetSecondResponse::decode(200, &headers, b"{}").unwrap();
    let operations::GetSecondResponse::Ok { headers, .. } = decoded else {
        panic!("a 200 decodes as Ok: {decoded:?}");
    };
    assert_eq!(headers.x_rate_limit, Some(41));
    assert_eq!(headers.x_request_id.as_deref(), Some("r-7"));
}

#[test]
fn a_read_only_property_keeps_types_apart() {
    assert!(!same::<operations::GetFourthItem, operations::GetFifthItem>());
    // In a request body, the read-only `id` is left out and the other one is sent.
    let sent = |value: serde_json::Value| value.as_object().unwrap().contains_key("id");
    let fourth = operations::GetFourthItem {
        id: Some("a".into()),
        ..Default::default()
    };
    let fifth = operations::GetFifthItem {
        id: Some("a".into()),
        ..Default::default()
    };
    use codegen_tests::shared_shapes::support::sending;
    assert!(!sent(sending(|| serde_json::to_value(&fourth).unwrap())));
    assert!(sent(sending(|| serde_json::to_value(&fifth).unwrap())));
}
