//! The seed's model page against ours, cell by cell: the same lines around the table (headings,
//! description, blank lines), the same Field and Required columns, the Type column spelled by
//! our rules (the seed's generator writes Java types: `*Optional\<Long>*` is our
//! `*Option\<i64>*`, a `List\<…>` that may be absent our `Option\<Vec\<…>>`), and, where both
//! pages come from the same spec, the same Description column byte for byte. Our page must also
//! keep the seed's padding: the width is the widest cell with each `<br/>` counted as one, and
//! every cell is padded until its bytes reach it.

use codegen::pages::cell_width;

/// A page: its lines outside the table, and the table's rows with the padding taken off.
#[derive(Debug, PartialEq)]
struct Page {
    lines: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Each cell as written, for the padding check.
    padded: Vec<String>,
}

fn parse(text: &str) -> Page {
    let mut page = Page {
        lines: Vec::new(),
        rows: Vec::new(),
        padded: Vec::new(),
    };
    let mut lines = text.lines().peekable();
    // Our pages start with the generated-file header, which the seed's has not.
    if lines.peek().is_some_and(|l| l.starts_with("<!--")) {
        lines.next();
    }
    for line in lines {
        match line.strip_prefix("| ").and_then(|l| l.strip_suffix(" |")) {
            Some(inner) => {
                let cells = split_cells(inner);
                page.padded.extend(cells.iter().cloned());
                page.rows.push(
                    cells
                        .iter()
                        .map(|c| c.trim_end_matches(' ').to_owned())
                        .collect(),
                );
            }
            None => page.lines.push(line.to_owned()),
        }
    }
    page
}

/// The cells of a row (its text between the leading `| ` and the trailing ` |`), split at
/// each ` | ` that is not an escaped `\|`, padding kept.
pub fn split_cells(inner: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            cell.push(c);
            cell.extend(chars.next());
        } else if c == ' ' && chars.peek() == Some(&'|') {
            chars.next();
            chars.next();
            cells.push(std::mem::take(&mut cell));
        } else {
            cell.push(c);
        }
    }
    cells.push(cell);
    cells
}

/// The seed's Java spelling of a field's type in ours: the type names mapped word by word, and
/// a list or map that may be absent wrapped in `Option` (in Java any list may be `null`).
pub fn rust_spelling(seed: &str, required: bool) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(match word.as_str() {
            "Optional" => "Option",
            "Long" => "i64",
            "Integer" => "i32",
            "Boolean" => "bool",
            "Double" | "Float" | "BigDecimal" => "f64",
            "Object" => "serde_json::Value",
            "OffsetDateTime" | "LocalDate" => "String",
            "List" => "Vec",
            "Map" => "IndexMap",
            other => other,
        });
        word.clear();
    };
    for c in seed.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    if !required && (out.starts_with("Vec\\<") || out.starts_with("IndexMap\\<")) {
        out = format!("Option\\<{out}>");
    }
    out
}

