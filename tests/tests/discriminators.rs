//! Discriminated unions read what real servers send: without a mapping, an alternative's tag is
//! the value it declares for the property (OpenAPI's implicit tag, its schema's name, is a value
//! its own schema refuses), and a tag no alternative owns leaves the choice to the shape.

use codegen_tests::one_of::models::components::{Clash, Event, PartlyTagged};
use serde_json::{json, Value};

fn read<T: serde::de::DeserializeOwned + serde::Serialize>(value: Value) -> T {
    let read: T = serde_json::from_value(value.clone()).unwrap();
    // Whatever the variant, the value comes back as it was.
    assert_eq!(serde_json::to_value(&read).unwrap(), value);
    read
}

#[test]
fn declared_values_are_the_tags_where_there_is_no_mapping() {
    let created: Event = read(json!({"type": "created", "id": 1}));
    assert!(matches!(created, Event::Created(_)), "{created:?}");
    // Declared through a component, in an allOf member.
    let deleted: Event = read(json!({"type": "deleted", "id": 2}));
    assert!(matches!(deleted, Event::Deleted(_)), "{deleted:?}");
    // No declared value: the schema's name.
    let renamed: Event = read(json!({"type": "Renamed", "id": 3, "name": "x"}));
    assert!(matches!(renamed, Event::Renamed(_)), "{renamed:?}");
    // The implicit names of the tagged ones are values their schemas refuse: not tags.
    let other: Event = read(json!({"type": "Created", "id": 4}));
    assert!(matches!(other, Event::Unknown(_)), "{other:?}");
}

#[test]
fn a_value_two_alternatives_declare_leaves_the_choice_to_the_shape() {
    let a: Clash = read(json!({"type": "same", "a": 1}));
    assert!(matches!(a, Clash::ClashA(_)), "{a:?}");
    let b: Clash = read(json!({"type": "same", "b": 2}));
    assert!(matches!(b, Clash::ClashB(_)), "{b:?}");
}

#[test]
fn a_tag_no_alternative_owns_falls_through_to_the_shape() {
    let known: PartlyTagged = read(json!({"type": "known", "id": 1}));
    assert!(matches!(known, PartlyTagged::Known(_)), "{known:?}");
    // The untagged alternative is chosen by its shape, whatever its tag.
    let other: PartlyTagged = read(json!({"type": "other", "note": "n"}));
    assert!(matches!(other, PartlyTagged::Object(_)), "{other:?}");
    // Without `note`, only the tagged alternative's shape fits.
    let bare: PartlyTagged = read(json!({"type": "other"}));
    assert!(matches!(bare, PartlyTagged::Known(_)), "{bare:?}");
}
