//! docs/configuration.md against the configuration's types: every TOML block in it is read
//! without an error, and every key the reader knows is shown there.

use codegen::Config;

fn doc() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/configuration.md"
    ))
    .expect("docs/configuration.md")
}

fn toml_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match (&mut current, line.trim()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

/// The keys a table takes, as the reader lists them when it meets one it does not know.
fn known_keys(table: &str) -> Vec<String> {
    let text = format!("{table}\nno-such-key = 1\n");
    let error = Config::from_toml(&text, "probe.toml").expect_err("an unknown key is refused");
    let message = error.to_string();
    let list = message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))
        .unwrap_or_else(|| panic!("{message}"))
        .1;
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_block_of_the_reference_is_a_valid_configuration() {
    let blocks = toml_blocks(&doc());
    assert_eq!(blocks.len(), 2, "{blocks:#?}");
    for block in &blocks {
        if let Err(e) = Config::from_toml(block, "docs/configuration.md") {
            panic!("{block}\n{e}");
        }
    }
}

#[test]
fn every_key_the_reader_knows_is_in_the_reference() {
    let doc = doc();
    let tables = ["", "[select]", "[types.Pet]", "[all-types]"];
    let mut checked = 0;
    for table in tables {
        for key in known_keys(table) {
            assert!(
                doc.contains(&format!("{key} = ")) || doc.contains(&format!("[{key}")),
                "`{key}` of `{table}` is not shown in docs/configuration.md"
            );
            checked += 1;
        }
    }
    // crate-name, select, formats, types, all-types; six in [select]; five in a type; two in
    // [all-types].
    assert_eq!(checked, 5 + 6 + 5 + 2);
}

/// The table of strict types lists every pair of format and crate the generator offers, each
/// in the row of its format with its type's path, and no pair it does not offer.
#[test]
fn the_strict_types_table_is_the_generators() {
    use codegen::ir::{Strict, StrictCrate, TextFormat};
    let text = doc();
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("| `"))
        .collect();
    let mut offered = 0;
    for format in TextFormat::ALL {
        let row = rows
            .iter()
            .find(|row| row.starts_with(&format!("| `{}` ", format.spec_name())));
        let crates = Strict::crates_for(format);
        let Some(row) = row else {
            assert!(crates.is_empty(), "no row for {}", format.spec_name());
            continue;
        };
        for krate in StrictCrate::ALL {
            let path = Strict::new(format, krate).map(|s| format!("`{}`", s.written()));
            match path {
                Some(path) => {
                    offered += 1;
                    assert!(row.contains(&path), "{row} lacks {path}");
                }
                None => {
                    // A crate named in the row (`"uuid"`: ...) is a crate offered there.
                    let named = format!("`\"{}\"`", krate.config_name());
                    assert!(!row.contains(&named), "{row} names {named}");
                }
            }
        }
    }
    assert_eq!(offered, 11);
}
