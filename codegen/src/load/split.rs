//! YAML parsing spread over the cores.
//!
//! A spec is one large block mapping (`paths:` alone is most of the Authlete spec) and the YAML
//! parser is single-threaded. Where the text is laid out as plain indented blocks, each large
//! section is cut at its entries (a path item, a schema), each piece is parsed on its own by
//! whichever core is free, and the pieces are put back together in document order.
//!
//! A piece is its entry's lines under the key lines of its ancestors, exactly as they stand in
//! the text, so it means what it meant in place. The cut is only a guess from indentation;
//! anything that makes it wrong makes a piece fail to parse (an alias of an anchor in another
//! piece, a flow collection or quoted scalar spanning a cut, a key written twice), and then the
//! caller parses the whole text as one, which also gives the error its true position.

use serde_json::{Map, Value};
use std::collections::HashMap;

/// A section is cut into its entries when it is larger than this share of the text.
const CUT_SHARE: usize = 16;
/// How many levels are cut: `paths` into path items is one; `components` into `schemas` and
/// `schemas` into schemas is two.
const MAX_DEPTH: usize = 2;

/// The parsed document, or `None` where the text is not laid out for cutting or a piece does not
/// parse; `parse` is the parser for one piece.
pub fn parse_in_pieces<E>(
    text: &str,
    parse: impl Fn(&str) -> Result<Value, E> + Sync,
) -> Option<Value> {
    let lines = content_lines(text);
    let cuts = Cuts {
        text,
        no_cut: anchored_ranges(text),
    };
    let mut pieces = Vec::new();
    cuts.cut(&lines, &[], &[], &mut pieces)?;
    if pieces.len() < 2 {
        return None;
    }
    let results = crate::parallel::map_indices(pieces.len(), |i| parse(&pieces[i].text(text)).ok());
    let mut root = Map::new();
    let mut owners = HashMap::new();
    for (piece, result) in pieces.iter().zip(results) {
        let value = result?;
        merge(
            &mut root,
            value,
            &piece.ancestor_ids,
            &mut Vec::new(),
            &mut owners,
        )?;
    }
    Some(Value::Object(root))
}

/// A line that holds content: its index, indent and text without the indent.
#[derive(Clone, Copy)]
struct Line<'t> {
    start: usize,
    indent: usize,
    content: &'t str,
}

/// The lines that are not blank and not comments, with where each starts in the text.
fn content_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let content = trimmed.trim_end();
        if !content.is_empty() && !content.starts_with('#') {
            out.push(Line {
                start,
                indent: line.len() - trimmed.len(),
                content,
            });
        }
        start += line.len();
    }
    out
}

/// One piece: the key lines of its ancestors and its own span of the text.
struct Piece {
    /// Byte ranges of the ancestors' key lines.
    ancestors: Vec<(usize, usize)>,
    /// Byte range of the piece itself.
    span: (usize, usize),
    /// Which cut section each ancestor is, to tell one section's pieces from a second section
    /// that repeats its key.
    ancestor_ids: Vec<usize>,
}

impl Piece {
    fn text(&self, text: &str) -> String {
        let mut out = String::with_capacity(self.span.1 - self.span.0 + 64);
        for &(from, to) in &self.ancestors {
            out.push_str(&text[from..to]);
        }
        out.push_str(&text[self.span.0..self.span.1]);
        out
    }
}

/// Where a text may be cut.
struct Cuts<'t> {
    text: &'t str,
    /// Byte ranges from an anchor to the last alias of it, merged and sorted: a cut inside one
    /// would part an alias from its anchor.
    no_cut: Vec<(usize, usize)>,
}

