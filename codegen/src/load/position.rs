//! Finds the line and column of a JSON pointer in the spec's text, so that a problem found after
//! parsing can still be reported as `file:line:col`, which editors turn into a link.
//!
//! JSON is scanned exactly. YAML is followed through its block structure (indented keys and `-`
//! items), which is how specs are written; inside a flow collection (`{…}`, `[…]`) the search
//! stops at the line of the deepest key it found, which still points at the right place.

/// Finds many pointers in one text: a YAML text is split into lines once, not once a pointer.
pub struct Locator<'t> {
    text: &'t str,
    /// For YAML: (line number, indent of the content, content) of each line that is not blank
    /// or a comment. Empty for JSON.
    yaml_lines: Vec<(usize, usize, &'t str)>,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        let yaml_lines = if is_json(text) {
            Vec::new()
        } else {
            text.lines()
                .enumerate()
                .filter_map(|(i, l)| {
                    let content = l.trim_start();
                    (!content.is_empty() && !content.starts_with('#'))
                        .then(|| (i + 1, l.len() - content.len(), content))
                })
                .collect()
        };
        Locator { text, yaml_lines }
    }

    /// Line and column (1-based) of the node at `pointer`, or of its deepest ancestor found.
    pub fn find(&self, pointer: &str) -> Option<(usize, usize)> {
        let segments: Vec<String> = pointer
            .strip_prefix('#')?
            .split('/')
            .skip(1)
            .map(crate::error::unescape_segment)
            .collect();
        if segments.is_empty() {
            return None;
        }
        if is_json(self.text) {
            find_json(self.text, &segments)
        } else {
            find_yaml(&self.yaml_lines, &segments)
        }
    }
}

fn is_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

fn find_yaml(lines: &[(usize, usize, &str)], segments: &[String]) -> Option<(usize, usize)> {
    let mut start = 0;
    let mut parent_indent: Option<usize> = None;
    // A sequence item found last: its first key sits on the item's own line after the `- `, and
    // its other keys line up with that one.
    let mut item: Option<(usize, usize, &str)> = None;
    let mut found = None;
    for segment in segments {
        // The block of the parent: the lines after it that are indented deeper (after an item,
        // the item's own line first, then the lines at least as deep as its first key).
        let head = item.take().map(|line| (start - 1, line));
        let floor = head.map(|(_, (_, indent, _))| indent);
        let block = head.into_iter().chain(
            lines[start..]
                .iter()
                .copied()
                .enumerate()
                .map(move |(i, l)| (start + i, l))
                .take_while(move |&(_, (_, indent, _))| match floor {
                    Some(floor) => indent >= floor,
                    None => parent_indent.is_none_or(|p| indent > p),
                }),
        );
        let Some((_, (_, child_indent, first))) = block.clone().next() else {
            break;
        };
        let in_sequence = first.starts_with('-');
        if let (true, Ok(index)) = (in_sequence, segment.parse::<usize>()) {
            let hit = block
                .filter(|(_, (_, indent, content))| {
                    *indent == child_indent && content.starts_with('-')
                })
                .nth(index);
            let Some((i, (line, indent, content))) = hit else {
                break;
            };
            let rest = content[1..].trim_start();
            let key_indent = indent + (content.len() - rest.len());
            found = Some((line, indent + 1));
            start = i + 1;
            parent_indent = Some(indent);
            item = Some((line, key_indent, rest));
            continue;
        }
        let forms = key_forms(segment);
        let hit = block
            .filter(|&(_, (_, indent, _))| indent == child_indent)
            .find(|&(_, (_, _, content))| is_key(content, &forms));
        let Some((i, (line, indent, _))) = hit else {
            break;
        };
        found = Some((line, indent + 1));
        start = i + 1;
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

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

fn find_json(text: &str, target: &[String]) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let (mut line, mut line_start) = (1, 0);
    let mut best: Option<((usize, usize), usize)> = None;
    let mut i = 0;
    let path_matches = |stack: &[Frame], extra: Option<&str>| -> usize {
        // How many leading segments of the target the current path matches.
        let mut path: Vec<String> = stack
            .iter()
            .filter_map(|f| match f {
                Frame::Object { key, .. } => key.clone(),
                Frame::Array { index } => Some(index.to_string()),
            })
            .collect();
        if let Some(extra) = extra {
            path.pop();
            path.push(extra.to_owned());
        }
        if path.len() > target.len() || path.iter().zip(target).any(|(a, b)| a != b) {
            0
        } else {
            path.len()
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        let here = (line, i - line_start + 1);
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                let depth = path_matches(&stack, None);
                if depth > best.map_or(0, |(_, d)| d) {
                    best = Some((here, depth));
                }
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => {
                    *index += 1;
                    let depth = path_matches(&stack, None);
                    if depth > best.map_or(0, |(_, d)| d) {
                        best = Some(((line, i - line_start + 2), depth));
                    }
                }
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                    if *expecting_key {
                        let raw = text.get(start..i.min(bytes.len())).unwrap_or_default();
                        *key = Some(raw.replace("\\\"", "\"").replace("\\\\", "\\"));
                        *expecting_key = false;
                        let depth = path_matches(&stack, None);
                        if depth > best.map_or(0, |(_, d)| d) {
                            best = Some((here, depth));
                        }
                        if depth == target.len() {
                            return Some(here);
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    best.map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

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
