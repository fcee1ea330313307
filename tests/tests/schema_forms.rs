//! The 3.1 schema forms read and written by the `schema_forms` fixture's types: tuples by
//! position, `true` and `false` schemas, integer enums beyond `i64`, and numbers written back
//! exactly as they came.

use codegen_tests::schema_forms::models::operations::{
    Big, Closed, GetShapesResponseBody as Body, Point, Wide,
};

fn body(json: &str) -> Body {
    serde_json::from_str(json).unwrap()
}

#[test]
fn tuples_read_and_write_by_position() {
    let read = body(r#"{"point": [1.5, -2, "north", "up"], "closed": ["a"]}"#);
    assert_eq!(
        read.point,
        Point(1.5, -2.0, vec!["north".to_owned(), "up".to_owned()])
    );
    assert_eq!(read.closed, Some(Closed("a".to_owned(), None)));
    let written = serde_json::to_value(&read).unwrap();
    assert_eq!(
        written,
        serde_json::json!({"point": [1.5, -2.0, "north", "up"], "closed": ["a"]})
    );
    // Fewer items than `minItems` asks for, or more than a closed tuple holds: refused.
    for wrong in [
        r#"{"point": [1]}"#,
        r#"{"point": [1, 2], "closed": []}"#,
        r#"{"point": [1, 2], "closed": ["a", 1, "extra"]}"#,
        r#"{"point": [1, "two"]}"#,
    ] {
        assert!(serde_json::from_str::<Body>(wrong).is_err(), "{wrong}");
    }
}

#[test]
fn true_is_any_value_and_a_false_property_is_never_a_field() {
    let read = body(r#"{"point": [0, 0], "anything": [1, {"a": null}], "never": 5}"#);
    assert_eq!(read.anything, Some(serde_json::json!([1, {"a": null}])));
    // No field for `never`; sent all the same, it is kept with the undeclared properties.
    assert_eq!(read.additional_properties["never"], serde_json::json!(5));
    let read = body(r#"{"point": [0, 0], "empty": [], "loose": [1, "a", null]}"#);
    assert_eq!(read.empty, Some(Vec::new()));
    assert_eq!(read.loose.map(|l| l.len()), Some(3));
}

#[test]
fn integer_enums_beyond_i64_keep_every_value() {
    let read = body(r#"{"point": [0, 0], "big": 18446744073709551615, "wide": -1}"#);
    assert_eq!(read.big, Some(Big::Value18446744073709551615));
    assert_eq!(read.wide, Some(Wide::ValueMinus1));
    let read = body(r#"{"point": [0, 0], "big": 18446744073709551614, "wide": -9}"#);
    assert_eq!(read.big, Some(Big::Unknown(u64::MAX - 1)));
    assert_eq!(read.wide, Some(Wide::Unknown(-9)));
    let written = serde_json::to_string(&read).unwrap();
    assert!(
        written.contains(r#""big":18446744073709551614"#),
        "{written}"
    );
}

#[test]
fn numbers_are_written_back_as_they_came() {
    for text in ["2.5976931e-101", "0.1", "1.7976931348623157e308", "5e-324"] {
        let read = body(&format!(r#"{{"point": [0, 0], "rated": {text}}}"#));
        let written = serde_json::to_value(&read).unwrap();
        let expected: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(written["rated"], expected, "{text}");
        assert_eq!(read.rated, Some(text.parse::<f64>().unwrap()), "{text}");
    }
}
