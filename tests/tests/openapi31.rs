//! Models from an OpenAPI 3.1 document: nullable type lists, constants that tag the
//! alternatives of a union, webhooks, and `$defs`.

use codegen_tests::openapi31::models::{components, operations};

#[test]
fn a_constant_tag_picks_its_alternative_even_where_shapes_agree() {
    let square: operations::Shape =
        serde_json::from_str(r#"{"kind": "square", "size": 2}"#).unwrap();
    assert!(matches!(square, operations::Shape::Square(_)), "{square:?}");
    let circle: operations::Shape =
        serde_json::from_str(r#"{"kind": "circle", "size": 2}"#).unwrap();
    assert!(matches!(circle, operations::Shape::Circle(_)), "{circle:?}");
    let other: operations::Shape = serde_json::from_str(r#"{"kind": "hexagon"}"#).unwrap();
    assert!(matches!(other, operations::Shape::Unknown(_)), "{other:?}");
}

#[test]
fn type_lists_with_null_keep_null_apart_from_absent() {
    let body: operations::GetItemResponseBody =
        serde_json::from_str(r#"{"id": 1, "kind": "item", "name": null}"#).unwrap();
    assert_eq!(body.name, Some(None));
    assert_eq!(body.note, None);
    assert_eq!(
        serde_json::to_value(&body).unwrap()["name"],
        serde_json::Value::Null
    );
}

#[test]
fn webhook_bodies_and_defs_are_models_too() {
    let day: components::Day = "2020-01-01".into();
    let owner = components::Owner {
        name: Some("Ann".to_owned()),
        since: Some(day),
        badge: None,
        motto: None,
    };
    let hook: operations::ItemChangedRequestBody = owner.clone();
    assert_eq!(hook, owner);
    // The API sends a webhook rather than serving it: its request is a model, not an
    // operation a client sends.
    let request =
        include_str!("../fixtures/openapi31/src/models/operations/item_changed_request.rs");
    assert!(request.contains("pub struct ItemChangedRequest"));
    assert!(!request.contains("impl support::Operation"), "{request}");
    let _ = operations::ItemChangedRequest::default();
}

#[test]
fn anchor_and_id_references_name_the_schemas_that_declare_them() {
    // `$ref: '#badgeLabel'` is the type of the property that declares `$anchor: badgeLabel`,
    // and `$ref: <the $id of Badge>` is `Badge` itself: one type each, shared.
    let badge = components::Badge {
        label: Some("gold".to_owned()),
        ..Default::default()
    };
    let owner = components::Owner {
        name: None,
        since: None,
        badge: Some(badge.clone()),
        motto: badge.label.clone(),
    };
    let text = serde_json::to_string(&owner).unwrap();
    assert_eq!(text, r#"{"badge":{"label":"gold"},"motto":"gold"}"#);
    let back: components::Owner = serde_json::from_str(&text).unwrap();
    assert_eq!(back, owner);
}

#[test]
fn a_real_path_that_looks_like_a_moved_webhook_stays_a_path() {
    use codegen_tests::openapi31::Operation;
    // `/{webhooks}/itemChanged` is a path with a parameter, beside a webhook `itemChanged`:
    // both are kept, and only the path is an operation a client sends.
    let request = operations::GetHookStateRequest {
        webhooks: "hooks".to_owned(),
    };
    assert_eq!(request.path(), "/hooks/itemChanged");
    assert_eq!(operations::GetHookStateRequest::METHOD, "GET");
    let hook = include_str!("../fixtures/openapi31/src/models/operations/item_changed_request.rs");
    assert!(!hook.contains("impl support::Operation"), "{hook}");
    // A webhook without an operationId is named after its method and its name.
    let removed = include_str!(
        "../fixtures/openapi31/src/models/operations/post_webhooks_item_removed_request.rs"
    );
    assert!(removed.contains("pub struct PostWebhooksItemRemovedRequest"));
    assert!(!removed.contains("impl support::Operation"), "{removed}");
}