/// What differs between the seed's page and ours; empty when they agree.
pub fn compare(seed: &str, ours: &str, descriptions: bool) -> Vec<String> {
    let seed = parse(seed);
    let ours = parse(ours);
    let mut problems = Vec::new();
    if seed.lines != ours.lines {
        problems.push(format!(
            "the lines around the table differ: seed {:?}, ours {:?}",
            seed.lines, ours.lines
        ));
    }
    if seed.rows.len() != ours.rows.len() {
        problems.push(format!(
            "the seed's table has {} rows, ours {}",
            seed.rows.len(),
            ours.rows.len()
        ));
    }
    for (i, (s, o)) in seed.rows.iter().zip(&ours.rows).enumerate() {
        if s.len() != 4 || o.len() != 4 {
            problems.push(format!(
                "row {i}: {} cells in the seed, {} in ours",
                s.len(),
                o.len()
            ));
            continue;
        }
        let separator_or_header = i < 2;
        let required = s[2] == ":heavy_check_mark:";
        let expected_type = if separator_or_header {
            s[1].clone()
        } else {
            rust_spelling(&s[1], required)
        };
        let checks = [
            ("Field", s[0].clone(), &o[0]),
            ("Type", expected_type, &o[1]),
            ("Required", s[2].clone(), &o[2]),
        ];
        for (column, expected, got) in checks {
            // The separator rows differ in length with the widths; they are checked below.
            if i != 1 && &expected != got {
                problems.push(format!(
                    "row {i}, {column}: seed {expected:?}, ours {got:?}"
                ));
            }
        }
        if descriptions && i != 1 && s[3] != o[3] {
            problems.push(format!(
                "row {i}, Description: seed {:?}, ours {:?}",
                s[3], o[3]
            ));
        }
    }
    // Where both tables have one width (the Type column's spellings can set them apart),
    // every cell must be as long in bytes as the seed's, padding included.
    let width_of = |page: &Page| {
        page.padded
            .iter()
            .map(|c| cell_width(c.trim_end_matches(' ')))
            .max()
    };
    if descriptions && width_of(&seed) == width_of(&ours) {
        for (i, (s, o)) in seed.padded.iter().zip(&ours.padded).enumerate() {
            if s.len() != o.len() {
                problems.push(format!(
                    "cell {i} is {} bytes with its padding, the seed's {}: {o:?}",
                    o.len(),
                    s.len()
                ));
            }
        }
    }
    let w = ours
        .padded
        .iter()
        .map(|c| cell_width(c.trim_end_matches(' ')))
        .max();
    if let Some(w) = w {
        for cell in &ours.padded {
            if !codegen::pages::padded_to(cell, w) {
                problems.push(format!("cell {cell:?} is not padded to {w}"));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_spellings_read_as_ours() {
        let table = [
            ("*Optional\\<String>*", false, "*Option\\<String>*"),
            ("*Optional\\<Long>*", false, "*Option\\<i64>*"),
            ("*Optional\\<Boolean>*", false, "*Option\\<bool>*"),
            ("*String*", true, "*String*"),
            ("List\\<*String*>", false, "Option\\<Vec\\<*String*>>"),
            ("List\\<*String*>", true, "Vec\\<*String*>"),
            (
                "[Optional\\<LongAction>](../../models/operations/LongAction.md)",
                false,
                "[Option\\<LongAction>](../../models/operations/LongAction.md)",
            ),
            (
                "Map\\<String, *Long*>",
                false,
                "Option\\<IndexMap\\<String, *i64*>>",
            ),
        ];
        for (seed, required, ours) in table {
            assert_eq!(rust_spelling(seed, required), ours, "{seed}");
        }
    }

    const SEED: &str = "# T\n\n\n## Fields\n\n\
        | Field                | Type                 | Required             | Description          |\n\
        | -------------------- | -------------------- | -------------------- | -------------------- |\n\
        | `a`                  | *Optional\\<Long>*    | :heavy_minus_sign:   | One.<br/>           |\n\
        | `b`                  | List\\<*String*>      | :heavy_check_mark:   | N/A                  |";

    fn ours(description: &str) -> String {
        let rows = [
            ["Field", "Type", "Required", "Description"],
            ["-", "-", "-", "-"],
            ["`a`", "*Option\\<i64>*", ":heavy_minus_sign:", description],
            ["`b`", "Vec\\<*String*>", ":heavy_check_mark:", "N/A"],
        ];
        let w = rows.iter().flatten().map(|c| cell_width(c)).max().unwrap();
        let mut text = "<!-- header -->\n# T\n\n\n## Fields\n\n".to_owned();
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    if i == 1 {
                        "-".repeat(w)
                    } else {
                        format!("{c}{}", " ".repeat(w.saturating_sub(c.len())))
                    }
                })
                .collect();
            text.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        text
    }

    #[test]
    fn pages_that_agree_compare_clean_and_a_changed_cell_is_named() {
        assert_eq!(
            compare(SEED, &ours("One.<br/>"), true),
            Vec::<String>::new()
        );
        assert_eq!(
            compare(SEED, &ours("Our own words."), false),
            Vec::<String>::new()
        );
        let problems = compare(SEED, &ours("Our own words."), true);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("row 2, Description"));
        let unpadded = ours("One.<br/>").replace("| N/A ", "| N/A");
        assert!(compare(SEED, &unpadded, true)
            .iter()
            .any(|p| p.contains("not padded")));
        let shifted = ours("One.<br/>").replace("# T\n\n\n", "# T\n\n");
        assert!(compare(SEED, &shifted, true)[0].contains("lines around the table"));
    }
}
