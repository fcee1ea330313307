//! Finds the line and column of a JSON pointer in the spec's text, so that a problem found after
//! parsing can still be reported as `file:line:col`, which editors turn into a link.
//!
//! JSON is scanned exactly. YAML is followed through its block structure (indented keys and `-`
//! items), which is how specs are written; inside a flow collection (`{…}`, `[…]`) the search
//! stops at the line of the deepest key it found, which still points at the right place.

use std::collections::HashMap;

/// Finds many pointers in one text, from an index built once: for JSON every node by its
/// pointer; for YAML its content lines with, for each, where its block ends, so that a search
/// steps from sibling to sibling instead of reading every line below them.
pub struct Locator<'t> {
    json: Option<HashMap<String, (usize, usize)>>,
    yaml: YamlLines<'t>,
}

/// The content lines of a YAML text (not blank, not a comment): (line number, indent,
/// content), and for each the index of the first line after its block (the next line indented
/// no deeper).
struct YamlLines<'t> {
    lines: Vec<(usize, usize, &'t str)>,
    block_end: Vec<usize>,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        if is_json(text) {
            return Locator {
                json: Some(index_json(text)),
                yaml: YamlLines {
                    lines: Vec::new(),
                    block_end: Vec::new(),
                },
            };
        }
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
        Locator {
            json: None,
            yaml: YamlLines { lines, block_end },
        }
    }

    /// Line and column (1-based) of the node at `pointer`, or of its deepest ancestor found.
    pub fn find(&self, pointer: &str) -> Option<(usize, usize)> {
        let segments = pointer_segments(pointer)?;
        match &self.json {
            Some(index) => find_json(index, &segments),
            None => find_yaml(&self.yaml, &segments),
        }
    }
}

