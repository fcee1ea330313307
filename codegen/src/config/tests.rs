use super::*;
use crate::ir::Extras;

fn error_of(text: &str) -> Diagnostic {
    let errors = Config::from_toml(text, "codegen.toml").expect_err("refused");
    assert_eq!(errors.0.len(), 1, "{errors}");
    errors.0[0].clone()
}

#[test]
fn every_option_is_read() {
    let text = r#"
crate-name = "pets-api"

[select]
tags = ["pets", "stores"]
operations = ["getUser"]
paths = ["/users/{id}", "/stores/*"]
exclude-tags = ["internal"]
exclude-operations = ["debugDump"]
exclude-paths = ["/admin/*"]

[formats]
date-time = "string"
uuid = "text"
date = "chrono"
ipv4 = "std"
"#;
    let config = Config::from_toml(text, "codegen.toml").unwrap();
    assert_eq!(
        config,
        Config {
            crate_name: Some("pets-api".to_owned()),
            select: Selection {
                tags: vec!["pets".to_owned(), "stores".to_owned()],
                operations: vec!["getUser".to_owned()],
                paths: vec!["/users/{id}".to_owned(), "/stores/*".to_owned()],
                exclude_tags: vec!["internal".to_owned()],
                exclude_operations: vec!["debugDump".to_owned()],
                exclude_paths: vec!["/admin/*".to_owned()],
            },
            formats: Formats {
                plain: [TextFormat::DateTime].into(),
                strict: [
                    (TextFormat::Date, StrictCrate::Chrono),
                    (TextFormat::Ipv4, StrictCrate::Std)
                ]
                .into_iter()
                .map(|(format, krate)| (format, Strict::new(format, krate).unwrap()))
                .collect(),
            },
            overrides: Overrides {
                label: "codegen.toml".to_owned(),
                ..Overrides::default()
            },
        }
    );
    let empty = Config::from_toml("", "c.toml").unwrap();
    assert_eq!(
        (empty.crate_name, empty.select, empty.formats),
        (None, Selection::default(), Formats::default())
    );
    assert!(empty.overrides.types.is_empty() && empty.overrides.all == Extras::default());
}

#[test]
fn an_unknown_key_is_an_error_at_its_place() {
    let e = error_of("crate-name = \"a\"\n[select]\ntag = [\"x\"]\n");
    assert_eq!(e.line_col, Some((3, 1)), "{e}");
    assert!(e.message.contains("unknown field `tag`"), "{e}");
    assert!(e.message.contains("tags"), "the known keys are listed: {e}");
    let e = error_of("colour = 1\n");
    assert_eq!(e.line_col, Some((1, 1)), "{e}");
}

#[test]
fn a_value_of_the_wrong_kind_is_an_error_at_its_place() {
    let e = error_of("[select]\ntags = \"pets\"\n");
    assert_eq!(e.line_col, Some((2, 8)), "{e}");
    let e = error_of("crate-name = 3\n");
    assert_eq!(e.line_col, Some((1, 14)), "{e}");
}

#[test]
fn bad_toml_is_an_error_at_its_place() {
    let e = error_of("[select\n");
    assert_eq!(e.file, "codegen.toml");
    assert_eq!(e.line_col.map(|(line, _)| line), Some(1), "{e}");
}

#[test]
fn a_bad_crate_name_or_path_is_an_error_at_its_place() {
    let e = error_of("crate-name = \"9lives\"\n");
    assert_eq!(e.line_col, Some((1, 14)), "{e}");
    assert!(e.message.contains("not a valid crate name"), "{e}");
}

