//! Markdown tables laid out as the seed's model pages lay them out.
//!
//! Every cell of a table, the header row included, is padded to one width: the longest cell
//! text of that table, where each `<br/>` counts as one character (it stands for one line
//! break). A cell is one space, its text, the padding, one space; the separator row has that
//! many dashes per cell. A cell holding `<br/>` therefore runs past the width, as in the seed.

/// The width a cell's text counts for.
pub fn width(text: &str) -> usize {
    text.chars().count() - 4 * text.matches("<br/>").count()
}

/// The table with `header` and `rows`, each row as long as the header; every line ends in `\n`.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let cells = header
        .iter()
        .copied()
        .chain(rows.iter().flatten().map(String::as_str));
    let w = cells.map(width).max().unwrap_or(0);
    let mut out = String::with_capacity((rows.len() + 2) * header.len() * (w + 3) + 64);
    line(&mut out, header.iter().copied(), w);
    line(
        &mut out,
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
        line(&mut out, row.iter().map(String::as_str), w);
    }
    out
}

fn line<'t>(out: &mut String, cells: impl Iterator<Item = &'t str>, w: usize) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        pad(out, w.saturating_sub(width(cell)));
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
    fn every_cell_is_padded_to_the_widest_with_line_breaks_counted_once() {
        let rows = vec![
            vec!["`a`".to_owned(), "one<br/>two".to_owned()],
            vec!["`bb`".to_owned(), "N/A".to_owned()],
        ];
        let text = table(&["Field", "Description"], &rows);
        // The widest cell is the header `Description`, 11 characters; `one<br/>two` counts 7.
        let expected = [
            "| Field       | Description |",
            "| ----------- | ----------- |",
            "| `a`         | one<br/>two     |",
            "| `bb`        | N/A         |",
        ];
        assert_eq!(text, expected.join("\n") + "\n");
    }

    #[test]
    fn a_cell_with_line_breaks_can_set_the_width() {
        let rows = vec![vec!["x".to_owned(), "a<br/>b<br/>c<br/>d".to_owned()]];
        let text = table(&["F", "D"], &rows);
        // `a<br/>b<br/>c<br/>d` counts 7: every cell is padded to 7, and it runs past them.
        assert_eq!(
            text,
            "| F       | D       |\n| ------- | ------- |\n| x       | a<br/>b<br/>c<br/>d |\n"
        );
    }

    #[test]
    fn width_counts_characters_not_bytes() {
        assert_eq!(width("é<br/>ü"), 3);
        assert_eq!(width(""), 0);
    }
}