impl Cuts<'_> {
    fn allowed(&self, at: usize) -> bool {
        let after = self.no_cut.partition_point(|&(from, _)| from < at);
        after == 0 || self.no_cut[after - 1].1 < at
    }

    /// Cuts the block mapping made of `lines` (the first a key, none indented less) into
    /// sections, and large sections further; `None` where the layout is not plain enough.
    fn cut(
        &self,
        lines: &[Line],
        ancestors: &[(usize, usize)],
        ancestor_ids: &[usize],
        pieces: &mut Vec<Piece>,
    ) -> Option<()> {
        let text = self.text;
        let indent = lines.first()?.indent;
        // A sequence may sit at the indent of its key (`tags:` then `- a`): its items belong
        // to the section above them, as does a section that may not be cut from it.
        let starts: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].indent == indent && !lines[i].content.starts_with('-'))
            .filter(|&i| i == 0 || self.allowed(lines[i].start))
            .collect();
        if starts.first() != Some(&0)
            || starts.iter().any(|&i| !is_plain_key(lines[i].content))
            || lines.iter().any(|l| l.indent < indent)
        {
            return None;
        }
        for (k, &first) in starts.iter().enumerate() {
            let last = starts.get(k + 1).copied().unwrap_or(lines.len());
            let span = (
                lines[first].start,
                starts
                    .get(k + 1)
                    .map_or_else(|| section_end(text, lines), |&i| lines[i].start),
            );
            let body = &lines[first + 1..last];
            let large = span.1 - span.0 > text.len() / CUT_SHARE;
            let block_body = lines[first].content.ends_with(':')
                && body.first().is_some_and(|l| is_plain_key(l.content))
                && body.iter().all(|l| l.indent > indent);
            if large && ancestors.len() < MAX_DEPTH && block_body {
                let mut inner = ancestors.to_vec();
                inner.push((span.0, body[0].start));
                let mut inner_ids = ancestor_ids.to_vec();
                // Pieces so far number the sections uniquely: none is cut before it starts.
                inner_ids.push(pieces.len());
                self.cut(body, &inner, &inner_ids, pieces)?;
            } else {
                pieces.push(Piece {
                    ancestors: ancestors.to_vec(),
                    span,
                    ancestor_ids: ancestor_ids.to_vec(),
                });
            }
        }
        Some(())
    }
}

/// The ranges from each anchor (`&name`) to the last alias of it (`*name`), merged. Found by
/// a scan that does not know where strings and comments are, so it may find more than there
/// is, which only forbids more cuts; a missed alias makes its piece fail to parse.
fn anchored_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut anchors: HashMap<&str, usize> = HashMap::new();
    let mut aliases: HashMap<&str, usize> = HashMap::new();
    let ends_name = |b: u8| b.is_ascii_whitespace() || b",[]{}".contains(&b);
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'&' && b != b'*' {
            continue;
        }
        if i > 0 && !(bytes[i - 1].is_ascii_whitespace() || b"[{,".contains(&bytes[i - 1])) {
            continue;
        }
        let len = bytes[i + 1..].iter().position(|&c| ends_name(c));
        let name = &text[i + 1..i + 1 + len.unwrap_or(bytes.len() - i - 1)];
        if name.is_empty() || !text.is_char_boundary(i + 1 + name.len()) {
            continue;
        }
        if b == b'&' {
            anchors.entry(name).or_insert(i);
        } else {
            aliases.insert(name, i);
        }
    }
    let mut ranges: Vec<(usize, usize)> = aliases
        .iter()
        .filter_map(|(name, &alias)| Some((*anchors.get(name)?, alias)))
        .filter(|(anchor, alias)| anchor < alias)
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// Where the block made of `lines` ends: at the end of its last line.
fn section_end(text: &str, lines: &[Line]) -> usize {
    let last = lines.last().map_or(0, |l| l.start);
    text[last..].find('\n').map_or(text.len(), |n| last + n + 1)
}

/// `key:` or `key: value` with a plain or quoted key: not a sequence item, complex key, flow
/// collection, anchor, alias, tag, directive or document marker.
fn is_plain_key(content: &str) -> bool {
    let Some(first) = content.chars().next() else {
        return false;
    };
    let odd = first.is_whitespace() || first.is_control() || first == '\u{feff}';
    if odd || "-?:,[]{}#&*!|>%@`".contains(first) {
        return false;
    }
    content.ends_with(':') || content.contains(": ")
}

