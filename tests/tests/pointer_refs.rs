//! A `$ref` into another schema names the type of the place it points to: the place and every
//! reference to it are one Rust type, so values move between them without conversion.

use codegen_tests::pointer_refs::models::{components, operations};
use std::any::TypeId;

#[test]
fn a_reference_into_a_response_is_the_type_of_that_place() {
    assert_eq!(
        TypeId::of::<operations::FirstPetResponseBody>(),
        TypeId::of::<operations::Pet>()
    );
    assert_eq!(
        TypeId::of::<operations::FirstPetInternalServerError>(),
        TypeId::of::<operations::ListPetsDefaultError>()
    );
}

#[test]
fn references_into_components_share_their_types() {
    let tags: operations::ListTagsResponseBody = serde_json::from_str(
        r#"{"base": {"id": 1}, "label": "green", "size": 3, "address": {"city": "Oslo"},
            "next": {"value": 1, "next": {"value": 2}}}"#,
    )
    .unwrap();
    // Each field goes where the place it points to lives, as it is: these only compile if
    // the types are the same.
    let owner = components::Owner {
        address: tags.address.clone(),
        ..Default::default()
    };
    assert_eq!(owner.address.unwrap().city.as_deref(), Some("Oslo"));
    let node = components::Node {
        next: tags.next.clone(),
        ..Default::default()
    };
    let next = node.next.flatten().unwrap();
    assert_eq!(next.value, Some(1));
    assert_eq!(next.next.flatten().unwrap().value, Some(2));
    let size: Option<i32> = tags.size;
    assert_eq!(size, Some(3));
    assert_eq!(tags.label, Some(components::Label::Green));
    assert_eq!(tags.base.unwrap().id, Some(1));
}
