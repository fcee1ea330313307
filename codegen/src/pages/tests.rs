//! Whole pages for small type spaces, checked line by line.

use super::pages;
use crate::ir::*;

fn def(name: &str, scope: &str, kind: TypeKind, docs: Option<&str>) -> TypeDef {
    TypeDef {
        hint: NameHint {
            scope: scope.to_owned(),
            base: name.trim_start_matches(scope).to_owned(),
            parent: None,
            preferred: None,
            after_parent: false,
            position: None,
        },
        module: Module::Operations,
        docs: docs.map(str::to_owned),
        pointer: String::new(),
        kind,
    }
}

fn field(json: &str, ty: TypeRef, required: bool, docs: Option<&str>) -> Field {
    Field {
        json_name: json.to_owned(),
        ty,
        required,
        docs: docs.map(str::to_owned),
        read_only: false,
    }
}

fn page<'a>(files: &'a [crate::OutputFile], path: &str) -> &'a str {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no page {path}"));
    let (header, body) = file.contents.split_once('\n').expect("a header line");
    assert!(crate::render::is_generated(header), "{header}");
    body
}

/// A body, its enum, and the aliases a second variant of the operation gets for both.
fn space() -> TypeSpace {
    let mut space = TypeSpace::default();
    let action = space.add(def(
        "OpAction",
        "Op",
        TypeKind::Enum(EnumDef {
            repr: EnumRepr::String,
            variants: vec![EnumVariant {
                value: EnumValue::String("NO_ACTION".to_owned()),
            }],
        }),
        Some("What to do.\n"),
    ));
    space.type_names.push("OpAction".to_owned());
    space.member_names.push(MemberNames {
        members: vec!["NoAction".to_owned()],
        other: "Unknown".to_owned(),
    });
    let body = space.add(def(
        "OpResponseBody",
        "Op",
        TypeKind::Struct(StructDef {
            fields: vec![
                field(
                    "action",
                    TypeRef::Named(action),
                    false,
                    Some("What to do.\nNext.\n"),
                ),
                field("ids", TypeRef::Vec(Box::new(TypeRef::I64)), true, None),
            ],
            extra: None,
        }),
        None,
    ));
    space.type_names.push("OpResponseBody".to_owned());
    space.member_names.push(MemberNames {
        members: ["action", "ids"].map(str::to_owned).to_vec(),
        other: String::new(),
    });
    space.add(def(
        "OpFormAction",
        "OpForm",
        TypeKind::Alias(TypeRef::Named(action)),
        None,
    ));
    space.add(def(
        "OpFormResponseBody",
        "OpForm",
        TypeKind::Alias(TypeRef::Named(body)),
        None,
    ));
    space
        .type_names
        .extend(["OpFormAction", "OpFormResponseBody"].map(str::to_owned));
    // Aliases have no members.
    space
        .member_names
        .extend([MemberNames::default(), MemberNames::default()]);
    space
}

#[test]
fn a_struct_page_has_the_seeds_headings_blank_lines_and_columns() {
    let files = pages(&space(), "spec.yaml");
    let text = page(&files, "docs/models/operations/OpResponseBody.md");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[..4], ["# OpResponseBody", "", "", "## Fields"]);
    assert_eq!(lines[4], "");
    // The widest cell is the link; every other is padded to its length in bytes, a
    // description with `<br/>` included.
    let link = "[Option\\<OpAction>](../../models/operations/OpAction.md)";
    let w = link.len();
    let pad = |s: &str| format!("{s}{}", " ".repeat(w.saturating_sub(s.len())));
    assert_eq!(
        lines[5],
        format!(
            "| {} | {} | {} | {} |",
            pad("Field"),
            pad("Type"),
            pad("Required"),
            pad("Description")
        )
    );
    assert_eq!(
        lines[7],
        format!(
            "| {} | {} | {} | {} |",
            pad("`action`"),
            pad(link),
            pad(":heavy_minus_sign:"),
            pad("What to do.<br/>Next.<br/>")
        )
    );
    assert!(lines[8].contains("| Vec\\<*i64*>") && lines[8].contains(":heavy_check_mark:"));
    assert!(lines[8].contains("| N/A"), "{}", lines[8]);
    assert_eq!(lines.len(), 9);
}

#[test]
fn an_alias_page_shows_its_target_with_its_own_variants_names() {
    let files = pages(&space(), "spec.yaml");
    let text = page(&files, "docs/models/operations/OpFormResponseBody.md");
    assert!(
        text.starts_with("# OpFormResponseBody\n\n\n## Fields\n\n"),
        "{text}"
    );
    assert!(text.contains("[Option\\<OpFormAction>](../../models/operations/OpFormAction.md)"));
    assert!(!text.contains("OpAction.md"), "{text}");
}

#[test]
fn an_enum_page_lists_its_values_and_the_catch_all() {
    let files = pages(&space(), "spec.yaml");
    let text = page(&files, "docs/models/operations/OpFormAction.md");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..6],
        ["# OpFormAction", "", "What to do.", "", "", "## Values"]
    );
    assert!(lines[7].starts_with("| Name ") && lines[7].contains("| Value "));
    assert!(lines[9].starts_with("| `NoAction` ") && lines[9].contains("| NO_ACTION "));
    assert!(lines[10].starts_with("| `Unknown` ") && lines[10].contains("any other value"));
}

#[test]
fn the_index_links_every_page() {
    let space = space();
    let files = pages(&space, "spec.yaml");
    assert_eq!(files.len(), space.types.len() + 1);
    let index = page(&files, "docs/models/README.md");
    for name in &space.type_names {
        assert!(
            index.contains(&format!("* [{name}](operations/{name}.md)\n")),
            "{index}"
        );
    }
}