/// Adds a parsed piece, `{a: {b: {key: value}}}` for a piece with ancestors `a` and `b`, into
/// `root`. An ancestor's map is made by the first piece of its section; a key met again from
/// another section (a key written twice in the text) fails, as the parser would have.
fn merge(
    root: &mut Map<String, Value>,
    value: Value,
    ancestor_ids: &[usize],
    path: &mut Vec<String>,
    owners: &mut HashMap<Vec<String>, usize>,
) -> Option<()> {
    let Value::Object(map) = value else {
        return None;
    };
    let Some((&id, inner_ids)) = ancestor_ids.split_first() else {
        for (key, value) in map {
            if root.insert(key, value).is_some() {
                return None;
            }
        }
        return Some(());
    };
    let mut entries = map.into_iter();
    let (key, inner) = entries.next()?;
    if entries.next().is_some() {
        return None;
    }
    path.push(key.clone());
    match owners.get(path.as_slice()) {
        Some(&owner) if owner != id => return None,
        Some(_) => {}
        None => {
            if root.contains_key(&key) {
                return None;
            }
            owners.insert(path.clone(), id);
        }
    }
    let Value::Object(slot) = root.entry(key).or_insert_with(|| Value::Object(Map::new())) else {
        return None;
    };
    merge(slot, inner, inner_ids, path, owners)
}

#[cfg(test)]
mod tests {
    use super::tests_support::{agrees, whole};
    use super::*;

    fn pieces(text: &str) -> Option<Value> {
        parse_in_pieces(text, whole)
    }

    const SPEC: &str = "\
openapi: 3.0.3
info:
  title: t
  version: '1'
tags:
- name: a
paths:
  /a:
    get:
      description: |
        text
        /b: not a key
      responses: {}
  # a comment between entries
  '/b':
    get:
      responses:
        '200':
          description: ok
components:
  schemas:
    A:
      type: object
    B:
      type: string
";

    #[test]
    fn a_plain_spec_is_cut_and_gives_the_same_value() {
        assert_eq!(pieces(SPEC), Some(whole(SPEC).unwrap()));
    }

    #[test]
    fn keys_keep_their_order() {
        let value = pieces(SPEC).unwrap();
        let keys: Vec<&String> = value["paths"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["/a", "/b"]);
    }

    #[test]
    fn a_key_written_twice_is_not_merged_away() {
        for text in [
            format!("{SPEC}paths:\n  /c:\n    get: {{}}\n"),
            format!("{SPEC}paths: {{}}\n"),
            format!("paths: {{}}\n{SPEC}"),
            SPEC.replace("'/b':", "/a:"),
            SPEC.replace("    B:", "    A:"),
        ] {
            assert_eq!(pieces(&text), None, "{text}");
            assert!(whole(&text).is_err());
        }
    }

    #[test]
    fn what_spans_a_cut_makes_it_give_up() {
        let cases = [
            // A flow mapping whose lines reach back to the indent of the entries.
            SPEC.replace("  /a:\n", "  /x: {a: 1,\n  b: 2}\n  /a:\n"),
            // A quoted scalar that runs over a line at the indent of the entries.
            SPEC.replace(
                "        text\n",
                "        text\n      summary: \"one\n  /c: two\"\n",
            ),
            // Documents, directives and complex keys are left to the parser.
            format!("---\n{SPEC}"),
            format!("%YAML 1.2\n---\n{SPEC}"),
            SPEC.replace("  /a:\n", "  ? /a\n  :\n"),
        ];
        for text in &cases {
            assert!(agrees(text), "{text}");
        }
    }