#[test]
fn a_format_without_a_type_or_an_unknown_choice_is_an_error_at_its_place() {
    let e = error_of("[formats]\ndate-time = \"text\"\npassword = \"string\"\n");
    assert_eq!(e.line_col, Some((3, 1)), "{e}");
    assert!(e.message.contains("`password` is not a format"), "{e}");
    assert!(e.message.contains("date-time, date, time"), "{e}");
    let e = error_of("[formats]\nuuid = \"uuid-crate\"\n");
    assert_eq!(e.line_col, Some((2, 8)), "{e}");
    assert!(
        e.message
            .contains("`uuid-crate` is not a way to type `uuid`; the choices are \"text\", \"string\", \"uuid\""),
        "{e}"
    );
    // A crate that has no strict type for the format.
    let e = error_of("[formats]\nduration = \"chrono\"\n");
    assert_eq!(e.line_col, Some((2, 12)), "{e}");
    assert!(
        e.message.ends_with("the choices are \"text\", \"string\""),
        "{e}"
    );
    let e = error_of("[formats]\ndate = 3\n");
    assert_eq!(e.line_col, Some((2, 8)), "{e}");
}

#[test]
fn a_selection_includes_then_excludes() {
    let tags = ["pets".to_owned(), "internal".to_owned()];
    let key = |path, operation_id, tags| OperationKey {
        path,
        operation_id,
        tags,
    };
    let everything = Selection::default();
    assert!(everything.is_everything());
    assert!(everything.chooses(&key("/x", None, &[])));
    let pets = Selection {
        tags: vec!["pets".to_owned()],
        exclude_operations: vec!["drop".to_owned()],
        ..Selection::default()
    };
    assert!(pets.chooses(&key("/pets", Some("list"), &tags)));
    assert!(!pets.chooses(&key("/pets", Some("drop"), &tags)));
    assert!(!pets.chooses(&key("/users", Some("list"), &[])));
    let by_path = Selection {
        paths: vec!["/stores/*".to_owned()],
        exclude_tags: vec!["internal".to_owned()],
        ..Selection::default()
    };
    assert!(by_path.chooses(&key("/stores/{id}", None, &[])));
    assert!(!by_path.chooses(&key("/stores/{id}", None, &tags)));
    assert!(!by_path.chooses(&key("/store", None, &[])));
    assert!(path_matches("/a", "/a") && !path_matches("/a", "/a/b"));
}

#[test]
fn overrides_are_read_and_bad_ones_refused_at_their_place() {
    let text = "[types.Pet]\nrename = \"Animal\"\nfields = { type = \"species\" }\nderives = [\"Eq\", \"schemars::JsonSchema\"]\nattributes = [\"#[non_exhaustive]\"]\n\n[all-types]\nderives = [\"Hash\"]\n";
    let config = Config::from_toml(text, "c.toml").unwrap();
    let pet = &config.overrides.types[0];
    assert_eq!(pet.key, "Pet");
    assert_eq!(pet.rename.as_deref(), Some("Animal"));
    assert_eq!(pet.fields, [("type".to_owned(), "species".to_owned())]);
    assert_eq!(pet.extras.derives, ["Eq", "schemars::JsonSchema"]);
    assert_eq!(pet.extras.attributes, ["#[non_exhaustive]"]);
    assert_eq!(pet.at, Some((1, 8)));
    assert_eq!(config.overrides.all.derives, ["Hash"]);
    assert_eq!(config.overrides.label, "c.toml");
    for (text, at, says) in [
        (
            "[types.Pet]\nrename = \"my pet\"\n",
            (2, 10),
            "is not a type name",
        ),
        (
            "[types.Pet]\nfields = { a = \"type\" }\n",
            (2, 16),
            "is not a field name",
        ),
        (
            "[types.Pet]\nderives = [\"Eq(\"]\n",
            (2, 12),
            "is not the path of a derive",
        ),
        (
            "[all-types]\nattributes = [\"non_exhaustive\"]\n",
            (2, 15),
            "is not one outer attribute",
        ),
        (
            "[types.Pet]\nrenam = \"A\"\n",
            (2, 1),
            "unknown field `renam`",
        ),
    ] {
        let e = error_of(text);
        assert_eq!(e.line_col, Some(at), "{e}");
        assert!(e.message.contains(says), "{e}");
    }
}