/// The unescaped segments of a `#/…` pointer; `None` for the root or anything else.
fn pointer_segments(pointer: &str) -> Option<Vec<String>> {
    let segments: Vec<String> = pointer
        .strip_prefix('#')?
        .split('/')
        .skip(1)
        .map(crate::error::unescape_segment)
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

fn find_yaml(yaml: &YamlLines<'_>, segments: &[String]) -> Option<(usize, usize)> {
    let lines = &yaml.lines;
    let mut start = 0;
    let mut parent_indent: Option<usize> = None;
    // A sequence item found last: its first key sits on the item's own line after the `- `, and
    // its other keys line up with that one.
    let mut item: Option<(usize, usize, &str)> = None;
    let mut found = None;
    for segment in segments {
        // The block of the parent: the lines after it that are indented deeper (after an item,
        // the item's own line first, then the lines at least as deep as its first key).
        let head = item.take();
        let floor = head.map(|(_, indent, _)| indent);
        let in_block = |indent: usize| match floor {
            Some(floor) => indent >= floor,
            None => parent_indent.is_none_or(|p| indent > p),
        };
        // The lines of the block at the indent of its first line, each with the index of the
        // line after it (`start` for an item's own line), stepping over deeper ones.
        let child_indent = match head.or_else(|| lines.get(start).copied()) {
            Some((_, indent, _)) if in_block(indent) => indent,
            _ => break,
        };
        let mut j = start;
        let rest = std::iter::from_fn(|| {
            while j < lines.len() && in_block(lines[j].1) {
                let at = j;
                if lines[at].1 == child_indent {
                    j = yaml.block_end[at];
                    return Some((at + 1, lines[at]));
                }
                j += 1;
            }
            None
        });
        let mut siblings = head
            .map(|head| (start, head))
            .into_iter()
            .chain(rest)
            .peekable();
        let in_sequence = siblings
            .peek()
            .is_some_and(|(_, (_, _, first))| first.starts_with('-'));
        if let (true, Ok(index)) = (in_sequence, segment.parse::<usize>()) {
            let hit = siblings
                .filter(|(_, (_, _, content))| content.starts_with('-'))
                .nth(index);
            let Some((next, (line, indent, content))) = hit else {
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
        let forms = key_forms(segment);
        let hit = siblings.find(|(_, (_, _, content))| is_key(content, &forms));
        let Some((next, (line, indent, _))) = hit else {
            break;
        };
        found = Some((line, indent + 1));
        start = next;
        parent_indent = Some(indent);
    }
    found
}

/// How a key can be written: plain, double-quoted or single-quoted.
fn key_forms(segment: &str) -> [String; 3] {
    [
        segment.to_owned(),
        format!("\"{}\"", segment.replace('\\', "\\\\").replace('"', "\\\"")),
        format!("'{}'", segment.replace('\'', "''")),
    ]
}

/// Whether a YAML line starts with a key in one of its written `forms`.
fn is_key(content: &str, forms: &[String; 3]) -> bool {
    forms.iter().any(|k| {
        content.strip_prefix(k.as_str()).is_some_and(|rest| {
            rest.starts_with(':') && (rest.len() == 1 || rest[1..].starts_with([' ', '\t']))
        })
    })
}

/// Every node of a JSON text by its pointer (segments escaped as in a JSON pointer, joined
/// by `/`), with the place it starts: the opening quote of an object member's key, the `[`
/// of an array for its first element and the place after each `,` for the others. Built in
/// one pass, so that finding any number of pointers costs one scan of the text.
fn index_json(text: &str) -> HashMap<String, (usize, usize)> {
    enum Frame {
        /// An object; the length of the path of the object itself, and whether a key is next.
        Object { base: usize, expecting_key: bool },
        /// An array; the length of its path, and the index of the current element.
        Array { base: usize, index: usize },
    }
    let bytes = text.as_bytes();
    let mut index = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let (mut line, mut line_start) = (1, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let here = (line, i - line_start + 1);
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'{' => stack.push(Frame::Object {
                base: path.len(),
                expecting_key: true,
            }),
            b'[' => {
                let base = path.len();
                path.push_str("/0");
                index.entry(path.clone()).or_insert(here);
                stack.push(Frame::Array { base, index: 0 });
            }
            b'}' | b']' => {
                if let Some(Frame::Object { base, .. } | Frame::Array { base, .. }) = stack.pop() {
                    path.truncate(base);
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { base, index: n }) => {
                    *n += 1;
                    path.truncate(*base);
                    path.push('/');
                    path.push_str(&n.to_string());
                    index
                        .entry(path.clone())
                        .or_insert((line, i - line_start + 2));
                }
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object {
                    base,
                    expecting_key,
                }) = stack.last_mut()
                {
                    if *expecting_key {
                        *expecting_key = false;
                        let raw = text.get(start..=i.min(bytes.len() - 1)).unwrap_or_default();
                        let key: String = serde_json::from_str(raw).unwrap_or_default();
                        path.truncate(*base);
                        path.push('/');
                        path.push_str(&escape_segment(&key));
                        index.entry(path.clone()).or_insert(here);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    index
}

fn escape_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The place of the node at `segments`, or of its deepest ancestor in the index.
fn find_json(
    index: &HashMap<String, (usize, usize)>,
    segments: &[String],
) -> Option<(usize, usize)> {
    let escaped: Vec<String> = segments.iter().map(|s| escape_segment(s)).collect();
    (1..=escaped.len()).rev().find_map(|depth| {
        let key: String = escaped[..depth].iter().map(|s| format!("/{s}")).collect();
        index.get(&key).copied()
    })
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pointer of a document: each node's, and one past each object's keys.
    fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        out.push(if at.is_empty() {
            "#".to_owned()
        } else {
            format!("#{at}")
        });
        match value {
            serde_json::Value::Object(map) => {
                out.push(format!("#{at}/no~1such"));
                for (key, child) in map {
                    pointers(child, format!("{at}/{}", escape_segment(key)), out);
                }
            }
            serde_json::Value::Array(items) => {
                out.push(format!("#{at}/{}", items.len()));
                for (i, child) in items.iter().enumerate() {
                    pointers(child, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// The indexed locator finds what reading the text from the start finds, for every
    /// pointer of every fixture and hostile spec, in YAML and in JSON.
    #[test]
    fn the_index_finds_what_a_scan_from_the_start_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
        let mut compared = 0;
        let mut specs = 0;
        for dir in ["fixtures", "hostile/accept", "hostile/reject"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "json"))
                .collect();
            paths.sort();
            for path in paths {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let Ok(value) = crate::load::parse(text.as_bytes(), "x") else {
                    continue;
                };
                let json = serde_json::to_string_pretty(&value).unwrap();
                for text in [text.as_str(), json.as_str()] {
                    let locator = Locator::new(text);
                    let mut all = Vec::new();
                    pointers(&value, String::new(), &mut all);
                    // The scan from the start is slow: a large document is sampled evenly.
                    let stride = all.len().div_ceil(400);
                    for pointer in all.iter().step_by(stride) {
                        let expected = reference::find(text, pointer);
                        assert_eq!(
                            locator.find(pointer),
                            expected,
                            "{}: {pointer}",
                            path.display()
                        );
                        compared += 1;
                    }
                    specs += 1;
                }
            }
        }
        assert!(specs >= 80, "only {specs} documents compared");
        assert!(compared > 5_000, "only {compared} pointers compared");
    }

    fn find(text: &str, pointer: &str) -> Option<(usize, usize)> {
        Locator::new(text).find(pointer)
    }

    const YAML: &str = "openapi: 3.0.3\npaths:\n  /a/{id}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                required: 7\ncomponents:\n  schemas:\n    List:\n      allOf:\n        - $ref: '#/x'\n        - type: object\n          properties:\n            n: {type: integer}\n";

    #[test]
    fn yaml_block_keys_and_items() {
        assert_eq!(
            find(YAML, "#/paths/~1a~1{id}/get/responses/200"),
            Some((6, 9))
        );
        assert_eq!(
            find(
                YAML,
                "#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/required"
            ),
            Some((12, 17))
        );
        assert_eq!(
            find(YAML, "#/components/schemas/List/allOf/1/properties/n"),
            Some((20, 13))
        );
        // Inside a flow mapping the deepest block key is as far as it goes.
        assert_eq!(
            find(YAML, "#/components/schemas/List/allOf/1/properties/n/type"),
            Some((20, 13))
        );
        assert_eq!(find(YAML, "#/nothing/here"), None);
    }

    #[test]
    fn json_keys_and_indices() {
        let json = "{\n  \"paths\": {\n    \"/a\": {\"get\": {\"tags\": [\"x\", \"y\"]}}\n  }\n}";
        assert_eq!(find(json, "#/paths/~1a/get"), Some((3, 12)));
        assert_eq!(find(json, "#/paths/~1a/get/tags"), Some((3, 20)));
        assert_eq!(find(json, "#/paths/~1b"), Some((2, 3)));
    }
}