    #[test]
    fn an_anchor_and_its_aliases_stay_in_one_piece() {
        let text = SPEC
            .replace("type: object", "type: &t object")
            .replace("type: string", "type: *t");
        assert_eq!(pieces(&text), Some(whole(&text).unwrap()));
        // From the first path item to the last schema: only the top-level sections before it
        // can be cut off.
        let far = text
            .replace("      responses: {}", "      responses: &r {}")
            .replace("type: *t", "type: *r");
        assert!(agrees(&far));
        assert_eq!(anchored_ranges(&far).len(), 1);
    }

    #[test]
    fn every_fixture_and_accepted_spec_agrees() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
        let (mut checked, mut cut) = (0, 0);
        for dir in ["fixtures", "hostile/accept", "hostile/reject"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(agrees(&text), "{}", path.display());
                checked += 1;
                cut += usize::from(pieces(&text).is_some());
            }
        }
        assert!(checked >= 30, "only {checked} specs checked");
        assert!(cut >= checked / 2, "only {cut} of {checked} specs were cut");
    }
}

#[cfg(test)]
mod mutations {
    //! Cutting must agree with the whole parse on broken and odd YAML too: every fixture spec is
    //! mutated many ways (lines dropped, doubled, re-indented, anchors and aliases planted,
    //! scalars opened across lines) and each result must cut to the same value or not at all.

    use super::tests_support::{agrees, whole};

    /// A small deterministic generator, so a failure is reproducible.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    fn mutate(text: &str, rng: &mut Lcg) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(lines.len());
            match rng.below(7) {
                0 => {
                    lines.remove(i);
                }
                1 => lines.insert(i, lines[i].clone()),
                2 => lines[i] = format!("  {}", lines[i]),
                3 => lines[i] = lines[i].trim_start_matches(' ').to_owned(),
                4 => {
                    // An anchor here and an alias further down.
                    let j = i + rng.below(lines.len() - i);
                    if let Some(at) = lines[i].find(": ") {
                        lines[i].insert_str(at + 2, "&m ");
                    }
                    if let Some(at) = lines[j].find(": ") {
                        lines[j].truncate(at + 2);
                        lines[j].push_str("*m");
                    }
                }
                5 => {
                    if let Some(at) = lines[i].find(": ") {
                        lines[i].insert(at + 2, '"');
                        let j = (i + 1 + rng.below(4)).min(lines.len() - 1);
                        lines[j].push('"');
                    }
                }
                _ => {
                    let indent = " ".repeat(2 * rng.below(4));
                    lines.insert(i, format!("{indent}- item"));
                }
            }
            if lines.is_empty() {
                break;
            }
        }
        lines.join("\n") + "\n"
    }

    #[test]
    fn mutated_fixtures_cut_to_the_same_value_or_not_at_all() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        let mut rng = Lcg(7);
        let (mut checked, mut cut) = (0, 0);
        for entry in std::fs::read_dir(root).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for round in 0..150 {
                let mutated = mutate(&text, &mut rng);
                assert!(
                    agrees(&mutated),
                    "{} (round {round}):\n{mutated}",
                    path.display()
                );
                checked += 1;
                cut += usize::from(super::parse_in_pieces(&mutated, whole).is_some());
            }
        }
        assert!(checked > 1000);
        // Many mutations break the text or its layout; enough must still cut for the test to
        // exercise cutting (about a quarter do).
        assert!(cut > checked / 5, "only {cut} of {checked} cut");
    }
}

#[cfg(test)]
mod tests_support {
    use super::*;

    pub fn whole(text: &str) -> Result<Value, serde_yaml::Error> {
        serde_yaml::from_str::<super::super::lenient::Lenient>(text).map(|l| l.0)
    }

    /// Cutting never changes the result: it gives the whole parse or gives up.
    pub fn agrees(text: &str) -> bool {
        match (parse_in_pieces(text, whole), whole(text)) {
            (Some(cut), Ok(one)) => cut == one,
            (Some(_), Err(_)) => false,
            (None, _) => true,
        }
    }
}
