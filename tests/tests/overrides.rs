//! The overrides fixture, generated with its configuration: the renamed type and field exist,
//! and the derives added compile and work.

use codegen_tests::overrides::models::components::{Animal, Kind};

fn is_eq<T: Eq>() {}

#[test]
fn the_renamed_type_has_its_renamed_field_and_the_added_derives() {
    is_eq::<Animal>();
    let animal: Animal =
        serde_json::from_str(r#"{"name":"Rex","type":"dog","born":"2020-01-02T03:04:05Z"}"#)
            .unwrap();
    assert_eq!(animal.species, Some(Kind::Dog));
    // `date-time` is a plain String in this configuration.
    let born: Option<String> = animal.born.clone();
    assert_eq!(born.as_deref(), Some("2020-01-02T03:04:05Z"));
    // `Kind` got `PartialOrd` and `Ord`: values sort in the order the spec lists them.
    let mut kinds = vec![Kind::Cat, Kind::Dog];
    kinds.sort();
    assert_eq!(kinds, [Kind::Dog, Kind::Cat]);
}

#[test]
fn replaced_types_are_the_other_crates_types() {
    let animal: Animal =
        serde_json::from_str(r#"{"name":"Rex","home":{"line":"1 Main St"},"chip":"192.0.2.7"}"#)
            .unwrap();
    // `Address` is replaced by the configuration, `Chip` by its schema's `x-rust-type`.
    let home: Option<std::collections::BTreeMap<String, String>> = animal.home.clone();
    assert_eq!(home.unwrap()["line"], "1 Main St");
    let chip: Option<std::net::IpAddr> = animal.chip;
    assert_eq!(chip, Some(std::net::IpAddr::from([192, 0, 2, 7])));
}
