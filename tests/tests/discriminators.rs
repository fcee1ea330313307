//! Discriminated unions read what real servers send: without a mapping, an alternative's tag is
//! the value it declares for the property (OpenAPI's implicit tag, its schema's name, is a value
//! its own schema refuses), and a tag no alternative owns leaves the choice to the shape.

use codegen_tests::one_of::models::components::{Clash, Event, PartlyTagged, Pet};
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

#[test]
fn alternatives_that_fix_a_property_are_told_apart_by_it_without_a_discriminator() {
    // Both shapes would fit `{kind, …}`; without the inferred tag the first would read a dog,
    // its open enum `kind` keeping `dog` as an unknown value.
    let dog: Pet = read(json!({"kind": "dog", "bark": true}));
    assert!(matches!(dog, Pet::Dog(_)), "{dog:?}");
    let cat: Pet = read(json!({"kind": "cat", "meow": true}));
    assert!(matches!(cat, Pet::Cat(_)), "{cat:?}");
    // The tag is inferred, not written: a value its alternative refuses is kept, not an error.
    let half: Pet = read(json!({"kind": "cat"}));
    assert!(matches!(half, Pet::Unknown(_)), "{half:?}");
    let bird: Pet = read(json!({"kind": "bird"}));
    assert!(matches!(bird, Pet::Unknown(_)), "{bird:?}");
}
