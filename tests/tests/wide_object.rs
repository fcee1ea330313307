//! A struct wider than the derived `PartialEq` is used for compares field by field like the
//! derived one: equal when every field is, unequal when any one differs, undeclared
//! properties included.

use codegen_tests::wide_object::models::components::Wide;

fn wide(json: &str) -> Wide {
    serde_json::from_str(json).unwrap()
}

#[test]
fn wide_structs_compare_by_every_field() {
    let base = r#"{"field0": "a", "field1": 1, "field64": ["x"], "extra": true}"#;
    assert_eq!(wide(base), wide(base));
    let last_differs = r#"{"field0": "a", "field1": 1, "field64": ["y"], "extra": true}"#;
    assert_ne!(wide(base), wide(last_differs));
    let first_differs = r#"{"field0": "b", "field1": 1, "field64": ["x"], "extra": true}"#;
    assert_ne!(wide(base), wide(first_differs));
    let extra_differs = r#"{"field0": "a", "field1": 1, "field64": ["x"], "extra": false}"#;
    assert_ne!(wide(base), wide(extra_differs));
    let null_vs_absent = r#"{"field0": "a", "field1": 1, "field5": null}"#;
    let absent = r#"{"field0": "a", "field1": 1}"#;
    assert_ne!(
        wide(null_vs_absent),
        wide(absent),
        "a nullable null is kept apart"
    );
}
