//! The rules for the shorter names of union alternatives (their position's word) and for the
//! names reserved before naming (the shared error bodies), on tables like those of `tests`.

use super::tests::{alternative, component, in_component, name, op, preferring, Row, REQ, RESP};
use crate::ir::Module;

#[test]
fn an_alternative_alone_with_its_word_goes_by_the_word() {
    let rows = [
        op("CreatePet", "RequestBody", None, (0, REQ)),
        op("CreatePet", "Payment", Some(0), (0, REQ)),
        alternative(op("CreatePet", "Payment1", Some(1), (0, REQ)), 1),
        alternative(op("CreatePet", "Payment2", Some(1), (0, REQ)), 2),
        // The alternatives of a component's union: the words are free in that module too.
        component("Shape", None),
        alternative(in_component("Shape", "1", 4), 1),
        // A name of its own goes before the word.
        preferring(alternative(in_component("Shape", "2", 4), 2), "Square"),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "CreatePetRequestBody",
            "Payment",
            "One",
            "Two",
            "Shape",
            "One",
            "Square"
        ]
    );
    assert!(numbered.is_empty());
}

#[test]
fn alternatives_that_want_one_word_keep_their_positional_names() {
    let rows = [
        op("CreatePet", "RequestBody", None, (0, REQ)),
        alternative(op("CreatePet", "Payment1", Some(0), (0, REQ)), 1),
        op("UpdatePet", "RequestBody", None, (1, REQ)),
        alternative(op("UpdatePet", "Owner1", Some(2), (1, REQ)), 1),
        // A property called `one` wants the word as its base.
        op("UpdatePet", "One", Some(2), (1, REQ)),
        // In a component, a base that is the position alone is no name: the component's
        // name and the position.
        component("Shape", None),
        alternative(in_component("Shape", "1", 5), 1),
        component("Form", None),
        alternative(in_component("Form", "1", 7), 1),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "CreatePetRequestBody",
            "Payment1",
            "UpdatePetRequestBody",
            "Owner1",
            "UpdatePetOne",
            "Shape",
            "Shape1",
            "Form",
            "Form1"
        ]
    );
    assert!(numbered.is_empty());
}

#[test]
fn a_word_yields_to_a_name_built_to_be_it() {
    let rows = [
        // A component called `One`, and a union whose first alternative would take the word.
        component("One", None),
        component("Shape", None),
        alternative(in_component("Shape", "1", 1), 1),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(names, ["One", "Shape", "Shape1"]);
    assert!(numbered.is_empty());
}

/// A shared error body as the shared-errors pass adds it: no scope, its status name as base,
/// not nested, and reserved.
fn shared_error(base: &'static str) -> Row {
    Row {
        module: Module::Operations,
        scope: "",
        base,
        parent: None,
        preferred: None,
        after_parent: false,
        position: None,
        place: None,
        reserved: true,
    }
}

#[test]
fn a_reserved_name_is_given_before_any_other_of_its_module() {
    let rows = [
        // Earlier in the arena, and built to have the same name: numbered, with a warning.
        op("NotFound", "Error", None, (0, RESP)),
        op("Get", "ResponseBody", None, (1, RESP)),
        // Nested, and alone in wanting its base: the bare name yields to the reserved one.
        op("Get", "NotFoundError", Some(1), (1, RESP)),
        // A component of the same name is in another module, so keeps it.
        component("NotFoundError", None),
        shared_error("NotFoundError"),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(
        names,
        [
            "NotFoundError2",
            "GetResponseBody",
            "GetNotFoundError",
            "NotFoundError",
            "NotFoundError"
        ]
    );
    assert_eq!(
        numbered,
        [(0, "NotFoundError".to_owned(), "NotFoundError2".to_owned())]
    );
}

#[test]
fn reserved_types_are_named_in_arena_order() {
    let rows = [
        shared_error("BadRequestError"),
        op("A", "ResponseBody", None, (0, RESP)),
        shared_error("Badrequesterror"),
    ];
    let (names, numbered) = name(&rows, &[]);
    assert_eq!(
        names,
        ["BadRequestError", "AResponseBody", "Badrequesterror2"]
    );
    assert_eq!(numbered.len(), 1);
}
