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

/// Every place a schema may stand takes any reference: `allOf` parts that point into another
/// `allOf`, items, map values, union alternatives, `not`, parameters and headers, written with
/// percent-encoding; each place is one type however many references name it.
#[test]
fn references_from_every_place_name_one_type_per_place() {
    use codegen_tests::references_everywhere::models::{components, operations};
    let body: operations::GetThingResponseBody = serde_json::from_str(
        r#"{"id": 7, "label": "first", "parts": [{"code": "a"}], "byName": {"b": {"code": "b"}},
            "choice": {"side": 2}, "excluded": {"secret": "x"}, "alias": {"code": "c"}, "size": 3}"#,
    )
    .unwrap();
    // The `allOf` part `Tagged/allOf/0` gives `id`, `My%20Thing` gives `label`.
    assert_eq!(body.id, 7);
    let label: Option<components::Label> = body.label.clone();
    assert_eq!(label.as_deref(), Some("first"));
    // Items, map values and a property that is itself a reference: one type, `Part`.
    let part: components::Part = body.parts.clone().unwrap().remove(0);
    let named: components::Part = body.by_name.clone().unwrap()["b"].clone();
    let alias: components::Part = body.alias.clone().unwrap();
    assert_eq!(
        [part.code, named.code, alias.code],
        [Some("a".into()), Some("b".into()), Some("c".into())]
    );
    assert!(matches!(
        body.choice,
        Some(operations::Choice::Value1(ref side)) if side.side == 2.0
    ));
    let size: Option<components::SizeParameter> = body.size;
    assert_eq!(size, Some(3i32));
    assert_eq!(
        TypeId::of::<components::Next>(),
        TypeId::of::<components::Part>()
    );
    // The header's schema and the `not` place are types too.
    let _: components::RateHeader = 5i64;
    assert_eq!(body.excluded.unwrap().secret.as_deref(), Some("x"));
    // A response whose `$ref` names a request body is read as that body's content.
    let problem: operations::GetThingBadRequestError =
        serde_json::from_str(r#"{"reason": "no"}"#).unwrap();
    assert_eq!(problem.reason.as_deref(), Some("no"));
}
