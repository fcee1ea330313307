//! Finds the line and column of a JSON pointer in the spec's text, so that a problem found after
//! parsing can still be reported as `file:line:col`, which editors turn into a link.
//!
//! JSON is scanned exactly. YAML is followed through its block structure (indented keys and `-`
//! items), which is how specs are written; inside a flow collection (`{…}`, `[…]`) the search
//! stops at the line of the deepest key it found, which still points at the right place.

use indexmap::IndexMap;

/// The line and column (1-based) of each pointer, or of its deepest ancestor found; `None`
/// for the root, for anything that is not a `#/…` pointer, and where not even the first
/// segment is found. JSON is scanned once for all of them; YAML's lines are indexed once and
/// each pointer followed through them.
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Option<(usize, usize)>> {
    let segments: Vec<Option<Vec<String>>> = pointers.iter().map(|p| pointer_segments(p)).collect();
    if is_json(text) {
        let asked: Vec<Vec<String>> = segments.iter().flatten().cloned().collect();
        let mut found = json::find_all(text, &asked).into_iter();
        return segments
            .iter()
            .map(|s| s.as_ref().and_then(|_| found.next().flatten()))
            .collect();
    }
    let yaml = YamlLines::new(text);
    segments
        .iter()
        .map(|s| s.as_ref().and_then(|s| find_yaml(&yaml, s)))
        .collect()
}

/// The content lines of a YAML text (not blank, not a comment): (line number, indent,
/// content), for each the index of the first line after its block (the next line indented no
/// deeper), and the blocks indexed so far, by their first line and whether they start at an
/// item's own line: each is read once, however many pointers pass through it.
pub struct YamlLines<'t> {
    lines: Vec<(usize, usize, &'t str)>,
    block_end: Vec<usize>,
    blocks: std::cell::RefCell<IndexMap<(usize, bool), Block<'t>>>,
}

impl<'t> YamlLines<'t> {
    fn new(text: &'t str) -> Self {
        let lines = content_lines(text);
        // One pass from the end: a line's block ends at the first later line indented no
        // deeper, found by following the block ends of the deeper lines in between.
        let mut block_end = vec![lines.len(); lines.len()];
        for i in (0..lines.len()).rev() {
            let mut next = i + 1;
            while next < lines.len() && lines[next].1 > lines[i].1 {
                next = block_end[next];
            }
            block_end[i] = next;
        }
        YamlLines {
            lines,
            block_end,
            blocks: Default::default(),
        }
    }
}

/// The unescaped segments of a `#/…` pointer; `None` for the root or anything else.
fn pointer_segments(pointer: &str) -> Option<Vec<String>> {
    let segments: Vec<String> = pointer
        .strip_prefix('#')?
        .split('/')
        .skip(1)
        .map(crate::pointer::unescape_segment)
        .collect();
    (!segments.is_empty()).then_some(segments)
}

/// The lines of a YAML text that hold content, not blank and not only a comment: (line
/// number, indent, content). A line that starts with `#` inside a block scalar is taken for a
/// comment here; that can only make a position less precise.
fn content_lines(text: &str) -> Vec<(usize, usize, &str)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let content = l.trim_start();
            (!content.is_empty() && !content.starts_with('#'))
                .then(|| (i + 1, l.len() - content.len(), content))
        })
        .collect()
}

fn is_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// One line of a block as a search steps to it: the index of the line after it (`start` for an
/// item's own line, which stands before the block's other lines), and the line.
type Sibling<'t> = (usize, (usize, usize, &'t str));

/// The lines of one block at the indent of its first line, indexed: each key a line can be
/// read as (see `line_keys`) with the first line that has it, and the `-` items in order.
pub struct Block<'t> {
    keys: IndexMap<String, Sibling<'t>>,
    items: Vec<Sibling<'t>>,
    first_is_item: bool,
}

