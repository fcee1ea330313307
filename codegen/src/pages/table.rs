//! Markdown tables laid out as the seed's model pages lay them out.
//!
//! As the seed's pages do it: the table's width is its longest cell text in bytes, each `<br/>`
//! counted as one (it stands for one line break); then every cell, the header row included, is
//! padded with spaces until its bytes reach that width, `<br/>` counted whole. A cell is one
//! space, its text, the padding, one space; the separator row has that many dashes per cell.
//! So every cell ends as long in bytes as the others, except the one that set the width with
//! line breaks in it, which runs past them.

/// The width a cell's text counts for when the table's width is set.
pub fn width(text: &str) -> usize {
    // Most cells hold no `<` at all, which a byte search tells before any substring search.
    if !text.as_bytes().contains(&b'<') {
        return text.len();
    }
    text.len() - 4 * text.matches("<br/>").count()
}

/// Whether a cell as written (padding included) is padded to a table of width `w`: its bytes
/// reach `w`, or its line breaks already make it longer (so it takes no padding).
pub fn padded_to(cell: &str, w: usize) -> bool {
    cell.len() == w || (cell.len() > w && width(cell) <= w)
}

/// Appends the table with `header` and `rows`, each row as long as the header; every line
/// ends in `\n`. The room for it is reserved first, so the page grows once per table.
pub fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let cells = header
        .iter()
        .copied()
        .chain(rows.iter().flatten().map(String::as_str));
    let w = cells.map(width).max().unwrap_or(0);
    // Exactly the bytes of the table: a cell is padded to `w` or runs past it.
    let cell = |text: &str| text.len().max(w) + 3;
    let body: usize = rows.iter().flatten().map(|text| cell(text)).sum();
    let fixed: usize = header.iter().map(|text| cell(text) + w + 3).sum();
    let size = body + fixed + 2 * (rows.len() + 2);
    out.reserve(size);
    let start = out.len();
    line(out, header.iter().copied(), w);
    line(
        out,
        header
            .iter()
            .map(|_| "-".repeat(w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
        w,
    );
    for row in rows {
        debug_assert_eq!(row.len(), header.len());
        line(out, row.iter().map(String::as_str), w);
    }
    debug_assert_eq!(
        out.len() - start,
        size,
        "the room reserved is the table's size"
    );
}

fn line<'t>(out: &mut String, cells: impl Iterator<Item = &'t str>, w: usize) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        pad(out, w.saturating_sub(cell.len()));
        out.push_str(" |");
    }
    out.push('\n');
}

/// Appends `n` spaces, a slice at a time: a table's padding can be most of its page.
fn pad(out: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let take = n.min(SPACES.len());
        out.push_str(&SPACES[..take]);
        n -= take;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_padded_to_the_width_in_bytes() {
        let rows = vec![
            vec!["`a`".to_owned(), "one<br/>two".to_owned()],
            vec!["`bb`".to_owned(), "N/A".to_owned()],
        ];
        let mut text = String::new();
        table(&mut text, &["Field", "Description"], &rows);
        // The widest cell is the header `Description`, 11; `one<br/>two` counts 7 for the
        // width but is 11 bytes, so it takes no padding and ends where the others do.
        let expected = [
            "| Field       | Description |",
            "| ----------- | ----------- |",
            "| `a`         | one<br/>two |",
            "| `bb`        | N/A         |",
        ];
        assert_eq!(text, expected.join("\n") + "\n");
    }

    #[test]
    fn a_cell_with_line_breaks_can_set_the_width_and_run_past_it() {
        let rows = vec![vec!["x".to_owned(), "a<br/>b<br/>c<br/>d".to_owned()]];
        let mut text = String::new();
        table(&mut text, &["F", "D"], &rows);
        // `a<br/>b<br/>c<br/>d` counts 7: every cell is padded to 7 bytes, and it runs past.
        assert_eq!(
            text,
            "| F       | D       |\n| ------- | ------- |\n| x       | a<br/>b<br/>c<br/>d |\n"
        );
    }

    #[test]
    fn width_counts_bytes_and_each_line_break_once() {
        assert_eq!(width("é<br/>ü"), 5);
        assert_eq!(width(""), 0);
    }
}
