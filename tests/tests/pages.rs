//! The model pages of every committed crate (`generated/` and each fixture), checked against
//! the Rust beside them: a page for every type and a type for every page, every link landing
//! on a file, every table laid out by the padding rule, and each struct page's Field and
//! Required columns equal to the properties its serde call reads, in order.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The committed crates: `generated/` and the fixtures (see `fixtures.rs` for their count).
fn crates() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![root.join("../generated")];
    let mut fixtures: Vec<PathBuf> = fs::read_dir(root.join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    fixtures.sort();
    out.extend(fixtures);
    out
}

const CRATES: usize = 36;

/// Every type of a crate: (module, name) → the text of its file.
fn types(krate: &Path) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    for module in ["operations", "components"] {
        let dir = krate.join("src/models").join(module);
        let Ok(mod_rs) = fs::read_to_string(dir.join("mod.rs")) else {
            continue;
        };
        for line in mod_rs.lines() {
            let Some(rest) = line.strip_prefix("pub use self::") else {
                continue;
            };
            let (stem, name) = rest.trim_end_matches(';').split_once("::").unwrap();
            let text = fs::read_to_string(dir.join(format!("{stem}.rs"))).unwrap();
            // A type of another crate replaces this one: it has no page.
            if text.contains("/// Not generated: this crate uses") {
                continue;
            }
            out.insert((module.to_owned(), name.to_owned()), text);
        }
    }
    out
}

/// What a type's file is: a struct with the properties its serde call reads (JSON name,
/// required), an alias of the type it names, or something else.
enum Shape {
    Struct(Vec<(String, bool)>),
    Alias(String, String),
    Other,
}

fn shape(module: &str, name: &str, text: &str) -> Shape {
    if let Some(start) = text.find(&format!("pub type {name} = ")) {
        let target = text[start..].split_once(" = ").unwrap().1;
        let target = target.split_once(';').unwrap().0.trim();
        let segments: Vec<&str> = target.split("::").collect();
        return match segments.as_slice() {
            ["super", last] => Shape::Alias(module.to_owned(), (*last).to_owned()),
            ["super", "super", other, last] => {
                Shape::Alias((*other).to_owned(), (*last).to_owned())
            }
            _ => Shape::Other,
        };
    }
    let Some(call) = text.split_once("support::object_serde!(") else {
        return Shape::Other;
    };
    let props = call
        .1
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let (kind, rest) = line.split_once(' ')?;
            let json = rest.strip_prefix('"')?.rsplit_once("\" => ")?.0;
            let json = json.replace("\\\"", "\"").replace("\\\\", "\\");
            Some((json, kind.starts_with("required")))
        })
        .collect();
    Shape::Struct(props)
}

/// The rows of each table of a page, cells as written (padding included).
fn tables(page: &str) -> Vec<Vec<Vec<String>>> {
    let mut out: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for line in page.lines() {
        if let Some(inner) = line.strip_prefix("| ").and_then(|l| l.strip_suffix(" |")) {
            if !in_table {
                out.push(Vec::new());
            }
            in_table = true;
            let cells = xtask::seed_page::split_cells(inner);
            out.last_mut().unwrap().push(cells);
        } else {
            in_table = false;
        }
    }
    out
}

#[test]
fn every_page_matches_the_crate_beside_it() {
    let crates = crates();
    assert_eq!(crates.len(), CRATES);
    let mut struct_pages = 0;
    for krate in &crates {
        let types = types(krate);
        assert!(!types.is_empty(), "{}: no types", krate.display());
        let docs = krate.join("docs/models");
        let index = fs::read_to_string(docs.join("README.md")).unwrap();
        // A page for every type, and no other page.
        let mut pages = Vec::new();
        for module in ["operations", "components"] {
            if let Ok(dir) = fs::read_dir(docs.join(module)) {
                pages.extend(dir.map(|e| (module.to_owned(), e.unwrap().path())));
            }
        }
        assert_eq!(pages.len(), types.len(), "{}", krate.display());
        for ((module, name), text) in &types {
            let path = docs.join(module).join(format!("{name}.md"));
            let page =
                fs::read_to_string(&path).unwrap_or_else(|_| panic!("{}: no page", path.display()));
            assert!(index.contains(&format!("]({module}/{name}.md)")), "{name}");
            assert!(
                page.lines().nth(1) == Some(format!("# {name}").as_str()),
                "{name}"
            );
            for link in page.split("](").skip(1) {
                let target = link.split_once(')').unwrap().0;
                if target.starts_with("http") || target.starts_with('#') {
                    continue;
                }
                let landed = path.parent().unwrap().join(target);
                assert!(
                    landed.is_file(),
                    "{}: link {target} lands nowhere",
                    path.display()
                );
            }
            for table in tables(&page) {
                let w = table[1][0].len();
                assert!(
                    table[1].iter().all(|c| c == &"-".repeat(w)),
                    "{}",
                    path.display()
                );
                // Every cell is padded until its bytes reach the width, but the one that set
                // it with `<br/>` in it; the widest cell has no padding.
                for cell in table.iter().flatten() {
                    assert!(
                        codegen::pages::padded_to(cell, w),
                        "{}: {cell:?} in {w}",
                        path.display()
                    );
                }
                let widest = table.iter().flatten().filter(|c| !c.ends_with(' ')).count();
                assert!(widest > 0, "{}: every cell padded", path.display());
            }
            // A struct page (or an alias's) lists the properties the Rust reads, in order.
            let mut current = (module.clone(), name.clone(), text.clone());
            let props = loop {
                match shape(&current.0, &current.1, &current.2) {
                    Shape::Struct(props) => break Some(props),
                    Shape::Alias(m, n) => match types.get(&(m.clone(), n.clone())) {
                        Some(t) => current = (m, n, t.clone()),
                        None => break None,
                    },
                    Shape::Other => break None,
                }
            };
            if let Some(props) = props {
                struct_pages += 1;
                let table = &tables(&page)[0];
                assert_eq!(table[0][0].trim_end(), "Field");
                let rows: Vec<(String, bool)> = table[2..]
                    .iter()
                    .map(|row| {
                        let field = row[0].trim_end();
                        let json = field.strip_prefix('`').unwrap().strip_suffix('`').unwrap();
                        let required = match row[2].trim_end() {
                            ":heavy_check_mark:" => true,
                            ":heavy_minus_sign:" => false,
                            other => panic!("{name}: Required is {other:?}"),
                        };
                        (json.replace("\\|", "|"), required)
                    })
                    .collect();
                assert_eq!(rows, props, "{}", path.display());
            }
        }
    }
    assert!(struct_pages > 100, "{struct_pages} struct pages");
}