fn find_yaml(yaml: &YamlLines<'_>, segments: &[String]) -> Option<(usize, usize)> {
    let mut start = 0;
    let mut parent_indent: Option<usize> = None;
    // A sequence item found last: its first key sits on the item's own line after the `- `, and
    // its other keys line up with that one.
    let mut item: Option<(usize, usize, &str)> = None;
    let mut found = None;
    for segment in segments {
        let head = item.take();
        let mut blocks = yaml.blocks.borrow_mut();
        let block = match blocks.entry((start, head.is_some())) {
            indexmap::map::Entry::Occupied(entry) => entry.into_mut(),
            indexmap::map::Entry::Vacant(entry) => {
                let Some(block) = read_block(yaml, start, head, parent_indent) else {
                    break;
                };
                entry.insert(block)
            }
        };
        if let (true, Ok(index)) = (block.first_is_item, segment.parse::<usize>()) {
            let Some(&(next, (line, indent, content))) = block.items.get(index) else {
                break;
            };
            let rest = content[1..].trim_start();
            let key_indent = indent + (content.len() - rest.len());
            found = Some((line, indent + 1));
            start = next;
            parent_indent = Some(indent);
            item = Some((line, key_indent, rest));
            continue;
        }
        let Some(&(next, (line, indent, _))) = block.keys.get(segment) else {
            break;
        };
        found = Some((line, indent + 1));
        start = next;
        parent_indent = Some(indent);
    }
    found
}

/// The block that starts at line `start`: after an item, the item's own line (`head`) first,
/// then the lines at least as deep as its first key; otherwise the lines indented deeper than
/// the parent. Only the lines at the indent of its first line count, and the search steps over
/// the deeper ones by their block ends. `None` for an empty block.
fn read_block<'t>(
    yaml: &YamlLines<'t>,
    start: usize,
    head: Option<(usize, usize, &'t str)>,
    parent_indent: Option<usize>,
) -> Option<Block<'t>> {
    let lines = &yaml.lines;
    let floor = head.map(|(_, indent, _)| indent);
    let in_block = |indent: usize| match floor {
        Some(floor) => indent >= floor,
        None => parent_indent.is_none_or(|p| indent > p),
    };
    let child_indent = match head.or_else(|| lines.get(start).copied()) {
        Some((_, indent, _)) if in_block(indent) => indent,
        _ => return None,
    };
    let mut siblings: Vec<Sibling<'t>> = head.map(|head| (start, head)).into_iter().collect();
    let mut j = start;
    while j < lines.len() && in_block(lines[j].1) {
        if lines[j].1 == child_indent {
            siblings.push((j + 1, lines[j]));
            j = yaml.block_end[j];
        } else {
            j += 1;
        }
    }
    let first_is_item = siblings
        .first()
        .is_some_and(|(_, (_, _, content))| content.starts_with('-'));
    let mut keys = IndexMap::new();
    for sibling in &siblings {
        for key in line_keys(sibling.1 .2) {
            keys.entry(key).or_insert(*sibling);
        }
    }
    let items = siblings
        .into_iter()
        .filter(|(_, (_, _, content))| content.starts_with('-'))
        .collect();
    Some(Block {
        keys,
        items,
        first_is_item,
    })
}

/// Every key a line can be read as: each segment whose written form, plain, double-quoted or
/// single-quoted (as `reference::key_forms` writes them), the line starts with, followed by `:` and a space, a tab
/// or the end of the line. (`a: b: c` reads as `a` and as `a: b`, as the search by forms did.)
fn line_keys(content: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for (i, _) in content.match_indices(':') {
        let rest = &content[i + 1..];
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            continue;
        }
        let written = &content[..i];
        keys.push(written.to_owned());
        let quoted = |quote: char| {
            written
                .strip_prefix(quote)
                .and_then(|w| w.strip_suffix(quote))
                .filter(|_| written.len() >= 2)
        };
        if let Some(inner) = quoted('"').and_then(unescape_double) {
            keys.push(inner);
        }
        if let Some(inner) = quoted('\'').and_then(unescape_single) {
            keys.push(inner);
        }
    }
    keys
}

/// The segment whose double-quoted form has `inner` between its quotes, if any has.
fn unescape_double(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                c @ ('\\' | '"') => out.push(c),
                _ => return None,
            },
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// The segment whose single-quoted form has `inner` between its quotes, if any has.
fn unescape_single(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => match chars.next()? {
                '\'' => out.push('\''),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

mod json;

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests;
