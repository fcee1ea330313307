use super::*;

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
            },
        }
    );
    assert_eq!(Config::from_toml("", "c.toml").unwrap(), Config::default());
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
    let e = error_of("[select]\npaths = [\"/ok\", \"pets\"]\n");
    assert_eq!(e.line_col, Some((2, 17)), "{e}");
    assert!(e.message.contains("`pets` is not a path"), "{e}");
}

#[test]
fn a_format_without_a_type_or_an_unknown_choice_is_an_error_at_its_place() {
    let e = error_of("[formats]\ndate-time = \"text\"\npassword = \"string\"\n");
    assert_eq!(e.line_col, Some((3, 1)), "{e}");
    assert!(e.message.contains("`password` is not a format"), "{e}");
    assert!(e.message.contains("date-time, date, time"), "{e}");
    let e = error_of("[formats]\nuuid = \"uuid-crate\"\n");
    assert_eq!(e.line_col, Some((2, 8)), "{e}");
    assert!(e.message.contains("expected `text` or `string`"), "{e}");
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
